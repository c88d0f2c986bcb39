package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.decoded;
import static io.gatehouse.server.it.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;

/** Inline policies of users, groups and roles, with IAM's per-entity size quotas. */
class InlinePolicyTest {

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUsersInlinePoliciesArePutReadListedReplacedAndDeleted(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String user = unique("inline");
        iam.createUser(r -> r.userName(user));
        String document = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", "
                + "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::bucket/a b&c=d+e%\"}]\n}";
        iam.putUserPolicy(r -> r.userName(user).policyName("Beta").policyDocument(document));
        iam.putUserPolicy(r -> r.userName(user).policyName("alpha").policyDocument(allow("s3:*")));
        iam.putUserPolicy(r -> r.userName(user).policyName("gamma").policyDocument(allow("sqs:*")));

        GetUserPolicyResponse got = iam.getUserPolicy(r -> r.userName(user.toUpperCase()).policyName("beta"));
        assertThat(got.userName()).isEqualTo(user);
        assertThat(got.policyName()).isEqualTo("Beta");
        assertThat(decoded(got.policyDocument())).as("the document comes back as sent").isEqualTo(document);

        assertThat(iam.listUserPolicies(r -> r.userName(user)).policyNames()).containsExactly("alpha", "Beta", "gamma");
        ListUserPoliciesResponse first = iam.listUserPolicies(r -> r.userName(user).maxItems(2));
        assertThat(first.policyNames()).containsExactly("alpha", "Beta");
        assertThat(first.isTruncated()).isTrue();
        assertThat(iam.listUserPolicies(r -> r.userName(user).marker(first.marker())).policyNames()).containsExactly("gamma");

        iam.putUserPolicy(r -> r.userName(user).policyName("ALPHA").policyDocument(allow("ec2:*")));
        assertThat(iam.listUserPolicies(r -> r.userName(user)).policyNames()).containsExactly("ALPHA", "Beta", "gamma");
        assertThat(decoded(iam.getUserPolicy(r -> r.userName(user).policyName("alpha")).policyDocument()))
                .isEqualTo(allow("ec2:*"));

        assertAwsError(() -> iam.deleteUser(r -> r.userName(user)), "DeleteConflict", 409,
                "Cannot delete entity, must delete policies first.");
        iam.deleteUserPolicy(r -> r.userName(user).policyName("alpha"));
        assertAwsError(() -> iam.getUserPolicy(r -> r.userName(user).policyName("alpha")), "NoSuchEntity", 404,
                "The user policy with name alpha cannot be found.");
        assertAwsError(() -> iam.deleteUserPolicy(r -> r.userName(user).policyName("alpha")), "NoSuchEntity", 404,
                "The user policy with name alpha cannot be found.");
        iam.deleteUserPolicy(r -> r.userName(user).policyName("Beta"));
        iam.deleteUserPolicy(r -> r.userName(user).policyName("gamma"));
        iam.deleteUser(r -> r.userName(user));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void groupsAndRolesHaveInlinePoliciesToo(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String group = IamFixtures.group(server, unique("inline-group"), "/").name();
        String role = IamFixtures.role(server, unique("inline-role"), "/").name();
        iam.putGroupPolicy(r -> r.groupName(group).policyName("g").policyDocument(allow("s3:*")));
        iam.putRolePolicy(r -> r.roleName(role).policyName("r").policyDocument(allow("sqs:*")));
        GetGroupPolicyResponse groupPolicy = iam.getGroupPolicy(r -> r.groupName(group).policyName("g"));
        assertThat(groupPolicy.groupName()).isEqualTo(group);
        assertThat(decoded(groupPolicy.policyDocument())).isEqualTo(allow("s3:*"));
        GetRolePolicyResponse rolePolicy = iam.getRolePolicy(r -> r.roleName(role).policyName("r"));
        assertThat(rolePolicy.roleName()).isEqualTo(role);
        assertThat(iam.listGroupPolicies(r -> r.groupName(group)).policyNames()).containsExactly("g");
        assertThat(iam.listRolePolicies(r -> r.roleName(role)).policyNames()).containsExactly("r");
        assertAwsError(() -> iam.getGroupPolicy(r -> r.groupName(group).policyName("x")), "NoSuchEntity", 404,
                "The group policy with name x cannot be found.");
        assertAwsError(() -> iam.getRolePolicy(r -> r.roleName(role).policyName("x")), "NoSuchEntity", 404,
                "The role policy with name x cannot be found.");
        iam.deleteGroupPolicy(r -> r.groupName(group).policyName("g"));
        iam.deleteRolePolicy(r -> r.roleName(role).policyName("r"));
        assertThat(iam.listGroupPolicies(r -> r.groupName(group)).policyNames()).isEmpty();
        assertThat(iam.listRolePolicies(r -> r.roleName(role)).policyNames()).isEmpty();

        assertAwsError(() -> iam.putGroupPolicy(r -> r.groupName("nogroup").policyName("p").policyDocument(allow("s3:*"))),
                "NoSuchEntity", 404, "The group with name nogroup cannot be found.");
        assertAwsError(() -> iam.listRolePolicies(r -> r.roleName("norole")), "NoSuchEntity", 404,
                "The role with name norole cannot be found.");
        assertAwsError(() -> iam.getUserPolicy(r -> r.userName("nouser").policyName("p")), "NoSuchEntity", 404,
                "The user with name nouser cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSizeQuotaCoversAllInlinePoliciesOfAnEntityWithoutWhiteSpace(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("quota");
        iam.createUser(r -> r.userName(user));
        // Two documents of 1,100 characters fit a role (10,240) but not a user (2,048) together.
        String big = sized(1_100);
        String bigSpaced = big.replace(",", " ,\n  ");
        iam.putUserPolicy(r -> r.userName(user).policyName("one").policyDocument(bigSpaced));
        assertAwsError(() -> iam.putUserPolicy(r -> r.userName(user).policyName("two").policyDocument(big)),
                "LimitExceeded", 409, "Maximum policy size of 2048 bytes exceeded for user " + user);
        iam.putUserPolicy(r -> r.userName(user).policyName("ONE").policyDocument(big)); // a replacement counts once
        String group = IamFixtures.group(server, unique("quota-group"), "/").name();
        for (int i = 0; i < 4; i++) {
            String name = "p" + i;
            iam.putGroupPolicy(r -> r.groupName(group).policyName(name).policyDocument(big));
        }
        assertAwsError(() -> iam.putGroupPolicy(r -> r.groupName(group).policyName("p4").policyDocument(big)),
                "LimitExceeded", 409, "Maximum policy size of 5120 bytes exceeded for group " + group);
        String role = IamFixtures.role(server, unique("quota-role"), "/").name();
        assertAwsError(() -> iam.putRolePolicy(r -> r.roleName(role).policyName("huge").policyDocument(sized(10_300))),
                "LimitExceeded", 409, "Maximum policy size of 10240 bytes exceeded for role " + role);
        assertAwsError(() -> iam.putRolePolicy(r -> r.roleName(role).policyName("bad").policyDocument("[]")),
                "MalformedPolicyDocument", 400, "Syntax errors in policy.");
    }

    /** A valid identity policy of exactly {@code size} characters without white space. */
    private static String sized(int size) {
        String base = "{\"Version\":\"2012-10-17\",\"Id\":\"\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}]}";
        String document = base.replace("\"Id\":\"\"", "\"Id\":\"" + "a".repeat(size - base.length()) + "\"");
        assertThat(document).hasSize(size);
        return document;
    }
}
