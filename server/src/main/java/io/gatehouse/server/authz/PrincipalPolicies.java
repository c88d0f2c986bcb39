package io.gatehouse.server.authz;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.document.PolicyDocument;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.PasswordPolicy;
import io.gatehouse.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy sets of principals, assembled from the state and cached until their account changes: a request finds
 * its caller's compiled, indexed policies with one map lookup.
 */
public final class PrincipalPolicies {

    /** The name decisions give the account-level grant of AllowUsersToChangePassword. */
    static final String SELF_SERVICE_PASSWORDS = "AccountPasswordPolicy/AllowUsersToChangePassword";

    private final AwsManagedPolicies awsManaged;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long accountVersion, AccountState account, PolicySet policies) {}

    public PrincipalPolicies(AwsManagedPolicies awsManaged) {
        this.awsManaged = awsManaged;
    }

    /** The AWS managed policies every account has. */
    public AwsManagedPolicies awsManaged() {
        return awsManaged;
    }

    /**
     * The policies that apply to an IAM user: its own, its groups', and its permissions boundary; and, when the
     * account's password policy allows users to change their own passwords, the grant IAM applies at account level
     * for that ({@link #selfServicePasswords}).
     */
    public PolicySet forUser(AccountState account, User user) {
        String key = account.accountId() + "/user/" + Names.key(user.name());
        Cached cached = cache.get(key);
        if (cached != null && cached.account == account) {
            return cached.policies;
        }
        List<CompiledPolicy> identity = new ArrayList<>();
        user.inlinePolicies().forEach(p -> identity.add(p.compiled()));
        attached(account, user.attachedPolicyArns(), identity);
        for (String groupName : user.groupNames()) {
            Group group = account.group(groupName);
            if (group != null) {
                group.inlinePolicies().forEach((InlinePolicy p) -> identity.add(p.compiled()));
                attached(account, group.attachedPolicyArns(), identity);
            }
        }
        PasswordPolicy passwordPolicy = account.account().passwordPolicy();
        if (passwordPolicy != null && passwordPolicy.allowUsersToChangePassword()) {
            identity.add(selfServicePasswords(account.accountId(), user));
        }
        PolicySet.Builder set = PolicySet.builder().identity(identity);
        if (user.permissionsBoundaryArn() != null) {
            CompiledPolicy boundary = managed(account, user.permissionsBoundaryArn());
            // A boundary that cannot be found allows nothing rather than nothing being checked.
            set.permissionsBoundary(List.of(boundary != null ? boundary : CompiledPolicy.compile(
                    user.permissionsBoundaryArn(), PolicyType.BOUNDARY, new PolicyDocument("2012-10-17", null, List.of()))));
        }
        PolicySet policies = set.build();
        cache.put(key, new Cached(account.version(), account, policies));
        return policies;
    }

    /**
     * What AllowUsersToChangePassword gives every IAM user of the account without a policy of the account's own
     * (UpdateAccountPasswordPolicy's reference: "permissions to iam:ChangePassword for only their user and to the
     * iam:GetAccountPasswordPolicy action"). It is an identity-based grant like any other: an explicit deny or a
     * permissions boundary still limits it.
     */
    static CompiledPolicy selfServicePasswords(String accountId, User user) {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:ChangePassword\",\"Resource\":\""
                + Arns.user(accountId, user.path(), user.name()) + "\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:GetAccountPasswordPolicy\",\"Resource\":\"*\"}]}";
        return EntityCodec.compile(SELF_SERVICE_PASSWORDS, PolicyType.IDENTITY, document,
                ParseOptions.defaultsFor(PolicyType.IDENTITY));
    }

    private void attached(AccountState account, List<String> arns, List<CompiledPolicy> into) {
        for (String arn : arns) {
            CompiledPolicy policy = managed(account, arn);
            if (policy != null) {
                into.add(policy);
            }
        }
    }

    /** The compiled default version of a managed policy by canonical ARN, or {@code null} when it does not exist. */
    public CompiledPolicy managed(AccountState account, String canonicalArn) {
        if (canonicalArn.startsWith("arn:aws:iam::" + Arns.AWS_ACCOUNT + ":policy/")) {
            return awsManaged.compiled(canonicalArn);
        }
        String name = canonicalArn.substring(canonicalArn.lastIndexOf('/') + 1);
        ManagedPolicy policy = account.policy(name);
        return policy == null ? null : policy.defaultVersion().compiled();
    }
}
