package io.gatehouse.server.authz;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.document.PolicyDocument;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy sets of principals, assembled from the state and cached until their account changes: a request finds
 * its caller's compiled, indexed policies with one map lookup.
 */
public final class PrincipalPolicies {

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

    /** The policies that apply to an IAM user: its own, its groups', and its permissions boundary. */
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
