package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyUser;

/** Managed policies attached to users, groups and roles, and the entities of a policy. */
class AttachmentTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String VIEW_ONLY = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void attachingToAUserCountsListsAndDetaches(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String user = unique("attached");
        iam.createUser(r -> r.userName(user));
        String own = iam.createPolicy(r -> r.policyName(unique("Own")).path("/team/").policyDocument(allow("s3:*")))
                .policy().arn();
        iam.attachUserPolicy(r -> r.userName(user).policyArn(own));
        iam.attachUserPolicy(r -> r.userName(user.toUpperCase()).policyArn(READ_ONLY));
        iam.attachUserPolicy(r -> r.userName(user).policyArn(own)); // again: no change, no error
        iam.attachUserPolicy(r -> r.userName(user).policyArn(VIEW_ONLY));

        assertThat(iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies())
                .containsExactly(attached(nameOf(own), own), attached("ReadOnlyAccess", READ_ONLY),
                        attached("ViewOnlyAccess", VIEW_ONLY));
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(user).pathPrefix("/team/")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(own);
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(user).pathPrefix("/job-function/")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(VIEW_ONLY);
        var first = iam.listAttachedUserPolicies(r -> r.userName(user).maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(user).marker(first.marker())).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(VIEW_ONLY);
        assertThat(iam.getPolicy(r -> r.policyArn(own)).policy().attachmentCount()).isEqualTo(1);

        iam.detachUserPolicy(r -> r.userName(user).policyArn(own));
        assertAwsError(() -> iam.detachUserPolicy(r -> r.userName(user).policyArn(own)), "NoSuchEntity", 404,
                "Policy " + own + " was not found.");
        assertThat(iam.getPolicy(r -> r.policyArn(own)).policy().attachmentCount()).isZero();
        iam.detachUserPolicy(r -> r.userName(user).policyArn(READ_ONLY));
        iam.detachUserPolicy(r -> r.userName(user).policyArn(VIEW_ONLY));
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies()).isEmpty();
        iam.deleteUser(r -> r.userName(user));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void attachmentsRefuseMissingEntitiesMissingPoliciesAndServiceRolePolicies(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("refused");
        iam.createUser(r -> r.userName(user));
        String group = IamFixtures.group(server, unique("refused-group"), "/").name();
        String role = IamFixtures.role(server, unique("refused-role"), "/").name();
        String missing = "arn:aws:iam::123456789012:policy/NoSuchPolicy";
        assertAwsError(() -> iam.attachUserPolicy(r -> r.userName(user).policyArn(missing)), "NoSuchEntity", 404,
                "Policy " + missing + " does not exist or is not attachable.");
        assertAwsError(() -> iam.attachRolePolicy(r -> r.roleName(role).policyArn("arn:aws:iam::aws:policy/NoSuch")),
                "NoSuchEntity", 404, "Policy arn:aws:iam::aws:policy/NoSuch does not exist or is not attachable.");
        assertAwsError(() -> iam.attachUserPolicy(r -> r.userName("nobody").policyArn(READ_ONLY)), "NoSuchEntity", 404,
                "The user with name nobody cannot be found.");
        assertAwsError(() -> iam.attachGroupPolicy(r -> r.groupName("nogroup").policyArn(READ_ONLY)), "NoSuchEntity", 404,
                "The group with name nogroup cannot be found.");
        assertAwsError(() -> iam.detachRolePolicy(r -> r.roleName("norole").policyArn(READ_ONLY)), "NoSuchEntity", 404,
                "The role with name norole cannot be found.");
        assertAwsError(() -> iam.listAttachedGroupPolicies(r -> r.groupName("nogroup")), "NoSuchEntity", 404,
                "The group with name nogroup cannot be found.");
        assertAwsError(() -> iam.attachUserPolicy(r -> r.userName(user).policyArn("arn:aws:iam::123456789012:role/x")),
                "InvalidInput", 400, "ARN arn:aws:iam::123456789012:role/x is not valid.");
        String serviceRole = "arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy";
        assertAwsError(() -> iam.attachRolePolicy(r -> r.roleName(role).policyArn(serviceRole)), "PolicyNotAttachable",
                400, "Cannot attach a Service Role Policy to a Customer Role.");
        assertAwsError(() -> iam.detachGroupPolicy(r -> r.groupName(group).policyArn(READ_ONLY)), "NoSuchEntity", 404,
                "Policy " + READ_ONLY + " was not found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void groupsAndRolesHoldAttachmentsToo(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String group = IamFixtures.group(server, unique("readers"), "/").name();
        String role = IamFixtures.role(server, unique("app"), "/").name();
        iam.attachGroupPolicy(r -> r.groupName(group).policyArn(READ_ONLY));
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(READ_ONLY));
        assertThat(iam.listAttachedGroupPolicies(r -> r.groupName(group)).attachedPolicies())
                .containsExactly(attached("ReadOnlyAccess", READ_ONLY));
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies())
                .containsExactly(attached("ReadOnlyAccess", READ_ONLY));
        iam.detachGroupPolicy(r -> r.groupName(group).policyArn(READ_ONLY));
        iam.detachRolePolicy(r -> r.roleName(role).policyArn(READ_ONLY));
        assertThat(iam.listAttachedGroupPolicies(r -> r.groupName(group)).attachedPolicies()).isEmpty();
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tenPoliciesAtMostPerUserGroupAndRole(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String prefix = unique("Quota");
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String name = prefix + "-" + i;
            arns.add(iam.createPolicy(r -> r.policyName(name).policyDocument(allow("s3:*"))).policy().arn());
        }
        String user = unique("full");
        iam.createUser(r -> r.userName(user));
        String group = IamFixtures.group(server, unique("full-group"), "/").name();
        String role = IamFixtures.role(server, unique("full-role"), "/").name();
        for (String arn : arns.subList(0, 10)) {
            iam.attachUserPolicy(r -> r.userName(user).policyArn(arn));
            iam.attachGroupPolicy(r -> r.groupName(group).policyArn(arn));
            iam.attachRolePolicy(r -> r.roleName(role).policyArn(arn));
        }
        String eleventh = arns.get(10);
        assertAwsError(() -> iam.attachUserPolicy(r -> r.userName(user).policyArn(eleventh)), "LimitExceeded", 409,
                "Cannot exceed quota for PoliciesPerUser: 10");
        assertAwsError(() -> iam.attachGroupPolicy(r -> r.groupName(group).policyArn(eleventh)), "LimitExceeded", 409,
                "Cannot exceed quota for PoliciesPerGroup: 10");
        assertAwsError(() -> iam.attachRolePolicy(r -> r.roleName(role).policyArn(eleventh)), "LimitExceeded", 409,
                "Cannot exceed quota for PoliciesPerRole: 10");
        iam.attachUserPolicy(r -> r.userName(user).policyArn(arns.getFirst())); // already attached: not an eleventh
        assertThat(iam.getPolicy(r -> r.policyArn(arns.getFirst())).policy().attachmentCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentAttachmentsNeverBreakTheQuota(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        String user = unique("racer");
        iam.createUser(r -> r.userName(user));
        String prefix = unique("Race");
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = prefix + "-" + i;
            arns.add(iam.createPolicy(r -> r.policyName(name).policyDocument(allow("s3:*"))).policy().arn());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String arn : arns) {
                outcomes.add(pool.submit(() -> {
                    try {
                        iam.attachUserPolicy(r -> r.userName(user).policyArn(arn));
                        return "attached";
                    } catch (IamException e) {
                        return e.awsErrorDetails().errorCode();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn("attached"::equals).hasSize(10);
            assertThat(results).filteredOn("LimitExceeded"::equals).hasSize(6);
        } finally {
            pool.shutdownNow();
        }
        List<AttachedPolicy> attached = iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies();
        assertThat(attached).hasSize(10);
        long counted = arns.stream().filter(arn -> iam.getPolicy(r -> r.policyArn(arn)).policy().attachmentCount() == 1)
                .count();
        assertThat(counted).as("the attachment index agrees with the user").isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aServiceLinkedRoleIsOnlyModifiableByAws(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String role = IamFixtures.role(server, unique("AWSServiceRoleForSupport"), "/aws-service-role/support.amazonaws.com/")
                .name();
        String refusal = "Cannot perform the operation on the protected role '" + role + "' - this role is only modifiable by AWS";
        assertAwsError(() -> iam.attachRolePolicy(r -> r.roleName(role).policyArn(READ_ONLY)), "UnmodifiableEntity", 400,
                refusal);
        assertAwsError(() -> iam.putRolePolicy(r -> r.roleName(role).policyName("p").policyDocument(allow("s3:*"))),
                "UnmodifiableEntity", 400, refusal);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listEntitiesForPolicyFiltersByKindPathAndUsageAndPages(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String arn = iam.createPolicy(r -> r.policyName(unique("Shared")).policyDocument(allow("s3:*"))).policy().arn();
        String alice = unique("alice");
        String bob = unique("bob");
        iam.createUser(r -> r.userName(alice).path("/staff/"));
        iam.createUser(r -> r.userName(bob));
        var group = IamFixtures.group(server, unique("staff"), "/staff/");
        var role = IamFixtures.role(server, unique("worker"), "/");
        iam.attachUserPolicy(r -> r.userName(alice).policyArn(arn));
        iam.attachGroupPolicy(r -> r.groupName(group.name()).policyArn(arn));
        iam.attachRolePolicy(r -> r.roleName(role.name()).policyArn(arn));
        IamFixtures.boundUser(server, bob, arn);

        ListEntitiesForPolicyResponse all = iam.listEntitiesForPolicy(r -> r.policyArn(arn));
        assertThat(all.policyGroups()).containsExactly(PolicyGroup.builder().groupName(group.name()).groupId(group.id()).build());
        assertThat(all.policyRoles()).containsExactly(PolicyRole.builder().roleName(role.name()).roleId(role.id()).build());
        assertThat(all.policyUsers()).extracting(PolicyUser::userName).containsExactlyInAnyOrder(alice, bob);
        assertThat(all.isTruncated()).isFalse();

        ListEntitiesForPolicyResponse permissions = iam.listEntitiesForPolicy(r -> r.policyArn(arn)
                .policyUsageFilter(PolicyUsageType.PERMISSIONS_POLICY).entityFilter(EntityType.USER));
        assertThat(permissions.policyUsers()).extracting(PolicyUser::userName).containsExactly(alice);
        assertThat(permissions.policyGroups()).isEmpty();
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(arn).policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY))
                .policyUsers()).extracting(PolicyUser::userName).containsExactly(bob);
        ListEntitiesForPolicyResponse staff = iam.listEntitiesForPolicy(r -> r.policyArn(arn).pathPrefix("/staff/"));
        assertThat(staff.policyUsers()).extracting(PolicyUser::userName).containsExactly(alice);
        assertThat(staff.policyGroups()).hasSize(1);
        assertThat(staff.policyRoles()).isEmpty();

        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListEntitiesForPolicyResponse page = iam.listEntitiesForPolicy(r -> r.policyArn(arn).maxItems(1).marker(from));
            page.policyGroups().forEach(g -> seen.add(g.groupName()));
            page.policyRoles().forEach(g -> seen.add(g.roleName()));
            page.policyUsers().forEach(g -> seen.add(g.userName()));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        assertThat(seen).containsExactlyInAnyOrder(group.name(), role.name(), alice, bob).hasSize(4);

        String missing = "arn:aws:iam::123456789012:policy/NoSuchShared";
        assertAwsError(() -> iam.listEntitiesForPolicy(r -> r.policyArn(missing)), "NoSuchEntity", 404,
                "Policy " + missing + " was not found.");
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/AdministratorAccess"))
                .policyUsers()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void policyArnsFollowThePartitionOfTheRequest(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient china = IamClient.builder().endpointOverride(server.endpoint()).region(Region.CN_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(TestServer.root()))
                .httpClient(UrlConnectionHttpClient.create()).build();
        String user = unique("china");
        china.createUser(r -> r.userName(user));
        String name = unique("ChinaPolicy");
        String arn = china.createPolicy(r -> r.policyName(name).policyDocument(allow("s3:*"))).policy().arn();
        assertThat(arn).isEqualTo("arn:aws-cn:iam::123456789012:policy/" + name);
        china.attachUserPolicy(r -> r.userName(user).policyArn(arn));
        china.attachUserPolicy(r -> r.userName(user).policyArn("arn:aws-cn:iam::aws:policy/ReadOnlyAccess"));
        assertThat(china.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies()).extracting(AttachedPolicy::policyArn)
                .containsExactly(arn, "arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
        assertThat(china.getPolicy(r -> r.policyArn("arn:aws-cn:iam::aws:policy/ReadOnlyAccess")).policy().arn())
                .isEqualTo("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
        assertAwsError(() -> china.getPolicy(r -> r.policyArn(READ_ONLY)), "InvalidInput", 400,
                "ARN " + READ_ONLY + " is not valid.");
        IamClient iam = server.iam();
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies()).extracting(AttachedPolicy::policyArn)
                .as("the same attachments, seen from the aws partition")
                .containsExactly("arn:aws:iam::123456789012:policy/" + name, READ_ONLY);
    }

    private static AttachedPolicy attached(String name, String arn) {
        return AttachedPolicy.builder().policyName(name).policyArn(arn).build();
    }

    private static String nameOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
