package io.gatehouse.server.iam;

import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.ManagedPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account as a whole: its alias (CreateAccountAlias, DeleteAccountAlias, ListAccountAliases), its usage and
 * quotas (GetAccountSummary), its STS token version (SetSecurityTokenServicePreferences) and the snapshot of its users, groups, roles and policies
 * (GetAccountAuthorizationDetails, in {@link AuthorizationDetails}).
 *
 * <p>The service authorization reference gives these actions no resource type, so each is authorized on {@code *}.
 * An account has at most one alias; creating another replaces it, as AWS does ("the new alias overwrites the
 * previous alias"). An alias is unique across every account of the server, as AWS keeps it unique across its
 * partition.
 */
final class AccountOperations {

    /**
     * IAM's quota of managed policy versions in use per account. Customer managed policies alone cannot reach it
     * ({@link PolicyOperations#MAX_POLICIES} policies of {@link PolicyOperations#MAX_VERSIONS} versions each), so no
     * operation needs to enforce it.
     */
    static final int MAX_POLICY_VERSIONS_IN_USE = 10_000;
    private AccountOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateAccountAlias", AccountOperations::createAccountAlias);
        handlers.put("DeleteAccountAlias", AccountOperations::deleteAccountAlias);
        handlers.put("ListAccountAliases", AccountOperations::listAccountAliases);
        handlers.put("GetAccountSummary", AccountOperations::getAccountSummary);
        handlers.put("GetAccountAuthorizationDetails", AuthorizationDetails::get);
        handlers.put("SetSecurityTokenServicePreferences", AccountOperations::setSecurityTokenServicePreferences);
    }

    /**
     * Sets the version of the session tokens STS's global endpoint issues for the account ({@code v1Token}, valid in
     * the Regions enabled by default, or {@code v2Token}, valid in every Region), as GetAccountSummary's
     * {@code GlobalEndpointTokenVersion} then reports it. Gatehouse has one endpoint and its tokens are valid in every
     * Region whatever the setting; the setting is kept for the clients that read it back.
     */
    static Struct setSecurityTokenServicePreferences(Call call) {
        int version = call.input().string("GlobalEndpointTokenVersion").equals("v2Token") ? 2 : 1;
        String accountId = call.caller().accountId();
        call.authorize("*", context -> {});
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            mutation.putAccount(account.withAccount(account.account().withGlobalEndpointTokenVersion(version)));
            return call.noOutput();
        });
    }

    /**
     * Gives the account an alias, replacing the one it has. An alias any account holds, this one included, is
     * refused with {@code EntityAlreadyExists}.
     */
    static Struct createAccountAlias(Call call) {
        String alias = call.input().string("AccountAlias");
        String accountId = call.caller().accountId();
        call.authorize("*", context -> {});
        return call.write(mutation -> {
            if (mutation.state().accountOfAlias(alias) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("The account alias %s already exists.", alias);
            }
            AccountState account = mutation.account(accountId);
            mutation.putAccount(account.withAccount(account.account().withAliases(List.of(alias))));
            return call.noOutput();
        });
    }

    /** Removes the account's alias, which the request must name. */
    static Struct deleteAccountAlias(Call call) {
        String alias = call.input().string("AccountAlias");
        String accountId = call.caller().accountId();
        call.authorize("*", context -> {});
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (!account.account().aliases().contains(alias)) {
                throw AwsError.NO_SUCH_ENTITY.exception("The account alias %s cannot be found.", alias);
            }
            mutation.putAccount(account.withAccount(account.account().withAliases(
                    account.account().aliases().stream().filter(a -> !a.equals(alias)).toList())));
            return call.noOutput();
        });
    }

    /** The account's alias, or none; a marker carries the alias its page ended at. */
    static Struct listAccountAliases(Call call) {
        call.authorize("*", context -> {});
        PageRequest request = call.page();
        List<String> following = call.account().account().aliases().stream().sorted()
                .filter(a -> request.after() == null || a.compareTo(request.after()) > 0).toList();
        Page<String> page = request.page(following, a -> a);
        return page.writeTo(call.output().set("AccountAliases", page.items())).build();
    }

    /**
     * The account's usage and quotas, with every key IAM answers. Counts come from the account's state; each quota
     * is the constant the operations enforce. {@code Providers} counts OpenID Connect and SAML
     * providers together. {@code MFADevices} counts every virtual MFA device, enabled or not, {@code MFADevicesInUse} those enabled for
     * someone, and {@code AccountMFAEnabled} is 1 when the root user has one.
     */
    static Struct getAccountSummary(Call call) {
        call.authorize("*", context -> {});
        AccountState account = call.account();
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("Users", account.users().size());
        summary.put("UsersQuota", UserOperations.MAX_USERS);
        summary.put("Groups", account.groups().size());
        summary.put("GroupsQuota", GroupOperations.MAX_GROUPS);
        summary.put("ServerCertificates", account.others().serverCertificates().size());
        summary.put("ServerCertificatesQuota", ServerCertificateOperations.MAX_CERTIFICATES);
        summary.put("UserPolicySizeQuota", PolicySizeQuota.USER_INLINE_LIMIT);
        summary.put("GroupPolicySizeQuota", PolicySizeQuota.GROUP_INLINE_LIMIT);
        summary.put("GroupsPerUserQuota", GroupOperations.MAX_GROUPS_PER_USER);
        summary.put("SigningCertificatesPerUserQuota", SigningCertificateOperations.MAX_CERTIFICATES);
        summary.put("AccessKeysPerUserQuota", AccessKeyOperations.MAX_KEYS);
        summary.put("MFADevices", account.mfaDevices().devices().size());
        summary.put("MFADevicesInUse", account.mfaDevices().inUse());
        summary.put("AccountMFAEnabled", account.mfaDevices().of(AccountState.ROOT_KEYS).isEmpty() ? 0 : 1);
        summary.put("AccountAccessKeysPresent", account.accessKeysOf(AccountState.ROOT_KEYS).isEmpty() ? 0 : 1);
        summary.put("AccountSigningCertificatesPresent",
                account.others().signingCertificatesOf(AccountState.ROOT_KEYS).isEmpty() ? 0 : 1);
        summary.put("AttachedPoliciesPerGroupQuota", AttachmentOperations.MAX_ATTACHED);
        summary.put("AttachedPoliciesPerRoleQuota", AttachmentOperations.MAX_ATTACHED);
        summary.put("AttachedPoliciesPerUserQuota", AttachmentOperations.MAX_ATTACHED);
        summary.put("Policies", account.policies().size());
        summary.put("PoliciesQuota", PolicyOperations.MAX_POLICIES);
        summary.put("PolicySizeQuota", PolicySizeQuota.MANAGED_POLICY_LIMIT);
        summary.put("PolicyVersionsInUse", policyVersionsInUse(account));
        summary.put("PolicyVersionsInUseQuota", MAX_POLICY_VERSIONS_IN_USE);
        summary.put("VersionsPerPolicyQuota", PolicyOperations.MAX_VERSIONS);
        summary.put("GlobalEndpointTokenVersion", account.account().globalEndpointTokenVersion());
        summary.put("AssumeRolePolicySizeQuota", TrustPolicies.SIZE_LIMIT);
        summary.put("InstanceProfiles", account.instanceProfiles().size());
        summary.put("InstanceProfilesQuota", InstanceProfileOperations.MAX_INSTANCE_PROFILES);
        summary.put("Providers", account.providers().count());
        summary.put("RolePolicySizeQuota", PolicySizeQuota.ROLE_INLINE_LIMIT);
        summary.put("Roles", account.roles().size());
        summary.put("RolesQuota", RoleOperations.MAX_ROLES);
        return call.output().set("SummaryMap", summary).build();
    }

    /**
     * The managed policy versions the account holds: every version of its customer managed policies, and the one
     * version of each AWS managed policy attached to one of its users, groups or roles or bounding one of them.
     */
    private static int policyVersionsInUse(AccountState account) {
        int versions = 0;
        for (ManagedPolicy policy : account.policies().values()) {
            versions += policy.versions().size();
        }
        return versions + AuthorizationDetails.awsPoliciesInUse(account).size();
    }
}
