package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;
import static io.gatehouse.server.it.IamFixtures.TRUST;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.server.store.Backend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Authorization of the role and instance profile operations: the resource each is authorized on, how a denial names
 * it, and the context keys the Service Authorization Reference lists for each action.
 */
class RoleAuthorizationTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String SLR_TASK = "task/aws-service-role/autoscaling.amazonaws.com/"
            + "AWSServiceRoleForAutoScaling/00000000-0000-4000-8000-000000000000";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    /** Gives a user an identity policy, with PutUserPolicy. */
    private static void grant(TestServer server, String user, String document) {
        server.iam().putUserPolicy(r -> r.userName(user).policyName(unique("grant")).policyDocument(document));
    }

    private static void assertAccessDenied(ThrowingCallable call) {
        IamException error = catchThrowableOfType(IamException.class, call);
        assertThat(error).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(error.statusCode()).isEqualTo(403);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static String arn(String resource) {
        return "arn:aws:iam::" + ACCOUNT + ":" + resource;
    }

    /** A policy of one statement. */
    private static String policy(String effect, String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserNoPolicyAllowsIsDeniedEveryOperationWithIamsWords(Backend backend) {
        IamClient root = servers.get(backend).iam();
        String user = unique("nobody");
        AwsCredentials credentials = userWithKey(root, user);
        IamClient iam = servers.get(backend).iam(credentials);
        String userArn = arn("user/" + user);
        String role = unique("Guarded");
        String profile = unique("guarded");
        root.createRole(r -> r.roleName(role).path("/svc/").assumeRolePolicyDocument(TRUST));
        root.createInstanceProfile(r -> r.instanceProfileName(profile).path("/ip/"));
        String roleArn = arn("role/svc/" + role);
        String profileArn = arn("instance-profile/ip/" + profile);

        Map<String, Object[]> denials = new LinkedHashMap<>();
        denials.put("CreateRole", new Object[] {(ThrowingCallable) () -> iam.createRole(r -> r.roleName("New")
                .path("/team/").assumeRolePolicyDocument(TRUST)), arn("role/team/New")});
        denials.put("GetRole", new Object[] {(ThrowingCallable) () -> iam.getRole(r -> r.roleName(role)), "role " + role});
        denials.put("UpdateRole", new Object[] {(ThrowingCallable) () -> iam.updateRole(r -> r.roleName(role)
                .description("x")), "role " + role});
        denials.put("UpdateRoleDescription", new Object[] {(ThrowingCallable) () -> iam.updateRoleDescription(r -> r
                .roleName(role).description("x")), "role " + role});
        denials.put("DeleteRole", new Object[] {(ThrowingCallable) () -> iam.deleteRole(r -> r.roleName(role)),
                "role " + role});
        denials.put("ListRoles", new Object[] {(ThrowingCallable) () -> iam.listRoles(r -> r.pathPrefix("/svc/")),
                arn("role/svc/")});
        denials.put("UpdateAssumeRolePolicy", new Object[] {(ThrowingCallable) () -> iam.updateAssumeRolePolicy(r -> r
                .roleName(role).policyDocument(TRUST)), "role " + role});
        denials.put("TagRole", new Object[] {(ThrowingCallable) () -> iam.tagRole(r -> r.roleName(role)
                .tags(tag("a", "b"))), roleArn});
        denials.put("UntagRole", new Object[] {(ThrowingCallable) () -> iam.untagRole(r -> r.roleName(role)
                .tagKeys("a")), roleArn});
        denials.put("ListRoleTags", new Object[] {(ThrowingCallable) () -> iam.listRoleTags(r -> r.roleName(role)),
                "role " + role});
        denials.put("PutRolePermissionsBoundary", new Object[] {(ThrowingCallable) () -> iam.putRolePermissionsBoundary(
                r -> r.roleName(role).permissionsBoundary(READ_ONLY)), roleArn});
        denials.put("DeleteRolePermissionsBoundary", new Object[] {(ThrowingCallable) () ->
                iam.deleteRolePermissionsBoundary(r -> r.roleName(role)), roleArn});
        denials.put("CreateServiceLinkedRole", new Object[] {(ThrowingCallable) () -> iam.createServiceLinkedRole(r -> r
                .awsServiceName("autoscaling.amazonaws.com")),
                arn("role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")});
        denials.put("DeleteServiceLinkedRole", new Object[] {(ThrowingCallable) () -> iam.deleteServiceLinkedRole(r -> r
                .roleName(role)), roleArn});
        denials.put("GetServiceLinkedRoleDeletionStatus", new Object[] {(ThrowingCallable) () ->
                iam.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(SLR_TASK)),
                arn("role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")});
        denials.put("CreateInstanceProfile", new Object[] {(ThrowingCallable) () -> iam.createInstanceProfile(r -> r
                .instanceProfileName("new").path("/ip/")), arn("instance-profile/ip/new")});
        denials.put("GetInstanceProfile", new Object[] {(ThrowingCallable) () -> iam.getInstanceProfile(r -> r
                .instanceProfileName(profile)), "instance profile " + profile});
        denials.put("DeleteInstanceProfile", new Object[] {(ThrowingCallable) () -> iam.deleteInstanceProfile(r -> r
                .instanceProfileName(profile)), "instance profile " + profile});
        denials.put("ListInstanceProfiles", new Object[] {(ThrowingCallable) () -> iam.listInstanceProfiles(),
                arn("instance-profile/")});
        denials.put("ListInstanceProfilesForRole", new Object[] {(ThrowingCallable) () ->
                iam.listInstanceProfilesForRole(r -> r.roleName(role)), "role " + role});
        denials.put("AddRoleToInstanceProfile", new Object[] {(ThrowingCallable) () -> iam.addRoleToInstanceProfile(r -> r
                .instanceProfileName(profile).roleName(role)), "instance profile " + profile});
        denials.put("RemoveRoleFromInstanceProfile", new Object[] {(ThrowingCallable) () ->
                iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(profile).roleName(role)),
                "instance profile " + profile});
        denials.put("TagInstanceProfile", new Object[] {(ThrowingCallable) () -> iam.tagInstanceProfile(r -> r
                .instanceProfileName(profile).tags(tag("a", "b"))), profileArn});
        denials.put("UntagInstanceProfile", new Object[] {(ThrowingCallable) () -> iam.untagInstanceProfile(r -> r
                .instanceProfileName(profile).tagKeys("a")), profileArn});
        denials.put("ListInstanceProfileTags", new Object[] {(ThrowingCallable) () -> iam.listInstanceProfileTags(r -> r
                .instanceProfileName(profile)), "instance profile " + profile});
        assertThat(denials).hasSize(25);
        denials.forEach((operation, denial) ->
                assertDenied((ThrowingCallable) denial[0], userArn, "iam:" + operation, (String) denial[1]));

        assertDenied(() -> iam.getRole(r -> r.roleName("no-such-role")), userArn, "iam:GetRole", "role no-such-role");
        assertDenied(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName("no-such-profile")), userArn,
                "iam:DeleteInstanceProfile", "instance profile no-such-profile");
        assertThat(root.getRole(r -> r.roleName(role)).role().description()).as("nothing changed").isNull();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createRoleCarriesTheBoundaryAndTheRequestTags(Backend backend) {
        TestServer server = servers.get(backend);
        String user = unique("creator");
        IamClient iam = server.iam(userWithKey(server.iam(), user));
        grant(server, user, policy("Allow", "iam:CreateRole", "*",
                "{\"StringEquals\":{\"iam:PermissionsBoundary\":\"" + READ_ONLY + "\",\"aws:RequestTag/team\":\"blue\"},"
                        + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}"));
        String name = unique("Bounded");
        assertAccessDenied(() -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST)
                .tags(tag("team", "blue"))));
        assertAccessDenied(() -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST)
                .permissionsBoundary(READ_ONLY).tags(tag("team", "blue"), tag("cost", "x"))));
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST).permissionsBoundary(READ_ONLY)
                .tags(tag("team", "blue")));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void operationsOnARoleSeeItsTagsAndBoundary(Backend backend) {
        TestServer server = servers.get(backend);
        String user = unique("reader");
        IamClient iam = server.iam(userWithKey(server.iam(), user));
        String blue = unique("Blue");
        String red = unique("Red");
        server.iam().createRole(r -> r.roleName(blue).assumeRolePolicyDocument(TRUST).tags(tag("team", "blue"))
                .permissionsBoundary(READ_ONLY));
        server.iam().createRole(r -> r.roleName(red).assumeRolePolicyDocument(TRUST).tags(tag("team", "red")));
        grant(server, user, policy("Allow", "iam:GetRole", "*",
                "{\"StringEquals\":{\"iam:ResourceTag/team\":\"blue\",\"aws:ResourceTag/team\":\"blue\"}}"));
        grant(server, user, policy("Allow", "iam:DeleteRolePermissionsBoundary", "*", null));
        grant(server, user, policy("Deny", "iam:DeleteRolePermissionsBoundary", "*",
                "{\"StringEquals\":{\"iam:PermissionsBoundary\":\"" + READ_ONLY + "\"}}"));
        assertThat(iam.getRole(r -> r.roleName(blue)).role().roleName()).isEqualTo(blue);
        assertAccessDenied(() -> iam.getRole(r -> r.roleName(red)));
        assertAccessDenied(() -> iam.deleteRolePermissionsBoundary(r -> r.roleName(blue)));
        iam.deleteRolePermissionsBoundary(r -> r.roleName(red));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createServiceLinkedRoleCarriesTheServiceName(Backend backend) {
        TestServer server = servers.get(backend);
        String user = unique("linker");
        IamClient iam = server.iam(userWithKey(server.iam(), user));
        grant(server, user, policy("Allow", "iam:CreateServiceLinkedRole", "*",
                "{\"StringEquals\":{\"iam:AWSServiceName\":\"ecs.amazonaws.com\"}}"));
        assertAccessDenied(() -> iam.createServiceLinkedRole(r -> r.awsServiceName("elasticloadbalancing.amazonaws.com")));
        iam.createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void addingARoleToAnInstanceProfilePassesTheRoleToEc2(Backend backend) {
        TestServer server = servers.get(backend);
        String user = unique("passer");
        IamClient iam = server.iam(userWithKey(server.iam(), user));
        String role = unique("Passed");
        String profile = unique("passing");
        server.iam().createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST));
        server.iam().createInstanceProfile(r -> r.instanceProfileName(profile).tags(tag("env", "dev")));
        grant(server, user, policy("Allow", "iam:AddRoleToInstanceProfile", "*",
                "{\"StringEquals\":{\"aws:ResourceTag/env\":\"dev\"}}"));
        assertDenied(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role)),
                arn("user/" + user), "iam:PassRole", arn("role/" + role));
        grant(server, user, policy("Allow", "iam:PassRole", arn("role/" + role),
                "{\"StringEquals\":{\"iam:PassedToService\":\"ec2.amazonaws.com\"},\"ArnLike\":{"
                        + "\"iam:AssociatedResourceArn\":\"arn:aws:ec2:*:" + ACCOUNT + ":instance/*\"}}"));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role));
        assertThat(server.iam().getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().roles())
                .hasSize(1);
    }
}
