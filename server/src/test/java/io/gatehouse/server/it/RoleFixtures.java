package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.User;
import java.util.ArrayList;
import java.util.List;

/**
 * What the role and instance profile tests share: trust policies, and policies put straight into the state where
 * their own operations belong to another group (inline and attached policies).
 */
final class RoleFixtures {

    private RoleFixtures() {}

    /** A trust policy letting the principals of the given {@code "Principal"} value assume the role. */
    static String trust(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"sts:AssumeRole\"}]}";
    }

    /** Gives a user an inline policy, as PutUserPolicy does. */
    static void grant(TestServer server, String userName, String document) {
        server.server().state().apply(m -> {
            User user = m.account(ACCOUNT).user(userName);
            List<InlinePolicy> policies = new ArrayList<>(user.inlinePolicies());
            policies.add(new InlinePolicy("grant" + policies.size(), document, EntityCodec.compile("grant",
                    PolicyType.IDENTITY, document, ParseOptions.inline(PolicySizeQuota.userInline(userName)))));
            m.putUser(ACCOUNT, new User(user.name(), user.id(), user.path(), user.created(), user.permissionsBoundaryArn(),
                    user.tags(), policies, user.attachedPolicyArns(), user.groupNames(), user.passwordLastUsed()));
            return null;
        });
    }

    /** Gives a role an inline policy, as PutRolePolicy does. */
    static void inlinePolicy(TestServer server, String roleName, String document) {
        change(server, roleName, role -> new Role(role.name(), role.id(), role.path(), role.created(), role.trustPolicy(),
                role.compiledTrustPolicy(), role.description(), role.maxSessionDuration(), role.permissionsBoundaryArn(),
                role.tags(), List.of(new InlinePolicy("inline", document, EntityCodec.compile("inline",
                        PolicyType.IDENTITY, document, ParseOptions.inline(PolicySizeQuota.roleInline(roleName))))),
                role.attachedPolicyArns(), role.lastUsed()));
    }

    /** Removes a role's inline policies, as DeleteRolePolicy does. */
    static void clearInlinePolicies(TestServer server, String roleName) {
        change(server, roleName, role -> new Role(role.name(), role.id(), role.path(), role.created(), role.trustPolicy(),
                role.compiledTrustPolicy(), role.description(), role.maxSessionDuration(), role.permissionsBoundaryArn(),
                role.tags(), List.of(), role.attachedPolicyArns(), role.lastUsed()));
    }

    /** Sets the managed policies attached to a role, as AttachRolePolicy and DetachRolePolicy do. */
    static void attachedPolicies(TestServer server, String roleName, List<String> policyArns) {
        change(server, roleName, role -> new Role(role.name(), role.id(), role.path(), role.created(), role.trustPolicy(),
                role.compiledTrustPolicy(), role.description(), role.maxSessionDuration(), role.permissionsBoundaryArn(),
                role.tags(), role.inlinePolicies(), policyArns, role.lastUsed()));
    }

    /** The role as the server holds it. */
    static Role stored(TestServer server, String roleName) {
        return server.server().state().current().account(ACCOUNT).role(roleName);
    }

    private static void change(TestServer server, String roleName, java.util.function.UnaryOperator<Role> change) {
        server.server().state().apply(m -> {
            m.putRole(ACCOUNT, change.apply(m.account(ACCOUNT).role(roleName)));
            return null;
        });
    }
}
