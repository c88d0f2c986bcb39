package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.console.SignInThrottle;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.state.User;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * IAM users' console passwords: CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile and
 * ChangePassword. Each is authorized on the user's ARN ({@code arn:PARTITION:iam::ACCOUNT:user/PATH/NAME}). Every
 * password set is checked against the account's password policy (AWS's default one when it has none) and, when the
 * policy prevents reuse, against the hashes of the user's last passwords.
 *
 * <p>Hashing and verifying (Argon2id, {@link PasswordHasher}) take tens of milliseconds each, so they run on the
 * request's thread against the state as the call began, never inside the state writer; the write then checks that
 * the profile is still the one verified against and answers {@code EntityTemporarilyUnmodifiable} if another request
 * changed it meanwhile. Passwords appear in no message, log or audit event (the model marks them sensitive).
 */
final class LoginProfileOperations {

    private LoginProfileOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateLoginProfile", LoginProfileOperations::createLoginProfile);
        handlers.put("GetLoginProfile", LoginProfileOperations::getLoginProfile);
        handlers.put("UpdateLoginProfile", LoginProfileOperations::updateLoginProfile);
        handlers.put("DeleteLoginProfile", LoginProfileOperations::deleteLoginProfile);
        handlers.put("ChangePassword", LoginProfileOperations::changePassword);
    }

    /** Gives a user a password. Without {@code UserName}, the calling IAM user. */
    static Struct createLoginProfile(Call call) {
        String name = authorizeUser(call);
        String password = call.input().string("Password");
        boolean resetRequired = Boolean.TRUE.equals(call.input().bool("PasswordResetRequired"));
        if (password == null) {
            // The model leaves Password optional for AssumeRoot sessions, which Gatehouse does not issue.
            throw AwsError.VALIDATION_ERROR.exception(
                    "1 validation error detected: Value at 'password' failed to satisfy constraint: "
                            + "Member must not be null");
        }
        AccountState snapshot = call.account();
        existingUser(snapshot, name);
        if (snapshot.loginProfile(name) != null) {
            throw alreadyExists(name);
        }
        PasswordRules.check(password, snapshot.account().passwordPolicy());
        String hash = call.services().passwords().hash(password);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = existingUser(account, name);
            if (account.loginProfile(name) != null) {
                throw alreadyExists(name);
            }
            PasswordRules.check(password, account.account().passwordPolicy());
            LoginProfile profile = LoginProfile.create(user.name(), hash, resetRequired, now(call));
            mutation.putLoginProfile(accountId, profile);
            return view(call, profile);
        });
    }

    /** A user's login profile, without anything about its password but when it was created and must be reset. */
    static Struct getLoginProfile(Call call) {
        String name = authorizeUser(call);
        AccountState account = call.account();
        existingUser(account, name);
        return view(call, existingProfile(account, name));
    }

    /**
     * Sets a user's password, whether it must be reset at the next sign-in, or both; what the request leaves out
     * stays as it is.
     */
    static Struct updateLoginProfile(Call call) {
        String name = authorizeUser(call);
        String password = call.input().string("Password");
        Boolean resetRequired = call.input().bool("PasswordResetRequired");
        AccountState snapshot = call.account();
        existingUser(snapshot, name);
        LoginProfile verified = existingProfile(snapshot, name);
        String hash = password == null ? null : newPasswordHash(call, snapshot, verified, password);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            existingUser(account, name);
            LoginProfile profile = unchanged(account, name, verified);
            boolean reset = resetRequired != null ? resetRequired : profile.passwordResetRequired();
            if (hash != null) {
                PasswordRules.check(password, account.account().passwordPolicy());
                mutation.putLoginProfile(accountId, profile.withPassword(hash, reset, now(call)));
            } else if (reset != profile.passwordResetRequired()) {
                mutation.putLoginProfile(accountId, profile.withPasswordResetRequired(reset));
            }
            return call.noOutput();
        });
    }

    /** Removes a user's password; its access keys keep working. Without {@code UserName}, the calling IAM user's. */
    static Struct deleteLoginProfile(Call call) {
        String name = authorizeUser(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            existingUser(account, name);
            existingProfile(account, name);
            mutation.removeLoginProfile(accountId, name);
            return call.noOutput();
        });
    }

    /**
     * The calling IAM user changes its own password, proving it knows the current one; the new password need not
     * be reset. Only IAM users have a password this changes ({@code InvalidUserType} for the root user and for role
     * and federated sessions). The caller needs {@code iam:ChangePassword} on itself, which every user of an account
     * whose password policy sets AllowUsersToChangePassword has ({@code PrincipalPolicies}). It works with an expired
     * password too: HardExpiry only stops a console sign-in from setting one.
     */
    static Struct changePassword(Call call) {
        String name = call.caller().userName();
        if (call.caller().isRoot() || name == null) {
            throw AwsError.INVALID_USER_TYPE.exception("Only an IAM user can change its own password with "
                    + "ChangePassword; the root user and role sessions cannot.");
        }
        AccountState snapshot = call.account();
        User user = existingUser(snapshot, name);
        call.authorize(Target.of(Arns.user(call.caller().accountId(), user.path(), user.name())),
                context -> context.identityTags(user.tags()));
        LoginProfile verified = existingProfile(snapshot, name);
        PasswordHasher passwords = call.services().passwords();
        // The same count as console sign-in's, so that guessing here is no way around the sign-in throttle.
        SignInThrottle guesses = call.services().passwordGuesses();
        String guesser = call.caller().accountId() + "/" + name.toLowerCase(Locale.ROOT);
        String source = call.facts().sourceIp() == null ? "" : call.facts().sourceIp();
        if (!guesses.wait(guesser, source).isZero()) {
            throw AwsError.THROTTLING.exception();
        }
        if (!passwords.verify(call.input().string("OldPassword"), verified.passwordHash()).matches()) {
            guesses.failed(guesser, source);
            throw AwsError.ACCESS_DENIED.exception("The old password is incorrect.");
        }
        String password = call.input().string("NewPassword");
        String hash = newPasswordHash(call, snapshot, verified, password);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            existingUser(account, name);
            LoginProfile profile = unchanged(account, name, verified);
            PasswordRules.check(password, account.account().passwordPolicy());
            mutation.putLoginProfile(accountId, profile.withPassword(hash, false, now(call)));
            return call.noOutput();
        });
    }

    /**
     * Authorizes the call on the user it names, or on the calling IAM user when it names none, and returns that
     * user's name. The root user must name one (AWS lets only an AssumeRoot session leave it out).
     */
    private static String authorizeUser(Call call) {
        String name = Targets.userOrCaller(call);
        if (name == null) {
            throw AwsError.VALIDATION_ERROR.exception("Must specify userName when calling with non-User credentials");
        }
        AccountState account = call.account();
        Target target = call.input().string("UserName") == null ? Targets.implicitUser(call, account, name)
                : Targets.user(call, account, name);
        User user = account.user(name);
        call.authorize(target, context -> {
            if (user != null) {
                context.identityTags(user.tags());
            }
        });
        return name;
    }

    /**
     * The hash of a new password that meets the account's policy and is none of the user's last passwords it
     * prevents reusing.
     */
    private static String newPasswordHash(Call call, AccountState account, LoginProfile profile, String password) {
        return PasswordRules.newPasswordHash(call.services().passwords(), account.account().passwordPolicy(), profile,
                password);
    }

    /** The user's profile, provided no other request changed it since this one verified against it. */
    private static LoginProfile unchanged(AccountState account, String name, LoginProfile verified) {
        LoginProfile profile = existingProfile(account, name);
        if (!profile.passwordHash().equals(verified.passwordHash())) {
            throw AwsError.ENTITY_TEMPORARILY_UNMODIFIABLE.exception(
                    "Login Profile for User %s is being changed by another request. Try again.", name);
        }
        return profile;
    }

    private static User existingUser(AccountState account, String name) {
        User user = account.user(name);
        if (user == null) {
            throw UserOperations.noSuchUser(name);
        }
        return user;
    }

    private static LoginProfile existingProfile(AccountState account, String name) {
        LoginProfile profile = account.loginProfile(name);
        if (profile == null) {
            throw AwsError.NO_SUCH_ENTITY.exception("Login Profile for User %s cannot be found.", name);
        }
        return profile;
    }

    private static AwsException alreadyExists(String name) {
        return AwsError.ENTITY_ALREADY_EXISTS.exception("Login Profile for user %s already exists.", name);
    }

    private static Instant now(Call call) {
        return call.services().clock().instant();
    }

    private static Struct view(Call call, LoginProfile profile) {
        Struct.Builder out = call.output();
        Struct.Builder view = out.child("LoginProfile");
        view.set("UserName", profile.userName()).set("CreateDate", profile.created())
                .set("PasswordResetRequired", profile.passwordResetRequired());
        return out.set("LoginProfile", view.build()).build();
    }
}
