package io.gatehouse.server.console;

import io.gatehouse.policy.request.Principal;
import io.gatehouse.server.api.Services;
import io.gatehouse.server.authz.Authorizer;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.RequestFacts;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.iam.PasswordRules;
import io.gatehouse.server.metrics.AuthorizationMetrics;
import io.gatehouse.server.mfa.MfaCodes;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.state.MfaDevice;
import io.gatehouse.server.state.Mutation;
import io.gatehouse.server.state.PasswordPolicy;
import io.gatehouse.server.state.User;
import io.gatehouse.server.store.AuditEvent;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Console sign-in with a password ({@code POST /signin}): an IAM user by account (id or alias), user name and password,
 * or the root user by email address and password; then the code of an MFA device when the principal has one enabled.
 * Success issues short-lived temporary credentials ({@link Sessions}) and records the sign-in.
 *
 * <p>What a client learns: every failure (no such account, alias, user or email address, no password, a wrong password,
 * a wrong or spent MFA code) gets the same 401 answer, and an unknown principal's password is verified against a dummy
 * hash with the configured parameters, so the time taken does not tell either. Only the right password earns more: that
 * an MFA code is needed, or that the password must be changed first. The {@link SignInThrottle} is asked before any
 * password is verified, per user name and per source address.
 *
 * <p>Every attempt that is not malformed leaves a CloudTrail {@code ConsoleLogin} event ({@link ConsoleLoginEvent}):
 * a success in the transaction of its change (the user's {@code PasswordLastUsed}, the MFA step spent, a stronger hash
 * of the password), a failure queued like the events of refused API calls. The two steps that only ask for more (the
 * MFA code, a new password) are not recorded: the attempt that follows them is.
 */
public final class SignIn {

    /** How long the credentials of a console session last. */
    public static final Duration SESSION_DURATION = Duration.ofHours(1);
    /** The cookie that holds the session token. */
    public static final String COOKIE = "gatehouse-session";
    /** The largest request body read: a sign-in request is a few short strings. */
    public static final int MAX_BODY_BYTES = 8 * 1024;

    private static final String FAILED = json("AuthenticationFailed",
            "Your authentication information is incorrect. Please try again.");

    private final Services services;
    private final SignInThrottle throttle;
    private final Consumer<AuditEvent> queuedAudit;
    private final AuthorizationMetrics authorizations;
    private volatile String dummyHash;

    /**
     * @param queuedAudit    records the events of failed attempts without making their answers wait
     * @param authorizations where the decision whether a user may change its password is counted
     */
    public SignIn(Services services, SignInThrottle throttle, Consumer<AuditEvent> queuedAudit,
                  AuthorizationMetrics authorizations) {
        this.services = services;
        this.throttle = throttle;
        this.queuedAudit = queuedAudit;
        this.authorizations = authorizations;
    }

    /** Answers one attempt. Never throws for anything the client sent. */
    public SignInAnswer handle(SignInAttempt attempt) {
        if (attempt.contentType() == null
                || !attempt.contentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return SignInAnswer.of(415, json("UnsupportedMediaType", "Send the request as application/json."));
        }
        if (attempt.body().length > MAX_BODY_BYTES) {
            return SignInAnswer.of(413, json("RequestEntityTooLarge",
                    "The request body exceeds " + MAX_BODY_BYTES + " bytes."));
        }
        SignInRequest request;
        try {
            request = SignInRequest.parse(attempt.body());
        } catch (SignInRequest.Malformed malformed) {
            return SignInAnswer.of(400, json("MalformedRequest", malformed.getMessage()));
        }
        Candidate who = Candidate.resolve(services.state().current(), request);
        String source = attempt.sourceIp() == null ? "" : attempt.sourceIp();
        Duration wait = throttle.wait(who.throttleKey(), source);
        if (!wait.isZero()) {
            queuedAudit.accept(ConsoleLoginEvent.of(services.ids(), attempt, who.identity(),
                    ConsoleLoginEvent.Result.throttled()));
            return new SignInAnswer(429, json("Throttled", "Too many failed sign-in attempts. Try again later."),
                    null, wait);
        }
        PasswordHasher passwords = services.passwords();
        boolean withinLimit = request.password().length() <= PasswordRules.MAX_LENGTH;
        PasswordHasher.Verification verified = passwords.verify(withinLimit ? request.password() : "",
                who.storedHash() != null ? who.storedHash() : dummyHash());
        if (!withinLimit || who.storedHash() == null || !verified.matches()) {
            return failed(attempt, who);
        }
        // The password is right: from here on the client may learn what else it takes.
        boolean mfa = !who.devices().isEmpty();
        if (mfa && (request.mfaCode() == null || request.mfaCode().isBlank())) {
            return SignInAnswer.of(401, json("MfaRequired", "Enter the code of your MFA device."));
        }
        String newHash = null;
        PasswordChange change = PasswordChange.of(who, attempt.time());
        if (change != PasswordChange.NONE) {
            if (change == PasswordChange.ADMIN_ONLY) {
                return refused(attempt, who, 403, json("PasswordExpired",
                        "Your password has expired and only an administrator can reset it."));
            }
            if (request.newPassword() == null) {
                return SignInAnswer.of(403, SignInJson.changeRequired(change.reason));
            }
            if (change == PasswordChange.RESET_REQUIRED && !mayChangePassword(who, attempt)) {
                return refused(attempt, who, 403, json("PasswordChangeNotAllowed",
                        "You are not allowed to change your password. Ask your administrator to reset it."));
            }
            try {
                newHash = PasswordRules.newPasswordHash(passwords, policy(who.account()), who.profile(),
                        request.newPassword());
            } catch (AwsException violation) {
                return SignInAnswer.of(400, json("PasswordPolicyViolation", violation.getMessage()));
            }
        }
        String rehash = newHash == null && verified.needsRehash() ? passwords.hash(request.password()) : null;
        Written written = write(attempt, who, mfa ? request.mfaCode() : null, newHash, rehash);
        if (written != Written.SIGNED_IN) {
            throttle.failed(who.throttleKey(), source);
            return SignInAnswer.of(401, FAILED);
        }
        throttle.succeeded(who.throttleKey());
        return signedIn(attempt, who, mfa);
    }

    /** What must happen to the password before a user may sign in. */
    enum PasswordChange {
        NONE(null),
        RESET_REQUIRED("PasswordResetRequired"),
        EXPIRED("PasswordExpired"),
        /** Expired under a policy with HardExpiry: only an administrator can set a new one. */
        ADMIN_ONLY("PasswordExpired");

        final String reason;

        PasswordChange(String reason) {
            this.reason = reason;
        }

        static PasswordChange of(Candidate who, Instant now) {
            if (who.root()) {
                return NONE;
            }
            PasswordPolicy policy = policy(who.account());
            boolean expired = who.profile().passwordExpired(policy, now);
            if (expired && policy.hardExpiry()) {
                return ADMIN_ONLY;
            }
            return who.profile().passwordResetRequired() ? RESET_REQUIRED : expired ? EXPIRED : NONE;
        }
    }

    /**
     * Whether a user whose administrator asked for a new password may set it: it needs {@code iam:ChangePassword} on
     * itself, as AWS asks (the console attaches IAMUserChangePassword when an administrator requires a reset, and an
     * account's AllowUsersToChangePassword grants it to every user). An expired password may always be replaced at
     * sign-in unless the policy sets HardExpiry.
     */
    private boolean mayChangePassword(Candidate who, SignInAttempt attempt) {
        User user = who.user();
        String arn = Arns.user(who.account().accountId(), user.path(), user.name());
        Caller caller = new Caller(who.account().accountId(), Principal.parse(arn), user.name(), user.id(), null,
                Arns.AWS_ACCOUNT, "us-east-1");
        RequestFacts facts = new RequestFacts(attempt.time(), attempt.sourceIp(), attempt.userAgent(), attempt.secure(),
                "us-east-1");
        try {
            Authorizer.authorize(caller, services.policies().forUser(who.account(), user), "iam:ChangePassword",
                    Target.of(arn), who.account().accountId(),
                    ContextBuilder.of(caller, facts, user.tags()).resourceAccount(who.account().accountId())
                            .identityTags(user.tags()).build(), authorizations);
            return true;
        } catch (AwsException denied) {
            return false;
        }
    }

    private static PasswordPolicy policy(AccountState account) {
        return account.account().passwordPolicy();
    }

    /** How the change of a sign-in ended. */
    private enum Written { SIGNED_IN, REFUSED }

    /**
     * The change a sign-in makes, and its event, in one transaction: the MFA code spent, the user's
     * {@code PasswordLastUsed} (the root user's last sign-in), and a new password or a stronger hash of the current one. Refused when the code is
     * wrong or spent, or when another request changed the password or removed the user since it was verified.
     */
    private Written write(SignInAttempt attempt, Candidate who, String mfaCode, String newHash, String rehash) {
        String accountId = who.account().accountId();
        Instant now = attempt.time();
        boolean mfaUsed = mfaCode != null;
        return services.state().apply(mutation -> {
            Candidate current = Candidate.of(mutation.state(), who);
            if (current == null || (mfaUsed && !spend(mutation, current, mfaCode, now))) {
                mutation.audit(ConsoleLoginEvent.of(services.ids(), attempt, who.identity(),
                        ConsoleLoginEvent.Result.failure(mfaUsed)));
                return Written.REFUSED;
            }
            if (current.root()) {
                Account account = current.account().account();
                Account.RootLogin login = account.rootLogin();
                mutation.putAccount(current.account().withAccount(account.withRootLogin(
                        login.signedIn(now, rehash != null ? rehash : login.passwordHash()))));
            } else {
                LoginProfile profile = current.profile();
                if (newHash != null) {
                    mutation.putLoginProfile(accountId, profile.withPassword(newHash, false, now));
                } else if (rehash != null) {
                    mutation.putLoginProfile(accountId, profile.withRehashedPassword(rehash));
                }
                mutation.putUser(accountId, current.user().withPasswordLastUsed(now));
            }
            mutation.audit(ConsoleLoginEvent.of(services.ids(), attempt, who.identity(),
                    ConsoleLoginEvent.Result.success(mfaUsed)));
            return Written.SIGNED_IN;
        });
    }

    /** Spends the code on one of the principal's enabled devices; whether one took it. */
    private static boolean spend(Mutation mutation, Candidate who, String code, Instant now) {
        String accountId = who.account().accountId();
        String userName = who.root() ? null : who.user().name();
        for (MfaDevice device : who.devices()) {
            if (MfaCodes.spend(mutation, accountId, userName, device.serial(accountId), code, now).accepted()) {
                return true;
            }
        }
        return false;
    }

    private SignInAnswer failed(SignInAttempt attempt, Candidate who) {
        throttle.failed(who.throttleKey(), attempt.sourceIp() == null ? "" : attempt.sourceIp());
        queuedAudit.accept(ConsoleLoginEvent.of(services.ids(), attempt, who.identity(),
                ConsoleLoginEvent.Result.failure(false)));
        return SignInAnswer.of(401, FAILED);
    }

    /** A refusal after the right password (the password must be changed and cannot be here): recorded, not counted. */
    private SignInAnswer refused(SignInAttempt attempt, Candidate who, int status, String json) {
        queuedAudit.accept(ConsoleLoginEvent.of(services.ids(), attempt, who.identity(),
                ConsoleLoginEvent.Result.failure(false)));
        return SignInAnswer.of(status, json);
    }

    private SignInAnswer signedIn(SignInAttempt attempt, Candidate who, boolean mfaUsed) {
        String accountId = who.account().accountId();
        SessionPrincipal principal = who.root()
                ? new SessionPrincipal(SessionPrincipal.Kind.ROOT, Arns.root(accountId), accountId)
                : new SessionPrincipal(SessionPrincipal.Kind.USER,
                        Arns.user(accountId, who.user().path(), who.user().name()), who.user().id());
        Sessions.Issued issued = services.sessions().issue(accountId, principal, attempt.time(), SESSION_DURATION,
                mfaUsed ? attempt.time() : null);
        String body = SignInJson.signedIn(accountId, principal, issued);
        String cookie = COOKIE + "=" + issued.token() + "; Path=/; Max-Age=" + SESSION_DURATION.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (attempt.secure() ? "; Secure" : "");
        return new SignInAnswer(200, body, cookie, null);
    }

    /**
     * A hash of no one's password with the configured parameters, verified against when the principal is unknown so
     * that its answer takes as long as a wrong password's. Made at the first sign-in, not at start.
     */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            hash = services.passwords().hash(Base64.getEncoder().encodeToString(random));
            dummyHash = hash;
        }
        return hash;
    }

    private static String json(String error, String message) {
        return SignInJson.error(error, message);
    }

    /**
     * Who an attempt names, looked up in the state: the account, the user and its login profile (or the root user's
     * sign-in), the hash to verify and the principal's enabled MFA devices. Unknown parts are {@code null}.
     *
     * @param root    whether the attempt is the root user's
     * @param account the account, or {@code null}
     * @param user    the IAM user, or {@code null}
     * @param profile the user's login profile, or {@code null}
     */
    record Candidate(boolean root, AccountState account, User user, LoginProfile profile, String storedHash,
                     ConsoleLoginEvent.Identity identity, String throttleKey) {

        static Candidate resolve(GatehouseState state, SignInRequest request) {
            if (request.root()) {
                String email = request.email().trim().toLowerCase(Locale.ROOT);
                AccountState account = state.accountOfRootEmail(email);
                String key = "root:" + email;
                if (account == null) {
                    return new Candidate(true, null, null, null, null, ConsoleLoginEvent.Identity.unknown(true, null),
                            key);
                }
                String id = account.accountId();
                return new Candidate(true, account, null, null, account.account().rootLogin().passwordHash(),
                        new ConsoleLoginEvent.Identity(true, id, id, Arns.root(id), null), key);
            }
            AccountState account = account(state, request.account().trim());
            String accountKey = account != null ? account.accountId() : request.account().trim().toLowerCase(Locale.ROOT);
            String key = accountKey + "/" + request.userName().toLowerCase(Locale.ROOT);
            User user = account == null ? null : account.user(request.userName());
            if (user == null) {
                return new Candidate(false, account, null, null, null, ConsoleLoginEvent.Identity.unknown(false,
                        account == null ? null : account.accountId()), key);
            }
            LoginProfile profile = account.loginProfile(user.name());
            String id = account.accountId();
            return new Candidate(false, account, user, profile, profile == null ? null : profile.passwordHash(),
                    new ConsoleLoginEvent.Identity(false, id, user.id(), Arns.user(id, user.path(), user.name()),
                            user.name()), key);
        }

        /** The account an id or alias names, or {@code null}. */
        private static AccountState account(GatehouseState state, String idOrAlias) {
            AccountState byId = state.account(idOrAlias);
            if (byId != null) {
                return byId;
            }
            String holder = state.accountOfAlias(idOrAlias.toLowerCase(Locale.ROOT));
            return holder == null ? null : state.account(holder);
        }

        /**
         * The candidate as it is in a later state, or {@code null} when what was verified changed meanwhile: the user
         * was removed (or replaced), or the password changed.
         */
        static Candidate of(GatehouseState state, Candidate verified) {
            AccountState account = state.account(verified.account().accountId());
            if (account == null) {
                return null;
            }
            if (verified.root()) {
                Account.RootLogin login = account.account().rootLogin();
                return login != null && login.passwordHash().equals(verified.storedHash())
                        ? new Candidate(true, account, null, null, login.passwordHash(), verified.identity(),
                        verified.throttleKey()) : null;
            }
            User user = account.user(verified.user().name());
            LoginProfile profile = user == null ? null : account.loginProfile(user.name());
            if (user == null || !user.id().equals(verified.user().id()) || profile == null
                    || !profile.passwordHash().equals(verified.storedHash())) {
                return null;
            }
            return new Candidate(false, account, user, profile, profile.passwordHash(), verified.identity(),
                    verified.throttleKey());
        }

        /** The MFA devices enabled for the principal, in key order (none when it is unknown). */
        List<MfaDevice> devices() {
            if (account == null || (!root && user == null)) {
                return List.of();
            }
            return account.mfaDevices().of(AccountState.ownerKey(root ? null : user.name()));
        }
    }
}
