package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;
import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * What policies do to a user's own requests, signed with the user's own key: permissions come and go as policies are
 * attached, detached, versioned, put and deleted, directly and through groups, within a permissions boundary; and a
 * user without permission is denied every policy operation in IAM's words.
 */
class PolicyEnforcementTest {

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static String userArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
    }

    private static void deniedListUsers(IamClient client, String user) {
        assertDenied(client::listUsers, userArn(user), "iam:ListUsers", "arn:aws:iam::" + ACCOUNT + ":user/");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void attachedPoliciesAndTheirDefaultVersionDecide(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String alice = unique("alice");
        IamClient asAlice = server.iam(userWithKey(iam, alice));
        deniedListUsers(asAlice, alice);

        String arn = iam.createPolicy(r -> r.policyName(unique("Lister")).policyDocument(allow("iam:ListUsers")))
                .policy().arn();
        iam.attachUserPolicy(r -> r.userName(alice).policyArn(arn));
        assertThat(asAlice.listUsers().users()).isNotEmpty();

        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("iam:ListPolicies")).setAsDefault(true));
        deniedListUsers(asAlice, alice);
        asAlice.listPolicies(r -> r.scope("Local"));

        iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v1"));
        asAlice.listUsers();
        iam.detachUserPolicy(r -> r.userName(alice).policyArn(arn));
        deniedListUsers(asAlice, alice);

        iam.attachUserPolicy(r -> r.userName(alice).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        asAlice.listUsers();
        iam.detachUserPolicy(r -> r.userName(alice).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        deniedListUsers(asAlice, alice);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void inlinePoliciesDecide(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String alice = unique("alice");
        IamClient asAlice = server.iam(userWithKey(iam, alice));
        iam.putUserPolicy(r -> r.userName(alice).policyName("list").policyDocument(allow("iam:ListUsers")));
        asAlice.listUsers();
        iam.putUserPolicy(r -> r.userName(alice).policyName("LIST").policyDocument(allow("iam:GetUser")));
        deniedListUsers(asAlice, alice);
        iam.putUserPolicy(r -> r.userName(alice).policyName("list").policyDocument(allow("iam:ListUsers")));
        asAlice.listUsers();
        iam.deleteUserPolicy(r -> r.userName(alice).policyName("list"));
        deniedListUsers(asAlice, alice);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aGroupsPoliciesApplyToItsMembers(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String alice = unique("alice");
        IamClient asAlice = server.iam(userWithKey(iam, alice));
        String group = IamFixtures.group(server, unique("admins"), "/").name();
        IamFixtures.addToGroup(server, alice, group);
        deniedListUsers(asAlice, alice);
        iam.attachGroupPolicy(r -> r.groupName(group).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        asAlice.listUsers();
        iam.detachGroupPolicy(r -> r.groupName(group).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        deniedListUsers(asAlice, alice);
        iam.putGroupPolicy(r -> r.groupName(group).policyName("list").policyDocument(allow("iam:ListUsers")));
        asAlice.listUsers();
        iam.deleteGroupPolicy(r -> r.groupName(group).policyName("list"));
        deniedListUsers(asAlice, alice);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPermissionsBoundaryLimitsWhatPoliciesAllow(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String alice = unique("alice");
        IamClient asAlice = server.iam(userWithKey(iam, alice));
        iam.putUserPolicy(r -> r.userName(alice).policyName("both")
                .policyDocument(allow("iam:ListUsers", "iam:ListPolicies")));
        String boundary = iam.createPolicy(r -> r.policyName(unique("Boundary")).policyDocument(allow("iam:ListPolicies")))
                .policy().arn();
        IamFixtures.boundUser(server, alice, boundary);
        asAlice.listPolicies(r -> r.scope("Local"));
        assertAwsError(asAlice::listUsers, "AccessDenied", 403, "User: " + userArn(alice) + " is not authorized to perform: "
                + "iam:ListUsers on resource: arn:aws:iam::" + ACCOUNT + ":user/ because no permissions boundary allows "
                + "the iam:ListUsers action");
        iam.createPolicyVersion(r -> r.policyArn(boundary).policyDocument(allow("iam:ListUsers", "iam:ListPolicies"))
                .setAsDefault(true));
        asAlice.listUsers();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void conditionsSeeThePolicyArnAndThePolicysTags(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String alice = unique("alice");
        String bob = unique("bob");
        IamClient asAlice = server.iam(userWithKey(iam, alice));
        iam.createUser(r -> r.userName(bob));
        iam.putUserPolicy(r -> r.userName(alice).policyName("attach-read-only").policyDocument("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"*",
                  "Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/ReadOnlyAccess"}}},
                 {"Effect":"Allow","Action":"iam:GetPolicy","Resource":"*",
                  "Condition":{"StringEquals":{"aws:ResourceTag/team":"blue"}}}]}"""));
        asAlice.attachUserPolicy(r -> r.userName(bob).policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertDenied(() -> asAlice.attachUserPolicy(r -> r.userName(bob)
                        .policyArn("arn:aws:iam::aws:policy/AdministratorAccess")),
                userArn(alice), "iam:AttachUserPolicy", userArn(bob));

        String blue = iam.createPolicy(r -> r.policyName(unique("Blue")).policyDocument(allow("s3:*"))
                .tags(Tag.builder().key("team").value("blue").build())).policy().arn();
        String red = iam.createPolicy(r -> r.policyName(unique("Red")).policyDocument(allow("s3:*"))
                .tags(Tag.builder().key("team").value("red").build())).policy().arn();
        assertThat(asAlice.getPolicy(r -> r.policyArn(blue)).policy().arn()).isEqualTo(blue);
        assertDenied(() -> asAlice.getPolicy(r -> r.policyArn(red)), userArn(alice), "iam:GetPolicy", red);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserWithoutPermissionIsDeniedEveryPolicyOperationWhetherOrNotTheTargetExists(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String nobody = unique("nobody");
        AwsCredentials credentials = userWithKey(iam, nobody);
        IamClient as = server.iam(credentials);
        String target = unique("target");
        iam.createUser(r -> r.userName(target).path("/t/"));
        String group = IamFixtures.group(server, unique("group"), "/g/").name();
        String role = IamFixtures.role(server, unique("role"), "/").name();
        String policy = iam.createPolicy(r -> r.policyName(unique("Existing")).policyDocument(allow("s3:*"))).policy().arn();
        String missing = "arn:aws:iam::" + ACCOUNT + ":policy/Missing";
        String aws = "arn:aws:iam::aws:policy/ReadOnlyAccess";
        String p = "arn:aws:iam::" + ACCOUNT + ":";
        String userTarget = p + "user/t/" + target;
        String groupTarget = p + "group/g/" + group;
        String roleTarget = p + "role/" + role;
        String doc = allow("s3:*");

        Map<String, Object[]> calls = new LinkedHashMap<>();
        calls.put("CreatePolicy", call(p + "policy/team/New",
                () -> as.createPolicy(r -> r.policyName("New").path("/team/").policyDocument(doc))));
        calls.put("GetPolicy", call(policy, () -> as.getPolicy(r -> r.policyArn(policy))));
        calls.put("GetPolicy ", call(missing, () -> as.getPolicy(r -> r.policyArn(missing))));
        calls.put("GetPolicy  ", call(aws, () -> as.getPolicy(r -> r.policyArn(aws))));
        calls.put("DeletePolicy", call(policy, () -> as.deletePolicy(r -> r.policyArn(policy))));
        calls.put("ListPolicies", call("*", () -> as.listPolicies()));
        calls.put("CreatePolicyVersion", call(policy, () -> as.createPolicyVersion(r -> r.policyArn(policy).policyDocument(doc))));
        calls.put("GetPolicyVersion", call(policy, () -> as.getPolicyVersion(r -> r.policyArn(policy).versionId("v1"))));
        calls.put("DeletePolicyVersion", call(missing, () -> as.deletePolicyVersion(r -> r.policyArn(missing).versionId("v2"))));
        calls.put("ListPolicyVersions", call(policy, () -> as.listPolicyVersions(r -> r.policyArn(policy))));
        calls.put("SetDefaultPolicyVersion", call(policy, () -> as.setDefaultPolicyVersion(r -> r.policyArn(policy).versionId("v1"))));
        calls.put("TagPolicy", call(policy, () -> as.tagPolicy(r -> r.policyArn(policy).tags(Tag.builder().key("a").value("b").build()))));
        calls.put("UntagPolicy", call(policy, () -> as.untagPolicy(r -> r.policyArn(policy).tagKeys("a"))));
        calls.put("ListPolicyTags", call(policy, () -> as.listPolicyTags(r -> r.policyArn(policy))));
        calls.put("ListEntitiesForPolicy", call(aws, () -> as.listEntitiesForPolicy(r -> r.policyArn(aws))));
        calls.put("AttachUserPolicy", call(userTarget, () -> as.attachUserPolicy(r -> r.userName(target).policyArn(aws))));
        calls.put("AttachUserPolicy ", call(p + "user/ghost", () -> as.attachUserPolicy(r -> r.userName("ghost").policyArn(aws))));
        calls.put("DetachUserPolicy", call(userTarget, () -> as.detachUserPolicy(r -> r.userName(target).policyArn(aws))));
        calls.put("ListAttachedUserPolicies", call(userTarget, () -> as.listAttachedUserPolicies(r -> r.userName(target))));
        calls.put("AttachGroupPolicy", call(groupTarget, () -> as.attachGroupPolicy(r -> r.groupName(group).policyArn(aws))));
        calls.put("DetachGroupPolicy", call(groupTarget, () -> as.detachGroupPolicy(r -> r.groupName(group).policyArn(aws))));
        calls.put("ListAttachedGroupPolicies", call(groupTarget, () -> as.listAttachedGroupPolicies(r -> r.groupName(group))));
        calls.put("AttachRolePolicy", call(roleTarget, () -> as.attachRolePolicy(r -> r.roleName(role).policyArn(aws))));
        calls.put("DetachRolePolicy", call(roleTarget, () -> as.detachRolePolicy(r -> r.roleName(role).policyArn(aws))));
        calls.put("ListAttachedRolePolicies", call(roleTarget, () -> as.listAttachedRolePolicies(r -> r.roleName(role))));
        calls.put("PutUserPolicy", call(userTarget, () -> as.putUserPolicy(r -> r.userName(target).policyName("x").policyDocument(doc))));
        calls.put("GetUserPolicy", call(userTarget, () -> as.getUserPolicy(r -> r.userName(target).policyName("x"))));
        calls.put("DeleteUserPolicy", call(userTarget, () -> as.deleteUserPolicy(r -> r.userName(target).policyName("x"))));
        calls.put("ListUserPolicies", call(userTarget, () -> as.listUserPolicies(r -> r.userName(target))));
        calls.put("PutGroupPolicy", call(groupTarget, () -> as.putGroupPolicy(r -> r.groupName(group).policyName("x").policyDocument(doc))));
        calls.put("GetGroupPolicy", call(groupTarget, () -> as.getGroupPolicy(r -> r.groupName(group).policyName("x"))));
        calls.put("DeleteGroupPolicy", call(groupTarget, () -> as.deleteGroupPolicy(r -> r.groupName(group).policyName("x"))));
        calls.put("ListGroupPolicies", call(groupTarget, () -> as.listGroupPolicies(r -> r.groupName(group))));
        calls.put("PutRolePolicy", call(roleTarget, () -> as.putRolePolicy(r -> r.roleName(role).policyName("x").policyDocument(doc))));
        calls.put("GetRolePolicy", call(roleTarget, () -> as.getRolePolicy(r -> r.roleName(role).policyName("x"))));
        calls.put("DeleteRolePolicy", call(roleTarget, () -> as.deleteRolePolicy(r -> r.roleName(role).policyName("x"))));
        calls.put("ListRolePolicies", call(roleTarget, () -> as.listRolePolicies(r -> r.roleName(role))));

        calls.forEach((operation, expected) -> assertDenied((ThrowingCallable) expected[1], userArn(nobody),
                "iam:" + operation.strip(), (String) expected[0]));
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(target)).attachedPolicies()).as("nothing changed").isEmpty();
        assertThat(iam.listPolicyVersions(r -> r.policyArn(policy)).versions()).hasSize(1);
    }

    private static Object[] call(String resource, ThrowingCallable call) {
        return new Object[] {resource, call};
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void policiesAttachmentsAndInlinePoliciesSurviveARestart(Backend backend, @TempDir Path own) throws Exception {
        try (TestServer server = TestServer.start(backend, own)) {
            IamClient iam = server.iam();
            AwsCredentials alice = userWithKey(iam, "alice");
            String arn = iam.createPolicy(r -> r.policyName("Lister").path("/p/").policyDocument(allow("iam:GetUser"))
                    .tags(Tag.builder().key("k").value("v").build())).policy().arn();
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("iam:ListUsers")).setAsDefault(true));
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("iam:GetUser")));
            iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v3"));
            iam.attachUserPolicy(r -> r.userName("alice").policyArn(arn));
            iam.attachUserPolicy(r -> r.userName("alice").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
            iam.putUserPolicy(r -> r.userName("alice").policyName("inline").policyDocument(allow("iam:ListPolicies")));

            server.restart();
            IamClient again = server.iam();
            var policy = again.getPolicy(r -> r.policyArn(arn)).policy();
            assertThat(policy.defaultVersionId()).isEqualTo("v2");
            assertThat(policy.attachmentCount()).isEqualTo(1);
            assertThat(policy.tags()).hasSize(1);
            assertThat(again.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess")).policy()
                    .attachmentCount()).isEqualTo(1);
            assertThat(again.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:*"))).policyVersion()
                    .versionId()).as("the next version number survives").isEqualTo("v4");
            assertThat(again.listAttachedUserPolicies(r -> r.userName("alice")).attachedPolicies()).hasSize(2);
            assertThat(again.listUserPolicies(r -> r.userName("alice")).policyNames()).containsExactly("inline");
            IamClient asAlice = server.iam(alice);
            asAlice.listUsers();
            asAlice.listPolicies(r -> r.scope("Local"));
        }
    }
}
