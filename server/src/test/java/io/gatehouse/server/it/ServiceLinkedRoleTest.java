package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;
import static io.gatehouse.server.it.IamFixtures.TRUST;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.decoded;
import static io.gatehouse.server.it.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeletionTaskStatusType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Service-linked roles: named and placed as AWS names them, protected from changes only AWS may make, deleted
 * through a deletion task. Each test has its own server, as the role names of a service are fixed.
 */
class ServiceLinkedRoleTest {

    private static final String AUTO_SCALING = "autoscaling.amazonaws.com";
    private static final String PATH = "/aws-service-role/autoscaling.amazonaws.com/";
    private static final String POLICY = "arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy";
    private static final Pattern TASK_ID = Pattern.compile("task/aws-service-role/autoscaling\\.amazonaws\\.com/"
            + "AWSServiceRoleForAutoScaling_suffixed/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createServiceLinkedRoleNamesPlacesAndTrustsAsAwsDoes(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            IamClient iam = server.iam();
            Role created = iam.createServiceLinkedRole(r -> r.awsServiceName(AUTO_SCALING).description("scales")).role();
            assertThat(created.roleName()).isEqualTo("AWSServiceRoleForAutoScaling");
            assertThat(created.path()).isEqualTo(PATH);
            assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role" + PATH + "AWSServiceRoleForAutoScaling");
            assertThat(created.roleId()).startsWith("AROA");
            assertThat(decoded(created.assumeRolePolicyDocument())).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":"
                    + "[{\"Action\":[\"sts:AssumeRole\"],\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\""
                    + AUTO_SCALING + "\"]}}]}");
            assertThat(created.description()).isNull();

            Role got = iam.getRole(r -> r.roleName("AWSServiceRoleForAutoScaling")).role();
            assertThat(decoded(got.assumeRolePolicyDocument())).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":"
                    + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"" + AUTO_SCALING + "\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}");
            assertThat(got.description()).isEqualTo("scales");
            assertThat(got.maxSessionDuration()).isEqualTo(3600);
            assertThat(iam.listAttachedRolePolicies(r -> r.roleName("AWSServiceRoleForAutoScaling")).attachedPolicies())
                    .extracting(p -> p.policyArn()).containsExactly(POLICY);
            assertThat(iam.getPolicy(r -> r.policyArn(POLICY)).policy().attachmentCount()).isEqualTo(1);
            assertThat(server.server().state().current().account(ACCOUNT).attachedTo(POLICY)).hasSize(1);

            assertAwsError(() -> iam.createServiceLinkedRole(r -> r.awsServiceName(AUTO_SCALING)), "InvalidInput", 400,
                    "Service role name AWSServiceRoleForAutoScaling has been taken in this account, please try a "
                            + "different suffix.");
            Role suffixed = iam.createServiceLinkedRole(r -> r.awsServiceName(AUTO_SCALING).customSuffix("suffixed")).role();
            assertThat(suffixed.roleName()).isEqualTo("AWSServiceRoleForAutoScaling_suffixed");
            assertThat(iam.listRoles(r -> r.pathPrefix("/aws-service-role/")).roles()).hasSize(2);

            Role ecs = iam.createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com")).role();
            assertThat(ecs.roleName()).isEqualTo("AWSServiceRoleForECS");
            assertThat(ecs.path()).isEqualTo("/aws-service-role/ecs.amazonaws.com/");
            assertAwsError(() -> iam.createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com").customSuffix("x")),
                    "InvalidInput", 400, "Custom suffix is not allowed for ecs.amazonaws.com");
            assertAwsError(() -> iam.createServiceLinkedRole(r -> r.awsServiceName("nonsense.amazonaws.com")),
                    "InvalidInput", 400, "Invalid service name: nonsense.amazonaws.com");
            assertAwsError(() -> iam.createServiceLinkedRole(r -> r.awsServiceName(AUTO_SCALING)
                            .customSuffix("s".repeat(40))), "InvalidInput", 400,
                    "The role name AWSServiceRoleForAutoScaling_" + "s".repeat(40) + " is longer than 64 characters.");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void onlyAwsChangesAServiceLinkedRole(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            IamClient iam = server.iam();
            String name = iam.createServiceLinkedRole(r -> r.awsServiceName(AUTO_SCALING).customSuffix("guarded"))
                    .role().roleName();
            String protectedRole = "Cannot perform the operation on the protected role '" + name
                    + "' - this role is only modifiable by AWS";
            assertAwsError(() -> iam.deleteRole(r -> r.roleName(name)), "UnmodifiableEntity", 400, protectedRole);
            assertAwsError(() -> iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(TRUST)),
                    "UnmodifiableEntity", 400, protectedRole);
            assertAwsError(() -> iam.putRolePermissionsBoundary(r -> r.roleName(name)
                    .permissionsBoundary("arn:aws:iam::aws:policy/ReadOnlyAccess")), "UnmodifiableEntity", 400, protectedRole);
            assertAwsError(() -> iam.deleteRolePermissionsBoundary(r -> r.roleName(name)), "UnmodifiableEntity", 400,
                    protectedRole);
            assertAwsError(() -> iam.updateRole(r -> r.roleName(name).maxSessionDuration(7200)), "UnmodifiableEntity", 400,
                    name + " is an AWS service linked role, max session duration cannot be changed.");
            iam.createInstanceProfile(r -> r.instanceProfileName("profile"));
            assertAwsError(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("profile").roleName(name)),
                    "UnmodifiableEntity", 400, protectedRole);
            assertAwsError(() -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("profile").roleName(name)),
                    "UnmodifiableEntity", 400, protectedRole);

            assertAwsError(() -> iam.attachRolePolicy(r -> r.roleName(name)
                    .policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess")), "UnmodifiableEntity", 400, protectedRole);
            assertAwsError(() -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(POLICY)), "UnmodifiableEntity", 400,
                    protectedRole);

            iam.updateRole(r -> r.roleName(name).description("described"));
            iam.updateRoleDescription(r -> r.roleName(name).description("described again"));
            iam.tagRole(r -> r.roleName(name).tags(Tag.builder().key("k").value("v").build()));
            Role role = iam.getRole(r -> r.roleName(name)).role();
            assertThat(role.description()).isEqualTo("described again");
            assertThat(role.tags()).hasSize(1);
            iam.untagRole(r -> r.roleName(name).tagKeys("k"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deletionTasksRolesAndInstanceProfilesSurviveARestart(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            IamClient iam = server.iam();
            String name = iam.createServiceLinkedRole(r -> r.awsServiceName(AUTO_SCALING).customSuffix("suffixed"))
                    .role().roleName();
            String taskId = iam.deleteServiceLinkedRole(r -> r.roleName(name)).deletionTaskId();
            assertThat(taskId).matches(TASK_ID);
            assertAwsError(() -> iam.getRole(r -> r.roleName(name)), "NoSuchEntity", 404,
                    "The role with name " + name + " cannot be found.");
            assertThat(iam.getPolicy(r -> r.policyArn(POLICY)).policy().attachmentCount()).isZero();
            assertThat(iam.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId)).status())
                    .isEqualTo(DeletionTaskStatusType.SUCCEEDED);

            iam.createRole(r -> r.roleName("kept").path("/k/").assumeRolePolicyDocument(TRUST).maxSessionDuration(7200)
                    .permissionsBoundary("arn:aws:iam::aws:policy/ReadOnlyAccess").tags(Tag.builder().key("a").value("b")
                            .build()));
            iam.createInstanceProfile(r -> r.instanceProfileName("kept-profile").tags(Tag.builder().key("A").value("b")
                    .build()));
            iam.addRoleToInstanceProfile(r -> r.instanceProfileName("kept-profile").roleName("kept"));

            server.restart();
            IamClient again = server.iam();
            Role kept = again.getRole(r -> r.roleName("kept")).role();
            assertThat(kept.maxSessionDuration()).isEqualTo(7200);
            assertThat(kept.permissionsBoundary().permissionsBoundaryArn()).endsWith(":policy/ReadOnlyAccess");
            assertThat(kept.tags()).hasSize(1);
            assertThat(decoded(kept.assumeRolePolicyDocument())).isEqualTo(TRUST);
            assertThat(RoleFixtures.stored(server, "kept").compiledTrustPolicy()).isNotNull();
            var profile = again.getInstanceProfile(r -> r.instanceProfileName("kept-profile")).instanceProfile();
            assertThat(profile.roles()).extracting(Role::roleName).containsExactly("kept");
            assertThat(profile.tags()).hasSize(1);
            assertThat(again.listInstanceProfilesForRole(r -> r.roleName("kept")).instanceProfiles()).hasSize(1);
            assertThat(again.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId)).status())
                    .isEqualTo(DeletionTaskStatusType.SUCCEEDED);
            String unknown = "task/aws-service-role/autoscaling.amazonaws.com/" + name
                    + "/00000000-0000-4000-8000-000000000000";
            assertAwsError(() -> again.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(unknown)),
                    "NoSuchEntity", 404, "Cannot find deletion status for given id.");
            assertAwsError(() -> again.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId("not-a-task")),
                    "InvalidInput", 400, "Invalid task id");
            assertAwsError(() -> again.deleteServiceLinkedRole(r -> r.roleName(name)), "NoSuchEntity", 404,
                    "The role with name " + name + " cannot be found.");
            again.createRole(r -> r.roleName("ordinary").assumeRolePolicyDocument(TRUST));
            assertAwsError(() -> again.deleteServiceLinkedRole(r -> r.roleName("ordinary")), "NoSuchEntity", 404,
                    "ordinary exists but is not a service role.");
        }
    }
}
