package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;
import static io.gatehouse.server.it.IamFixtures.TRUST;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.decoded;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.RoleFixtures.trust;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

/** Roles as IAM answers for them: what each operation returns, its errors, listings and tags. */
class RoleTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static String roleArn(String path, String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role" + path + name;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createRoleAnswersTheRoleWithoutDescriptionOrSessionDurationAndGetRoleAnswersEverything(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("App");
        Role created = iam.createRole(r -> r.roleName(name).path("/team/").assumeRolePolicyDocument(TRUST)
                .description("runs the app").maxSessionDuration(7200).permissionsBoundary(READ_ONLY)
                .tags(tag("team", "blue"))).role();
        assertThat(created.roleName()).isEqualTo(name);
        assertThat(created.path()).isEqualTo("/team/");
        assertThat(created.roleId()).startsWith("AROA").hasSize(21);
        assertThat(created.arn()).isEqualTo(roleArn("/team/", name));
        assertThat(decoded(created.assumeRolePolicyDocument())).isEqualTo(TRUST);
        assertThat(created.description()).as("CreateRole does not answer the description").isNull();
        assertThat(created.maxSessionDuration()).as("nor the session duration").isNull();
        assertThat(created.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(READ_ONLY);
        assertThat(created.permissionsBoundary().permissionsBoundaryTypeAsString()).isEqualTo("Policy");
        assertThat(created.tags()).containsExactly(tag("team", "blue"));
        assertThat(created.roleLastUsed()).isNull();

        Role got = iam.getRole(r -> r.roleName(name.toUpperCase())).role();
        assertThat(got.roleName()).as("names are case-insensitive").isEqualTo(name);
        assertThat(got.roleId()).isEqualTo(created.roleId());
        assertThat(got.createDate()).isEqualTo(created.createDate());
        assertThat(got.description()).isEqualTo("runs the app");
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(READ_ONLY);
        assertThat(got.tags()).containsExactly(tag("team", "blue"));
        assertThat(got.roleLastUsed()).as("present and empty until the role is used").isNotNull();
        assertThat(got.roleLastUsed().lastUsedDate()).isNull();
        assertThat(decoded(got.assumeRolePolicyDocument())).isEqualTo(TRUST);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void roleLastUsedNamesWhenAndWhereASessionOfTheRoleLastCalledAndSurvivesARestart(Backend backend)
            throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("lu-user");
        AwsCredentials key = IamFixtures.userWithKey(iam, user);
        String name = unique("Used");
        String arn = AssumeRoleFixtures.role(iam, name, AssumeRoleFixtures.trust(
                AssumeRoleFixtures.aws(AssumeRoleFixtures.userArn(user)), "\"sts:AssumeRole\"", null));
        assertThat(iam.getRole(r -> r.roleName(name)).role().roleLastUsed().lastUsedDate())
                .as("never used").isNull();
        assertThat(detailOf(iam, name).roleLastUsed().lastUsedDate()).isNull();
        assertThat(detailOf(iam, name).roleLastUsed().region()).isNull();

        AwsSessionCredentials session = AssumeRoleFixtures.assumed(server, key, arn, "s1");
        Instant before = Instant.now().minusSeconds(1);
        try (StsClient sts = StsClient.builder().endpointOverride(server.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(session))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            sts.getCallerIdentity();
        }
        RoleLastUsed used = awaitRoleUse(iam, name);
        assertThat(used.lastUsedDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(used.region()).as("the region the request was signed for").isEqualTo("eu-west-1");
        assertThat(detailOf(iam, name).roleLastUsed()).isEqualTo(used);

        try (StsClient sts = server.sts(session)) {
            sts.getCallerIdentity();
        }
        Thread.sleep(300);
        assertThat(iam.getRole(r -> r.roleName(name)).role().roleLastUsed())
                .as("recorded at most once a minute").isEqualTo(used);

        server.restart();
        assertThat(server.iam().getRole(r -> r.roleName(name)).role().roleLastUsed()).isEqualTo(used);
    }

    /** The role's entry in GetAccountAuthorizationDetails. */
    private static RoleDetail detailOf(IamClient iam, String roleName) {
        return iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(EntityType.ROLE)).roleDetailList().stream()
                .filter(d -> d.roleName().equals(roleName)).findFirst().orElseThrow();
    }

    private static RoleLastUsed awaitRoleUse(IamClient iam, String roleName) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            RoleLastUsed used = iam.getRole(r -> r.roleName(roleName)).role().roleLastUsed();
            if (used.lastUsedDate() != null || Instant.now().isAfter(deadline)) {
                return used;
            }
            Thread.sleep(20);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRoleWithoutOptionsHasPathSlashAndOneHourSessions(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("Plain");
        Role created = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST)).role();
        assertThat(created.path()).isEqualTo("/");
        assertThat(created.arn()).isEqualTo(roleArn("/", name));
        assertThat(created.tags()).isEmpty();
        assertThat(created.permissionsBoundary()).isNull();
        Role got = iam.getRole(r -> r.roleName(name)).role();
        assertThat(got.maxSessionDuration()).isEqualTo(3600);
        assertThat(got.description()).isNull();
        assertThat(got.permissionsBoundary()).isNull();
        assertThat(got.tags()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createRoleRefusesWhatIamRefuses(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("Taken");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST));
        assertAwsError(() -> iam.createRole(r -> r.roleName(name.toLowerCase()).assumeRolePolicyDocument(TRUST)),
                "EntityAlreadyExists", 409, "Role with name " + name.toLowerCase() + " already exists.");
        String other = unique("Other");
        assertAwsError(() -> iam.createRole(r -> r.roleName(other).path("/aws-service-role/ecs.amazonaws.com/")
                        .assumeRolePolicyDocument(TRUST)), "InvalidInput", 400,
                "Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles");
        assertAwsError(() -> iam.createRole(r -> r.roleName(other).assumeRolePolicyDocument(TRUST)
                        .permissionsBoundary("arn:aws:iam::" + ACCOUNT + ":not_a_policy/invalid")),
                "InvalidInput", 400, "ARN arn:aws:iam::" + ACCOUNT + ":not_a_policy/invalid is not valid.");
        assertAwsError(() -> iam.createRole(r -> r.roleName(other).assumeRolePolicyDocument(TRUST)
                        .permissionsBoundary("arn:aws:iam::" + ACCOUNT + ":policy/nonexistent-policy")),
                "NoSuchEntity", 404, "Scope ARN: arn:aws:iam::" + ACCOUNT
                        + ":policy/nonexistent-policy does not exist or is not attachable.");
        assertAwsError(() -> iam.createRole(r -> r.roleName(other).assumeRolePolicyDocument(TRUST)
                        .tags(tag("Team", "a"), tag("team", "b"))), "InvalidInput", 400,
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        assertAwsError(() -> iam.createRole(r -> r.roleName(other).assumeRolePolicyDocument(TRUST).maxSessionDuration(100)),
                "ValidationError", 400, "1 validation error detected: Value at 'maxSessionDuration' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 3600");
        assertAwsError(() -> iam.createRole(r -> r.roleName(other).assumeRolePolicyDocument(TRUST).maxSessionDuration(43201)),
                "ValidationError", 400, "1 validation error detected: Value at 'maxSessionDuration' failed to "
                        + "satisfy constraint: Member must have value less than or equal to 43200");
        assertThat(iam.listRoles().roles()).noneMatch(r -> r.roleName().equals(other));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void trustPoliciesAreCheckedWithIamsMessages(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("Trusting");
        assertAwsError(() -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument("{not json")),
                "MalformedPolicyDocument", 400, "This policy contains invalid Json");
        assertAwsError(() -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                                + "\"ec2.amazonaws.com\"},\"Action\":\"s3:GetObject\"}]}")),
                "MalformedPolicyDocument", 400, "AssumeRole policy may only specify STS AssumeRole actions.");
        assertAwsError(() -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}")),
                "MalformedPolicyDocument", 400, "Has prohibited field Resource");
        assertAwsError(() -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}")),
                "MalformedPolicyDocument", 400, "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
                        + "The passed in policy has a statement with no principals!");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theTrustPolicyQuotaIs2048CharactersNotCountingWhiteSpace(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("Big");
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Sid\":\"";
        String tail = "\"}]}";
        String fits = head + "A".repeat(2048 - head.length() - tail.length()) + tail;
        assertThat(fits).hasSize(2048);
        String spaced = fits.replace(",", ",     \n");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(spaced));
        String over = head + "A".repeat(2049 - head.length() - tail.length()) + tail;
        assertAwsError(() -> iam.createRole(r -> r.roleName(unique("Bigger")).assumeRolePolicyDocument(over)),
                "LimitExceeded", 409, "Cannot exceed quota for ACLSizePerRole: 2048");
        assertAwsError(() -> iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(over)),
                "LimitExceeded", 409, "Cannot exceed quota for ACLSizePerRole: 2048");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrustPolicyMayNameOnlyUsersAndRolesThatExistInAnAccountOfTheServer(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("trusted-user");
        iam.createUser(r -> r.userName(user).path("/people/"));
        String role = unique("TrustedRole");
        iam.createRole(r -> r.roleName(role).path("/svc/").assumeRolePolicyDocument(TRUST));
        String name = unique("Trusting");

        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust("{\"AWS\":[\"" + "arn:aws:iam::" + ACCOUNT
                + ":user/people/" + user + "\",\"arn:aws:iam::" + ACCOUNT + ":role/svc/" + role + "\",\"arn:aws:iam::"
                + ACCOUNT + ":root\",\"" + ACCOUNT + "\",\"arn:aws:iam::210987654321:user/elsewhere\"]}")));
        for (String missing : List.of("arn:aws:iam::" + ACCOUNT + ":user/nobody",
                "arn:aws:iam::" + ACCOUNT + ":user/" + user,
                "arn:aws:iam::" + ACCOUNT + ":role/" + role,
                "arn:aws:iam::" + ACCOUNT + ":role/" + name + "-self")) {
            assertAwsError(() -> iam.createRole(r -> r.roleName(name + "-self")
                            .assumeRolePolicyDocument(trust("{\"AWS\":\"" + missing + "\"}"))),
                    "MalformedPolicyDocument", 400, "Invalid principal in policy: \"AWS\":\"" + missing + "\"");
            assertAwsError(() -> iam.updateAssumeRolePolicy(r -> r.roleName(name)
                            .policyDocument(trust("{\"AWS\":\"" + missing + "\"}"))),
                    "MalformedPolicyDocument", 400, "Invalid principal in policy: \"AWS\":\"" + missing + "\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void updateAssumeRolePolicyReplacesTheTrustPolicy(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("Retrusted");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST));
        String lambda = trust("{\"Service\":\"lambda.amazonaws.com\"}");
        iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(lambda));
        assertThat(decoded(iam.getRole(r -> r.roleName(name)).role().assumeRolePolicyDocument())).isEqualTo(lambda);
        assertAwsError(() -> iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument("{\"Version\":")),
                "MalformedPolicyDocument", 400, "This policy contains invalid Json");
        assertAwsError(() -> iam.updateAssumeRolePolicy(r -> r.roleName("no-such-role").policyDocument(lambda)),
                "NoSuchEntity", 404, "The role with name no-such-role cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void updateRoleChangesTheDescriptionAndSessionDurationItNames(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("Updated");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST).description("initial"));
        iam.updateRole(r -> r.roleName(name).maxSessionDuration(7200));
        Role role = iam.getRole(r -> r.roleName(name)).role();
        assertThat(role.description()).isEqualTo("initial");
        assertThat(role.maxSessionDuration()).isEqualTo(7200);
        iam.updateRole(r -> r.roleName(name).description("changed"));
        role = iam.getRole(r -> r.roleName(name)).role();
        assertThat(role.description()).isEqualTo("changed");
        assertThat(role.maxSessionDuration()).isEqualTo(7200);
        iam.updateRole(r -> r.roleName(name));
        assertThat(iam.getRole(r -> r.roleName(name)).role().description()).isEqualTo("changed");

        Role described = iam.updateRoleDescription(r -> r.roleName(name).description("via description")).role();
        assertThat(described.description()).isEqualTo("via description");
        assertThat(described.maxSessionDuration()).as("UpdateRoleDescription answers no session duration").isNull();
        assertThat(described.roleLastUsed()).isNull();
        assertThat(decoded(described.assumeRolePolicyDocument())).isEqualTo(TRUST);
        assertThat(iam.getRole(r -> r.roleName(name)).role().maxSessionDuration()).isEqualTo(7200);

        assertAwsError(() -> iam.updateRole(r -> r.roleName("no-such-role").description("x")),
                "NoSuchEntity", 404, "The role with name no-such-role cannot be found.");
        assertAwsError(() -> iam.updateRoleDescription(r -> r.roleName("no-such-role").description("x")),
                "NoSuchEntity", 404, "The role with name no-such-role cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deleteRoleRefusesWhileInstanceProfilesOrPoliciesHoldIt(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String name = unique("Held");
        String profile = unique("holder");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST).permissionsBoundary(READ_ONLY));
        iam.createInstanceProfile(r -> r.instanceProfileName(profile));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(name));
        assertAwsError(() -> iam.deleteRole(r -> r.roleName(name)), "DeleteConflict", 409,
                "Cannot delete entity, must remove roles from instance profile first.");
        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(profile).roleName(name));

        iam.putRolePolicy(r -> r.roleName(name).policyName("inline").policyDocument(IamFixtures.allow("s3:GetObject")));
        assertAwsError(() -> iam.deleteRole(r -> r.roleName(name)), "DeleteConflict", 409,
                "Cannot delete entity, must delete policies first.");
        iam.deleteRolePolicy(r -> r.roleName(name).policyName("inline"));
        iam.attachRolePolicy(r -> r.roleName(name).policyArn(READ_ONLY));
        assertAwsError(() -> iam.deleteRole(r -> r.roleName(name)), "DeleteConflict", 409,
                "Cannot delete entity, must detach all policies first.");
        iam.detachRolePolicy(r -> r.roleName(name).policyArn(READ_ONLY));

        iam.deleteRole(r -> r.roleName(name.toUpperCase()));
        assertAwsError(() -> iam.getRole(r -> r.roleName(name)), "NoSuchEntity", 404,
                "The role with name " + name + " cannot be found.");
        assertAwsError(() -> iam.deleteRole(r -> r.roleName(name)), "NoSuchEntity", 404,
                "The role with name " + name + " cannot be found.");
        assertThat(server.server().state().current().account(ACCOUNT).boundedBy(READ_ONLY))
                .as("the deleted role no longer counts as bounded").noneMatch(ref -> ref.endsWith(name.toLowerCase()));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listRolesPagesInNameOrderWithinAPathPrefixAndLeavesOutBoundariesTagsAndLastUse(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String path = "/" + unique("listing") + "/";
        List<String> names = new ArrayList<>();
        for (String n : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
            String name = n + "-" + unique("r");
            names.add(name);
            iam.createRole(r -> r.roleName(name).path(path).assumeRolePolicyDocument(TRUST).description("d " + name)
                    .permissionsBoundary(READ_ONLY).tags(tag("k", "v")));
        }
        iam.createRole(r -> r.roleName(unique("outside")).path(path + "deeper/").assumeRolePolicyDocument(TRUST));
        List<String> expected = names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();

        ListRolesResponse first = iam.listRoles(r -> r.pathPrefix(path).maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotBlank();
        List<Role> seen = new ArrayList<>(first.roles());
        ListRolesResponse next = first;
        while (next.isTruncated()) {
            String marker = next.marker();
            next = iam.listRoles(r -> r.pathPrefix(path).maxItems(2).marker(marker));
            seen.addAll(next.roles());
        }
        assertThat(next.marker()).isNull();
        assertThat(seen).extracting(Role::roleName).hasSize(6).startsWith(expected.toArray(String[]::new));
        Role listed = seen.getFirst();
        assertThat(listed.description()).isEqualTo("d " + expected.getFirst());
        assertThat(listed.maxSessionDuration()).isEqualTo(3600);
        assertThat(decoded(listed.assumeRolePolicyDocument())).isEqualTo(TRUST);
        assertThat(listed.permissionsBoundary()).isNull();
        assertThat(listed.tags()).isEmpty();
        assertThat(listed.roleLastUsed()).isNull();

        assertThat(iam.listRoles(r -> r.pathPrefix(path + "deeper/")).roles()).hasSize(1);
        ListRolesResponse none = iam.listRoles(r -> r.pathPrefix("/no-such-path/"));
        assertThat(none.roles()).isEmpty();
        assertThat(none.isTruncated()).isFalse();
        assertThat(iam.listRolesPaginator(r -> r.pathPrefix(path).maxItems(1)).roles().stream().count()).isEqualTo(6);
        assertAwsError(() -> iam.listRoles(r -> r.marker("forged")), "ValidationError", 400, "Invalid Marker.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tagsOfARoleAreMergedWithoutRegardToCaseAndListedInOrder(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("Tagged");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST).tags(tag("somekey", "somevalue")));
        iam.tagRole(r -> r.roleName(name).tags(tag("someotherkey", "someothervalue")));
        iam.tagRole(r -> r.roleName(name).tags(tag("SomeKey", "updated")));
        assertThat(iam.listRoleTags(r -> r.roleName(name)).tags())
                .containsExactly(tag("SomeKey", "updated"), tag("someotherkey", "someothervalue"));
        iam.untagRole(r -> r.roleName(name).tagKeys("SOMEKEY", "absent"));
        assertThat(iam.getRole(r -> r.roleName(name)).role().tags()).containsExactly(tag("someotherkey", "someothervalue"));
        iam.untagRole(r -> r.roleName(name).tagKeys("someotherkey"));
        ListRoleTagsResponse empty = iam.listRoleTags(r -> r.roleName(name));
        assertThat(empty.tags()).isEmpty();
        assertThat(empty.isTruncated()).isFalse();

        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag(String.format("key%02d", i), "v"));
        }
        iam.tagRole(r -> r.roleName(name).tags(fifty));
        assertAwsError(() -> iam.tagRole(r -> r.roleName(name).tags(tag("one-more", "v"))), "LimitExceeded", 409,
                "The number of tags has reached the maximum limit.");
        iam.tagRole(r -> r.roleName(name).tags(tag("KEY00", "replaced")));
        ListRoleTagsResponse page = iam.listRoleTags(r -> r.roleName(name).maxItems(20));
        assertThat(page.tags()).hasSize(20).first().isEqualTo(tag("KEY00", "replaced"));
        assertThat(page.isTruncated()).isTrue();
        ListRoleTagsResponse rest = iam.listRoleTags(r -> r.roleName(name).marker(page.marker()));
        assertThat(rest.tags()).hasSize(30).first().isEqualTo(tag("key20", "v"));
        assertThat(rest.isTruncated()).isFalse();

        assertAwsError(() -> iam.tagRole(r -> r.roleName(name).tags(tag("aws:reserved", "v"))), "InvalidInput", 400,
                "User-defined tag keys can't start with \"aws:\". This prefix is reserved for AWS tags.");
        for (var call : List.<Runnable>of(
                () -> iam.tagRole(r -> r.roleName("no-such-role").tags(tag("a", "b"))),
                () -> iam.untagRole(r -> r.roleName("no-such-role").tagKeys("a")),
                () -> iam.listRoleTags(r -> r.roleName("no-such-role")))) {
            assertAwsError(call::run, "NoSuchEntity", 404, "The role with name no-such-role cannot be found.");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void permissionsBoundariesArePutAndDeleted(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String name = unique("Bounded");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST));
        iam.putRolePermissionsBoundary(r -> r.roleName(name).permissionsBoundary(READ_ONLY));
        assertThat(iam.getRole(r -> r.roleName(name)).role().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(READ_ONLY);
        assertThat(server.server().state().current().account(ACCOUNT).boundedBy(READ_ONLY))
                .contains("role/" + name.toLowerCase());
        iam.deleteRolePermissionsBoundary(r -> r.roleName(name));
        assertThat(iam.getRole(r -> r.roleName(name)).role().permissionsBoundary()).isNull();
        assertThat(server.server().state().current().account(ACCOUNT).boundedBy(READ_ONLY))
                .doesNotContain("role/" + name.toLowerCase());

        assertAwsError(() -> iam.putRolePermissionsBoundary(r -> r.roleName(name)
                        .permissionsBoundary("arn:aws:iam::" + ACCOUNT + ":not_a_policy/invalid")),
                "InvalidInput", 400, "ARN arn:aws:iam::" + ACCOUNT + ":not_a_policy/invalid is not valid.");
        assertAwsError(() -> iam.putRolePermissionsBoundary(r -> r.roleName(name)
                        .permissionsBoundary("arn:aws:iam::" + ACCOUNT + ":policy/nonexistent-policy")),
                "NoSuchEntity", 404, "Scope ARN: arn:aws:iam::" + ACCOUNT
                        + ":policy/nonexistent-policy does not exist or is not attachable.");
        assertAwsError(() -> iam.putRolePermissionsBoundary(r -> r.roleName("nonexistent-role")
                        .permissionsBoundary(READ_ONLY)),
                "NoSuchEntity", 404, "The role with name nonexistent-role cannot be found.");
        assertAwsError(() -> iam.deleteRolePermissionsBoundary(r -> r.roleName("nonexistent-role")),
                "NoSuchEntity", 404, "The role with name nonexistent-role cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void getRoleOfAMissingRoleIsNoSuchEntity(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        assertAwsError(() -> iam.getRole(r -> r.roleName("test-nonexistent-role")), "NoSuchEntity", 404,
                "The role with name test-nonexistent-role cannot be found.");
    }
}
