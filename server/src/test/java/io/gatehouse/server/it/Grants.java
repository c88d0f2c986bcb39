package io.gatehouse.server.it;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.User;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Test fixtures that give users and groups policies by changing the state directly, the way PutUserPolicy,
 * PutGroupPolicy and AttachUserPolicy (another operation group) will: tests of this group need policies to be
 * allowed, or to be in the way of a delete, before those operations exist on this branch.
 */
final class Grants {

    private Grants() {}

    /** A new user with an access key, as credentials. */
    static AwsCredentials userWithKey(IamClient iam, String name) {
        iam.createUser(r -> r.userName(name));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    /** Puts an inline policy on a user. */
    static void userPolicy(TestServer server, String userName, String policyName, String document) {
        server.server().state().apply(mutation -> {
            AccountState account = mutation.account(TestServer.ACCOUNT);
            User user = account.user(userName);
            List<InlinePolicy> policies = new ArrayList<>(user.inlinePolicies());
            policies.add(new InlinePolicy(policyName, document, EntityCodec.compile(policyName, PolicyType.IDENTITY,
                    document, ParseOptions.inline(PolicySizeQuota.userInline(userName)))));
            mutation.putUser(TestServer.ACCOUNT, new User(user.name(), user.id(), user.path(), user.created(),
                    user.permissionsBoundaryArn(), user.tags(), policies, user.attachedPolicyArns(), user.groupNames(),
                    user.passwordLastUsed()));
            return null;
        });
    }

    /** Allows a user the actions on the resources, with an optional condition block ({@code null} for none). */
    static void allow(TestServer server, String userName, String actions, String resources, String condition) {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
                + ",\"Resource\":" + resources + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
        userPolicy(server, userName, "grant" + Math.abs(document.hashCode()), document);
    }

    /** Attaches a managed policy to a user by ARN, without checking that it exists. */
    static void attachToUser(TestServer server, String userName, String canonicalArn) {
        server.server().state().apply(mutation -> {
            User user = mutation.account(TestServer.ACCOUNT).user(userName);
            List<String> attached = new ArrayList<>(user.attachedPolicyArns());
            attached.add(canonicalArn);
            mutation.putUser(TestServer.ACCOUNT, new User(user.name(), user.id(), user.path(), user.created(),
                    user.permissionsBoundaryArn(), user.tags(), user.inlinePolicies(), attached, user.groupNames(),
                    user.passwordLastUsed()));
            return null;
        });
    }

    /** Puts an inline policy on a group, or attaches a managed one when {@code document} is null. */
    static void groupPolicy(TestServer server, String groupName, String policyNameOrArn, String document) {
        server.server().state().apply(mutation -> {
            Group group = mutation.account(TestServer.ACCOUNT).group(groupName);
            List<InlinePolicy> inline = new ArrayList<>(group.inlinePolicies());
            List<String> attached = new ArrayList<>(group.attachedPolicyArns());
            if (document == null) {
                attached.add(policyNameOrArn);
            } else {
                inline.add(new InlinePolicy(policyNameOrArn, document, EntityCodec.compile(policyNameOrArn,
                        PolicyType.IDENTITY, document, ParseOptions.inline(PolicySizeQuota.groupInline(groupName)))));
            }
            mutation.putGroup(TestServer.ACCOUNT, new Group(group.name(), group.id(), group.path(), group.created(),
                    inline, attached));
            return null;
        });
    }
}
