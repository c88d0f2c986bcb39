package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;
import static io.gatehouse.server.it.IamFixtures.TRUST;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.decoded;
import static io.gatehouse.server.it.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.state.Ids;
import io.gatehouse.server.state.InstanceProfile;
import io.gatehouse.server.store.Backend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** Instance profiles as IAM answers for them: the profile, its one role, listings, tags and errors. */
class InstanceProfileTest {

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anInstanceProfileIsCreatedReadAndDeleted(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("web");
        var created = iam.createInstanceProfile(r -> r.instanceProfileName(name).path("/apps/")).instanceProfile();
        assertThat(created.instanceProfileName()).isEqualTo(name);
        assertThat(created.path()).isEqualTo("/apps/");
        assertThat(created.instanceProfileId()).startsWith("AIPA").hasSize(21);
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":instance-profile/apps/" + name);
        assertThat(created.roles()).isEmpty();
        assertThat(created.tags()).isEmpty();

        var got = iam.getInstanceProfile(r -> r.instanceProfileName(name.toUpperCase())).instanceProfile();
        assertThat(got.instanceProfileId()).isEqualTo(created.instanceProfileId());
        assertThat(got.createDate()).isEqualTo(created.createDate());
        assertThat(got.tags()).isEmpty();

        assertAwsError(() -> iam.createInstanceProfile(r -> r.instanceProfileName(name)), "EntityAlreadyExists", 409,
                "Instance Profile " + name + " already exists.");
        iam.deleteInstanceProfile(r -> r.instanceProfileName(name));
        assertAwsError(() -> iam.getInstanceProfile(r -> r.instanceProfileName(name)), "NoSuchEntity", 404,
                "Instance Profile " + name + " cannot be found.");
        assertAwsError(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName(name)), "NoSuchEntity", 404,
                "Instance Profile " + name + " cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anInstanceProfileHoldsOneRole(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("holder");
        String role = unique("Held");
        String other = unique("Other");
        iam.createInstanceProfile(r -> r.instanceProfileName(name));
        iam.createRole(r -> r.roleName(role).path("/svc/").assumeRolePolicyDocument(TRUST).description("d")
                .tags(tag("k", "v")));
        iam.createRole(r -> r.roleName(other).assumeRolePolicyDocument(TRUST));
        assertAwsError(() -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(name).roleName(role)),
                "NoSuchEntity", 404, "Role " + role + " in Instance Profile " + name + " cannot be found.");

        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(role.toLowerCase()));
        Role held = iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile().roles().getFirst();
        assertThat(held.roleName()).isEqualTo(role);
        assertThat(held.path()).isEqualTo("/svc/");
        assertThat(decoded(held.assumeRolePolicyDocument())).isEqualTo(TRUST);
        assertThat(held.description()).as("a profile's roles carry identity and trust policy only").isNull();
        assertThat(held.maxSessionDuration()).isNull();
        assertThat(held.tags()).isEmpty();
        assertThat(held.roleLastUsed()).isNull();

        assertAwsError(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(other)),
                "LimitExceeded", 409, "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        assertAwsError(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(role)),
                "LimitExceeded", 409, "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        assertAwsError(() -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(name).roleName(other)),
                "NoSuchEntity", 404, "Role " + other + " in Instance Profile " + name + " cannot be found.");
        assertAwsError(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName(name)), "DeleteConflict", 409,
                "Cannot delete entity, must remove roles from instance profile first.");

        for (String missing : List.of("add", "remove")) {
            assertAwsError(() -> {
                if (missing.equals("add")) {
                    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("nonexistent-profile").roleName(role));
                } else {
                    iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("nonexistent-profile").roleName(role));
                }
            }, "NoSuchEntity", 404, "Instance Profile nonexistent-profile cannot be found.");
        }
        assertAwsError(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName("nonexistent-role")),
                "NoSuchEntity", 404, "The role with name nonexistent-role cannot be found.");
        assertAwsError(() -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(name)
                .roleName("nonexistent-role")), "NoSuchEntity", 404, "The role with name nonexistent-role cannot be found.");

        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(name).roleName(role));
        assertThat(iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile().roles()).isEmpty();
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(other));
        iam.deleteRole(r -> r.roleName(role));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listingsPageInNameOrderAndLeaveOutTags(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String path = "/" + unique("ip-list") + "/";
        String role = unique("Listed");
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST));
        List<String> names = new ArrayList<>();
        for (String n : List.of("delta", "Alpha", "charlie", "Bravo")) {
            String name = n + "-" + unique("p");
            names.add(name);
            iam.createInstanceProfile(r -> r.instanceProfileName(name).path(path).tags(tag("k", "v")));
            iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(role));
        }
        List<String> expected = names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();

        ListInstanceProfilesResponse first = iam.listInstanceProfiles(r -> r.pathPrefix(path).maxItems(3));
        assertThat(first.isTruncated()).isTrue();
        ListInstanceProfilesResponse rest = iam.listInstanceProfiles(r -> r.pathPrefix(path).marker(first.marker()));
        assertThat(rest.isTruncated()).isFalse();
        List<String> listed = new ArrayList<>();
        first.instanceProfiles().forEach(p -> listed.add(p.instanceProfileName()));
        rest.instanceProfiles().forEach(p -> listed.add(p.instanceProfileName()));
        assertThat(listed).isEqualTo(expected);
        assertThat(first.instanceProfiles().getFirst().tags()).isEmpty();
        assertThat(first.instanceProfiles().getFirst().roles()).extracting(Role::roleName).containsExactly(role);

        var forRole = iam.listInstanceProfilesForRole(r -> r.roleName(role).maxItems(2));
        assertThat(forRole.instanceProfiles()).extracting(p -> p.instanceProfileName())
                .isEqualTo(expected.subList(0, 2));
        assertThat(iam.listInstanceProfilesForRolePaginator(r -> r.roleName(role).maxItems(1)).instanceProfiles()
                .stream().map(p -> p.instanceProfileName()).toList()).isEqualTo(expected);
        String lonely = unique("Lonely");
        iam.createRole(r -> r.roleName(lonely).assumeRolePolicyDocument(TRUST));
        var none = iam.listInstanceProfilesForRole(r -> r.roleName(lonely));
        assertThat(none.instanceProfiles()).isEmpty();
        assertThat(none.isTruncated()).isFalse();
        assertAwsError(() -> iam.listInstanceProfilesForRole(r -> r.roleName("nonexistent-role")), "NoSuchEntity", 404,
                "The role with name nonexistent-role cannot be found.");
        assertThat(iam.listInstanceProfiles(r -> r.pathPrefix("/no-such-path/")).instanceProfiles()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tagKeysOfAnInstanceProfileAreCaseSensitive(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("tagged");
        var created = iam.createInstanceProfile(r -> r.instanceProfileName(name)
                .tags(tag("Team", "one"), tag("team", "two"))).instanceProfile();
        assertThat(created.tags()).containsExactly(tag("Team", "one"), tag("team", "two"));
        iam.tagInstanceProfile(r -> r.instanceProfileName(name).tags(tag("team", "three"), tag("TEAM", "four")));
        assertThat(iam.listInstanceProfileTags(r -> r.instanceProfileName(name)).tags())
                .containsExactly(tag("Team", "one"), tag("team", "three"), tag("TEAM", "four"));
        iam.untagInstanceProfile(r -> r.instanceProfileName(name).tagKeys("TEAM", "Team"));
        assertThat(iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile().tags())
                .containsExactly(tag("team", "three"));

        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            many.add(tag(String.format("key%02d", i), "v"));
        }
        iam.tagInstanceProfile(r -> r.instanceProfileName(name).tags(many));
        assertAwsError(() -> iam.tagInstanceProfile(r -> r.instanceProfileName(name).tags(tag("Key00", "v"))),
                "LimitExceeded", 409, "The number of tags has reached the maximum limit.");
        ListInstanceProfileTagsResponse page = iam.listInstanceProfileTags(r -> r.instanceProfileName(name).maxItems(49));
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listInstanceProfileTags(r -> r.instanceProfileName(name).marker(page.marker())).tags())
                .containsExactly(tag("key48", "v"));

        assertAwsError(() -> iam.tagInstanceProfile(r -> r.instanceProfileName(name).tags(tag("aws:x", "v"))),
                "InvalidInput", 400, "Tag keys beginning with aws: are reserved for system use.");
        assertAwsError(() -> iam.createInstanceProfile(r -> r.instanceProfileName(unique("dup"))
                        .tags(tag("a", "1"), tag("a", "2"))), "InvalidInput", 400,
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        for (var call : List.<Runnable>of(
                () -> iam.tagInstanceProfile(r -> r.instanceProfileName("nonexistent-profile").tags(tag("a", "b"))),
                () -> iam.untagInstanceProfile(r -> r.instanceProfileName("nonexistent-profile").tagKeys("a")),
                () -> iam.listInstanceProfileTags(r -> r.instanceProfileName("nonexistent-profile")))) {
            assertAwsError(call::run, "NoSuchEntity", 404, "Instance Profile nonexistent-profile cannot be found.");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountHoldsAtMostAThousandInstanceProfilesAndRoles(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, servers.directory().resolve("quota-" + backend))) {
            io.gatehouse.server.state.Role role = IamFixtures.role(server, "template", "/");
            server.server().state().apply(m -> {
                for (int i = 0; i < 1000; i++) {
                    m.putInstanceProfile(ACCOUNT, new InstanceProfile("filler" + i, new Ids().instanceProfileId(), "/",
                            Instant.now(), List.of(), List.of()));
                }
                for (int i = 0; i < 999; i++) {
                    m.putRole(ACCOUNT, new io.gatehouse.server.state.Role("filler" + i, new Ids().roleId(), "/",
                            Instant.now(), role.trustPolicy(), role.compiledTrustPolicy(), null, 3600, null, List.of(),
                            List.of(), List.of(), null));
                }
                return null;
            });
            IamClient iam = server.iam();
            assertAwsError(() -> iam.createInstanceProfile(r -> r.instanceProfileName("one-too-many")), "LimitExceeded",
                    409, "Cannot exceed quota for InstanceProfilesPerAccount: 1000");
            assertAwsError(() -> iam.createRole(r -> r.roleName("one-too-many").assumeRolePolicyDocument(TRUST)),
                    "LimitExceeded", 409, "Cannot exceed quota for RolesPerAccount: 1000");
            assertAwsError(() -> iam.createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com")),
                    "LimitExceeded", 409, "Cannot exceed quota for RolesPerAccount: 1000");
            assertThat(iam.listRolesPaginator().roles().stream().count()).isEqualTo(1000);
        }
    }
}
