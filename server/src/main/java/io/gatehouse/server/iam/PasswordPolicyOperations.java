package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.PasswordPolicy;
import java.util.Map;

/**
 * The account's password policy: UpdateAccountPasswordPolicy, GetAccountPasswordPolicy and
 * DeleteAccountPasswordPolicy. The service authorization reference gives these actions no resource type, so each is
 * authorized on {@code *}. Update replaces the whole policy: a field the request leaves out takes its default
 * (minimum length 6, every other rule off), as the API reference says ("This operation does not support partial
 * updates"). The policy is part of the account's record, so it is stored and restored with it.
 */
final class PasswordPolicyOperations {

    private PasswordPolicyOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("UpdateAccountPasswordPolicy", PasswordPolicyOperations::updateAccountPasswordPolicy);
        handlers.put("GetAccountPasswordPolicy", PasswordPolicyOperations::getAccountPasswordPolicy);
        handlers.put("DeleteAccountPasswordPolicy", PasswordPolicyOperations::deleteAccountPasswordPolicy);
    }

    static Struct updateAccountPasswordPolicy(Call call) {
        Struct in = call.input();
        PasswordPolicy policy = new PasswordPolicy(
                in.has("MinimumPasswordLength") ? in.integer("MinimumPasswordLength")
                        : PasswordPolicy.DEFAULT_MINIMUM_LENGTH,
                flag(in, "RequireSymbols"), flag(in, "RequireNumbers"), flag(in, "RequireUppercaseCharacters"),
                flag(in, "RequireLowercaseCharacters"), flag(in, "AllowUsersToChangePassword"),
                in.integer("MaxPasswordAge"), in.integer("PasswordReusePrevention"), flag(in, "HardExpiry"));
        String accountId = call.caller().accountId();
        call.authorize("*", context -> {});
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            mutation.putAccount(account.withAccount(account.account().withPasswordPolicy(policy)));
            return call.noOutput();
        });
    }

    /** The policy with every field; MaxPasswordAge and PasswordReusePrevention only when set, as IAM answers. */
    static Struct getAccountPasswordPolicy(Call call) {
        call.authorize("*", context -> {});
        AccountState account = call.account();
        PasswordPolicy policy = account.account().passwordPolicy();
        if (policy == null) {
            throw noPolicy(account.accountId());
        }
        Struct.Builder out = call.output();
        Struct.Builder view = out.child("PasswordPolicy");
        view.set("MinimumPasswordLength", policy.minimumPasswordLength())
                .set("RequireSymbols", policy.requireSymbols())
                .set("RequireNumbers", policy.requireNumbers())
                .set("RequireUppercaseCharacters", policy.requireUppercaseCharacters())
                .set("RequireLowercaseCharacters", policy.requireLowercaseCharacters())
                .set("AllowUsersToChangePassword", policy.allowUsersToChangePassword())
                .set("ExpirePasswords", policy.expirePasswords());
        if (policy.maxPasswordAge() != null) {
            view.set("MaxPasswordAge", policy.maxPasswordAge());
        }
        if (policy.passwordReusePrevention() != null) {
            view.set("PasswordReusePrevention", policy.passwordReusePrevention());
        }
        view.set("HardExpiry", policy.hardExpiry());
        return out.set("PasswordPolicy", view.build()).build();
    }

    /** Removes the policy; IAM users' passwords then meet AWS's default password policy again. */
    static Struct deleteAccountPasswordPolicy(Call call) {
        String accountId = call.caller().accountId();
        call.authorize("*", context -> {});
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.account().passwordPolicy() == null) {
                throw AwsError.NO_SUCH_ENTITY.exception("The account policy with name PasswordPolicy cannot be found.");
            }
            mutation.putAccount(account.withAccount(account.account().withPasswordPolicy(null)));
            return call.noOutput();
        });
    }

    private static AwsException noPolicy(String accountId) {
        return AwsError.NO_SUCH_ENTITY.exception("The Password Policy with domain name %s cannot be found.", accountId);
    }

    private static boolean flag(Struct in, String member) {
        return Boolean.TRUE.equals(in.bool(member));
    }
}
