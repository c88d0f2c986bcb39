package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.User;

/** Groups and their members, as IAM answers them. */
class GroupsTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createGroupAndGetGroupAnswerTheGroupAndItsMembers(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        Instant before = Instant.now().minusSeconds(1);
        Group created = iam.createGroup(r -> r.groupName("cg-Admins").path("/ops/")).group();
        assertThat(created.path()).isEqualTo("/ops/");
        assertThat(created.groupName()).isEqualTo("cg-Admins");
        assertThat(created.groupId()).startsWith("AGPA").hasSize(21);
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":group/ops/cg-Admins");
        assertThat(created.createDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(iam.createGroup(r -> r.groupName("cg-plain")).group().path()).isEqualTo("/");

        for (String name : List.of("cg-zed", "cg-Amy", "cg-bea")) {
            iam.createUser(r -> r.userName(name));
            iam.addUserToGroup(r -> r.groupName("CG-ADMINS").userName(name));
        }
        GetGroupResponse first = iam.getGroup(r -> r.groupName("cg-admins").maxItems(2));
        assertThat(first.group()).isEqualTo(created);
        assertThat(first.users()).extracting(User::userName).containsExactly("cg-Amy", "cg-bea");
        assertThat(first.isTruncated()).isTrue();
        GetGroupResponse second = iam.getGroup(r -> r.groupName("cg-admins").maxItems(2).marker(first.marker()));
        assertThat(second.users()).extracting(User::userName).containsExactly("cg-zed");
        assertThat(second.isTruncated()).isFalse();
        assertThat(iam.getGroup(r -> r.groupName("cg-plain")).users()).isEmpty();

        assertAwsError(() -> iam.createGroup(r -> r.groupName("CG-admins")), "EntityAlreadyExists", 409,
                "Group with name CG-admins already exists.");
        assertAwsError(() -> iam.getGroup(r -> r.groupName("cg-none")), "NoSuchEntity", 404,
                "The group with name cg-none cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void membershipsAreIdempotentAndLimitedToTenGroupsPerUser(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("mb-user"));
        for (int i = 0; i < 11; i++) {
            String name = "mb-g" + i;
            iam.createGroup(r -> r.groupName(name));
        }
        for (int i = 0; i < 10; i++) {
            String name = "mb-g" + i;
            iam.addUserToGroup(r -> r.groupName(name).userName("mb-user"));
        }
        iam.addUserToGroup(r -> r.groupName("mb-g3").userName("MB-USER"));
        assertAwsError(() -> iam.addUserToGroup(r -> r.groupName("mb-g10").userName("mb-user")), "LimitExceeded", 409,
                "Cannot exceed quota for GroupsPerUser: 10");
        assertThat(iam.listGroupsForUser(r -> r.userName("mb-user")).groups()).hasSize(10);

        iam.removeUserFromGroup(r -> r.groupName("MB-G3").userName("mb-user"));
        iam.removeUserFromGroup(r -> r.groupName("mb-g3").userName("mb-user"));
        iam.addUserToGroup(r -> r.groupName("mb-g10").userName("mb-user"));
        assertThat(iam.listGroupsForUser(r -> r.userName("mb-user")).groups()).extracting(Group::groupName)
                .containsExactly("mb-g0", "mb-g1", "mb-g10", "mb-g2", "mb-g4", "mb-g5", "mb-g6", "mb-g7", "mb-g8",
                        "mb-g9");
        assertThat(iam.getGroup(r -> r.groupName("mb-g3")).users()).isEmpty();

        assertAwsError(() -> iam.addUserToGroup(r -> r.groupName("mb-none").userName("mb-user")), "NoSuchEntity", 404,
                "The group with name mb-none cannot be found.");
        assertAwsError(() -> iam.addUserToGroup(r -> r.groupName("mb-g0").userName("mb-none")), "NoSuchEntity", 404,
                "The user with name mb-none cannot be found.");
        assertAwsError(() -> iam.removeUserFromGroup(r -> r.groupName("mb-none").userName("mb-user")), "NoSuchEntity",
                404, "The group with name mb-none cannot be found.");
        assertAwsError(() -> iam.removeUserFromGroup(r -> r.groupName("mb-g0").userName("mb-none")), "NoSuchEntity",
                404, "The user with name mb-none cannot be found.");
        assertAwsError(() -> iam.listGroupsForUser(r -> r.userName("mb-none")), "NoSuchEntity", 404,
                "The user with name mb-none cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listGroupsAndListGroupsForUserPage(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("lg-user"));
        for (String name : List.of("lg-d", "lg-B", "lg-a", "lg-C")) {
            iam.createGroup(r -> r.groupName(name).path("/lg/"));
            iam.addUserToGroup(r -> r.groupName(name).userName("lg-user"));
        }
        iam.createGroup(r -> r.groupName("lg-elsewhere").path("/lg-x/"));
        ListGroupsResponse first = iam.listGroups(r -> r.pathPrefix("/lg/").maxItems(3));
        assertThat(first.groups()).extracting(Group::groupName).containsExactly("lg-a", "lg-B", "lg-C");
        assertThat(first.isTruncated()).isTrue();
        ListGroupsResponse second = iam.listGroups(r -> r.pathPrefix("/lg/").maxItems(3).marker(first.marker()));
        assertThat(second.groups()).extracting(Group::groupName).containsExactly("lg-d");
        assertThat(second.isTruncated()).isFalse();
        assertThat(iam.listGroups(r -> r.pathPrefix("/lg")).groups()).hasSize(5);

        var forUser = iam.listGroupsForUser(r -> r.userName("lg-user").maxItems(2));
        assertThat(forUser.groups()).extracting(Group::groupName).containsExactly("lg-a", "lg-B");
        assertThat(forUser.isTruncated()).isTrue();
        assertThat(iam.listGroupsForUser(r -> r.userName("lg-user").maxItems(2).marker(forUser.marker())).groups())
                .extracting(Group::groupName).containsExactly("lg-C", "lg-d");
        assertThat(iam.listGroupsForUser(r -> r.userName("lg-user")).groups().getFirst().arn())
                .isEqualTo("arn:aws:iam::" + ACCOUNT + ":group/lg/lg-a");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void updateGroupRenamesAndMovesAGroupAndItsMembershipsFollow(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String id = iam.createGroup(r -> r.groupName("ug-devs")).group().groupId();
        iam.createUser(r -> r.userName("ug-ann"));
        iam.addUserToGroup(r -> r.groupName("ug-devs").userName("ug-ann"));
        iam.createGroup(r -> r.groupName("ug-taken"));

        assertAwsError(() -> iam.updateGroup(r -> r.groupName("ug-devs").newGroupName("UG-TAKEN")),
                "EntityAlreadyExists", 409, "Group with name UG-TAKEN already exists.");
        assertAwsError(() -> iam.updateGroup(r -> r.groupName("ug-none").newGroupName("ug-x")), "NoSuchEntity", 404,
                "The group with name ug-none cannot be found.");

        iam.updateGroup(r -> r.groupName("UG-DEVS").newGroupName("ug-engineers").newPath("/eng/"));
        assertAwsError(() -> iam.getGroup(r -> r.groupName("ug-devs")), "NoSuchEntity", 404,
                "The group with name ug-devs cannot be found.");
        GetGroupResponse renamed = iam.getGroup(r -> r.groupName("ug-engineers"));
        assertThat(renamed.group().groupId()).isEqualTo(id);
        assertThat(renamed.group().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":group/eng/ug-engineers");
        assertThat(renamed.users()).extracting(User::userName).containsExactly("ug-ann");
        assertThat(iam.listGroupsForUser(r -> r.userName("ug-ann")).groups()).extracting(Group::groupName)
                .containsExactly("ug-engineers");
        iam.createGroup(r -> r.groupName("ug-devs"));
        assertThat(iam.getGroup(r -> r.groupName("ug-devs")).users()).as("the old name is free and empty").isEmpty();

        server.restart();
        assertThat(server.iam().listGroupsForUser(r -> r.userName("ug-ann")).groups()).extracting(Group::groupName)
                .containsExactly("ug-engineers");
        assertThat(server.iam().getGroup(r -> r.groupName("ug-engineers")).users()).hasSize(1);
        server.iam().removeUserFromGroup(r -> r.groupName("ug-engineers").userName("ug-ann"));
        server.iam().deleteUser(r -> r.userName("ug-ann"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void updateGroupNeedsPermissionOnTheGroupAsItIsAndAsItWillBe(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials admin = userWithKey(server.iam(), "ugp-admin");
        server.iam().createGroup(r -> r.groupName("ugp-old"));
        grant(server.iam(), "ugp-admin",
                allowWhere("\"iam:UpdateGroup\"", "\"arn:aws:iam::" + ACCOUNT + ":group/ugp-old\"", null));
        assertDenied(() -> server.iam(admin).updateGroup(r -> r.groupName("ugp-old").newGroupName("ugp-new")),
                "arn:aws:iam::" + ACCOUNT + ":user/ugp-admin", "iam:UpdateGroup", "group ugp-new");
        grant(server.iam(), "ugp-admin",
                allowWhere("\"iam:UpdateGroup\"", "\"arn:aws:iam::" + ACCOUNT + ":group/ugp-new\"", null));
        server.iam(admin).updateGroup(r -> r.groupName("ugp-old").newGroupName("ugp-new"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deleteGroupRefusesWhileItHasMembersOrPolicies(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        iam.createGroup(r -> r.groupName("dg-ops"));
        iam.createUser(r -> r.userName("dg-user"));
        iam.addUserToGroup(r -> r.groupName("dg-ops").userName("dg-user"));
        server.iam().putGroupPolicy(r -> r.groupName("dg-ops").policyName("inline")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}"));
        assertAwsError(() -> iam.deleteGroup(r -> r.groupName("dg-ops")), "DeleteConflict", 409,
                "Cannot delete entity, must remove users from group first.");
        iam.removeUserFromGroup(r -> r.groupName("dg-ops").userName("dg-user"));
        assertAwsError(() -> iam.deleteGroup(r -> r.groupName("dg-ops")), "DeleteConflict", 409,
                "Cannot delete entity, must delete policies first.");

        iam.createGroup(r -> r.groupName("dg-attached"));
        server.iam().attachGroupPolicy(r -> r.groupName("dg-attached")
                .policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertAwsError(() -> iam.deleteGroup(r -> r.groupName("dg-attached")), "DeleteConflict", 409,
                "Cannot delete entity, must detach all policies first.");

        iam.createGroup(r -> r.groupName("dg-empty"));
        iam.addUserToGroup(r -> r.groupName("dg-empty").userName("dg-user"));
        iam.removeUserFromGroup(r -> r.groupName("dg-empty").userName("dg-user"));
        iam.deleteGroup(r -> r.groupName("DG-EMPTY"));
        assertAwsError(() -> iam.deleteGroup(r -> r.groupName("dg-empty")), "NoSuchEntity", 404,
                "The group with name dg-empty cannot be found.");
        assertThat(iam.listGroupsForUser(r -> r.userName("dg-user")).groups()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void groupPoliciesApplyToMembersAndStopWhenTheyLeave(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials member = userWithKey(server.iam(), "gp-member");
        server.iam().createGroup(r -> r.groupName("gp-readers"));
        server.iam().putGroupPolicy(r -> r.groupName("gp-readers").policyName("read")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:ListGroups\",\"Resource\":\"*\"}}"));
        String arn = "arn:aws:iam::" + ACCOUNT + ":user/gp-member";
        assertDenied(() -> server.iam(member).listGroups(), arn, "iam:ListGroups",
                "arn:aws:iam::" + ACCOUNT + ":group/");
        server.iam().addUserToGroup(r -> r.groupName("gp-readers").userName("gp-member"));
        assertThat(server.iam(member).listGroups().groups()).isNotEmpty();
        server.iam().updateGroup(r -> r.groupName("gp-readers").newGroupName("gp-renamed"));
        assertThat(server.iam(member).listGroups().groups()).as("the renamed group still grants").isNotEmpty();
        server.iam().removeUserFromGroup(r -> r.groupName("gp-renamed").userName("gp-member"));
        assertDenied(() -> server.iam(member).listGroups(r -> r.pathPrefix("/x/")), arn, "iam:ListGroups",
                "arn:aws:iam::" + ACCOUNT + ":group/x/");
    }
}
