package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
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
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** CreateUser, GetUser, UpdateUser, DeleteUser, ListUsers and permissions boundaries, as IAM answers them. */
class UsersTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String BOUNDARY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createUserAnswersTheWholeUserAndGetUserTheSame(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        Instant before = Instant.now().minusSeconds(1);
        User created = iam.createUser(r -> r.userName("cu-alice").path("/team/a/").permissionsBoundary(BOUNDARY)
                .tags(tag("team", "blue"), tag("Cost", "41200"))).user();
        assertThat(created.path()).isEqualTo("/team/a/");
        assertThat(created.userName()).isEqualTo("cu-alice");
        assertThat(created.userId()).startsWith("AIDA").hasSize(21);
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/team/a/cu-alice");
        assertThat(created.createDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(created.permissionsBoundary().permissionsBoundaryTypeAsString()).as("IAM's word, not the model's")
                .isEqualTo("Policy");
        assertThat(created.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(BOUNDARY);
        assertThat(created.tags()).containsExactly(tag("team", "blue"), tag("Cost", "41200"));
        assertThat(created.passwordLastUsed()).isNull();

        assertThat(iam.getUser(r -> r.userName("CU-ALICE")).user()).as("names are case-insensitive").isEqualTo(created);

        User defaults = iam.createUser(r -> r.userName("cu-plain")).user();
        assertThat(defaults.path()).isEqualTo("/");
        assertThat(defaults.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/cu-plain");
        assertThat(defaults.permissionsBoundary()).isNull();
        assertThat(defaults.hasTags()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createUserRefusesWhatIamRefuses(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("ce-taken"));
        assertAwsError(() -> iam.createUser(r -> r.userName("CE-Taken")), "EntityAlreadyExists", 409,
                "User with name CE-Taken already exists.");
        assertAwsError(() -> iam.createUser(r -> r.userName("ce-bounded")
                        .permissionsBoundary("arn:aws:iam::" + ACCOUNT + ":policy/Missing")), "NoSuchEntity", 404,
                "Scope ARN: arn:aws:iam::" + ACCOUNT + ":policy/Missing does not exist or is not attachable.");
        assertAwsError(() -> iam.createUser(r -> r.userName("ce-tags").tags(tag("Team", "a"), tag("team", "b"))),
                "InvalidInput", 400, "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        assertAwsError(() -> iam.createUser(r -> r.userName("ce-aws").tags(tag("aws:team", "a"))), "InvalidInput", 400,
                "User-defined tag keys can't start with \"aws:\". This prefix is reserved for AWS tags.");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(tag("k" + i, "v"));
        }
        assertAwsError(() -> iam.createUser(r -> r.userName("ce-many").tags(many)), "ValidationError", 400,
                "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length "
                        + "less than or equal to 50");
        assertAwsError(() -> iam.getUser(r -> r.userName("ce-bounded")), "NoSuchEntity", 404,
                "The user with name ce-bounded cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void getUserWithoutANameDescribesTheCaller(Backend backend) {
        TestServer server = servers.get(backend);
        User root = server.iam().getUser().user();
        assertThat(root.userId()).isEqualTo(ACCOUNT);
        assertThat(root.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(root.userName()).isNull();
        assertThat(root.createDate()).isNotNull();

        AwsCredentials self = userWithKey(server.iam(), "gu-self");
        server.iam().updateUser(r -> r.userName("gu-self").newPath("/me/"));
        String arn = "arn:aws:iam::" + ACCOUNT + ":user/me/gu-self";
        assertDenied(() -> server.iam(self).getUser(), arn, "iam:GetUser", arn);
        grant(server.iam(), "gu-self",
                allowWhere("\"iam:GetUser\"", "\"arn:aws:iam::*:user/me/${aws:username}\"", null));
        assertThat(server.iam(self).getUser().user().arn()).isEqualTo(arn);
        assertDenied(() -> server.iam(self).getUser(r -> r.userName("gu-other")), arn, "iam:GetUser", "user gu-other");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void updateUserRenamesAndMovesAUserWithEverythingItHas(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        AwsCredentials key = userWithKey(iam, "uu-bob");
        String id = iam.getUser(r -> r.userName("uu-bob")).user().userId();
        iam.createGroup(r -> r.groupName("uu-devs"));
        iam.addUserToGroup(r -> r.groupName("uu-devs").userName("uu-bob"));
        iam.tagUser(r -> r.userName("uu-bob").tags(tag("team", "blue")));
        iam.putUserPermissionsBoundary(r -> r.userName("uu-bob").permissionsBoundary(BOUNDARY));
        String attached = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
        server.iam().attachUserPolicy(r -> r.userName("uu-bob").policyArn(attached));

        iam.updateUser(r -> r.userName("UU-BOB").newUserName("uu-robert").newPath("/eng/"));
        var account = server.server().state().current().account(ACCOUNT);
        assertThat(account.attachedTo(attached)).as("attachments follow").containsExactly("user/uu-robert");
        assertThat(account.boundedBy(BOUNDARY)).as("so does the boundary").containsExactly("user/uu-robert");
        assertThat(account.user("uu-robert").attachedPolicyArns()).containsExactly(attached);

        assertAwsError(() -> iam.getUser(r -> r.userName("uu-bob")), "NoSuchEntity", 404,
                "The user with name uu-bob cannot be found.");
        User robert = iam.getUser(r -> r.userName("uu-robert")).user();
        assertThat(robert.userId()).as("the id stays").isEqualTo(id);
        assertThat(robert.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/eng/uu-robert");
        assertThat(robert.tags()).containsExactly(tag("team", "blue"));
        assertThat(robert.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(BOUNDARY);
        assertThat(iam.getGroup(r -> r.groupName("uu-devs")).users()).extracting(User::userName)
                .containsExactly("uu-robert");
        assertThat(iam.listGroupsForUser(r -> r.userName("uu-robert")).groups()).hasSize(1);
        assertThat(iam.listAccessKeys(r -> r.userName("uu-robert")).accessKeyMetadata())
                .singleElement().satisfies(k -> assertThat(k.userName()).isEqualTo("uu-robert"));
        assertThat(server.sts(key).getCallerIdentity().arn()).as("the key signs as the renamed user")
                .isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/eng/uu-robert");

        iam.updateUser(r -> r.userName("uu-robert").newUserName("UU-Robert"));
        assertThat(iam.getUser(r -> r.userName("uu-robert")).user().userName()).as("a change of case is a rename")
                .isEqualTo("UU-Robert");

        server.restart();
        IamClient again = server.iam();
        assertThat(again.getUser(r -> r.userName("uu-robert")).user().arn())
                .isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/eng/UU-Robert");
        assertThat(again.getGroup(r -> r.groupName("uu-devs")).users()).extracting(User::userName)
                .containsExactly("UU-Robert");
        assertThat(server.sts(key).getCallerIdentity().arn()).endsWith(":user/eng/UU-Robert");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void updateUserRefusesATakenNameAndAMissingUser(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("ut-one"));
        iam.createUser(r -> r.userName("ut-two"));
        assertAwsError(() -> iam.updateUser(r -> r.userName("ut-one").newUserName("UT-TWO")), "EntityAlreadyExists",
                409, "User with name UT-TWO already exists.");
        assertAwsError(() -> iam.updateUser(r -> r.userName("ut-none").newUserName("ut-three")), "NoSuchEntity", 404,
                "The user with name ut-none cannot be found.");
        iam.updateUser(r -> r.userName("ut-one"));
        assertThat(iam.getUser(r -> r.userName("ut-one")).user().arn()).as("nothing to change")
                .endsWith(":user/ut-one");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void updateUserNeedsPermissionOnTheUserAsItIsAndAsItWillBe(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials admin = userWithKey(server.iam(), "up-admin");
        server.iam().createUser(r -> r.userName("up-bob"));
        String adminArn = "arn:aws:iam::" + ACCOUNT + ":user/up-admin";
        grant(server.iam(), "up-admin",
                allowWhere("\"iam:UpdateUser\"", "\"arn:aws:iam::" + ACCOUNT + ":user/up-bob\"", null));
        assertDenied(() -> server.iam(admin).updateUser(r -> r.userName("up-bob").newUserName("up-robert")),
                adminArn, "iam:UpdateUser", "user up-robert");
        assertDenied(() -> server.iam(admin).updateUser(r -> r.userName("up-bob").newPath("/x/")),
                adminArn, "iam:UpdateUser", "user up-bob");
        grant(server.iam(), "up-admin",
                allowWhere("\"iam:UpdateUser\"", "\"arn:aws:iam::" + ACCOUNT + ":user/up-robert\"", null));
        server.iam(admin).updateUser(r -> r.userName("up-bob").newUserName("up-robert"));
        assertThat(server.iam().getUser(r -> r.userName("up-robert")).user().userName()).isEqualTo("up-robert");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deleteUserRefusesWhileAnythingDependsOnTheUserInIamsOrder(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        iam.createUser(r -> r.userName("du-carol").permissionsBoundary(BOUNDARY).tags(tag("a", "b")));
        String keyId = iam.createAccessKey(r -> r.userName("du-carol")).accessKey().accessKeyId();
        server.iam().putUserPolicy(r -> r.userName("du-carol").policyName("inline")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}"));
        server.iam().attachUserPolicy(r -> r.userName("du-carol").policyArn(BOUNDARY));
        iam.createGroup(r -> r.groupName("du-group"));
        iam.addUserToGroup(r -> r.groupName("du-group").userName("du-carol"));

        assertAwsError(() -> iam.deleteUser(r -> r.userName("du-carol")), "DeleteConflict", 409,
                "Cannot delete entity, must delete access keys first.");
        iam.deleteAccessKey(r -> r.userName("du-carol").accessKeyId(keyId));
        assertAwsError(() -> iam.deleteUser(r -> r.userName("du-carol")), "DeleteConflict", 409,
                "Cannot delete entity, must delete policies first.");
        iam.deleteUserPolicy(r -> r.userName("du-carol").policyName("inline"));
        assertAwsError(() -> iam.deleteUser(r -> r.userName("du-carol")), "DeleteConflict", 409,
                "Cannot delete entity, must detach all policies first.");
        iam.detachUserPolicy(r -> r.userName("du-carol").policyArn(BOUNDARY));
        assertAwsError(() -> iam.deleteUser(r -> r.userName("du-carol")), "DeleteConflict", 409,
                "Cannot delete entity, must remove users from group first.");
        iam.removeUserFromGroup(r -> r.groupName("du-group").userName("du-carol"));

        iam.deleteUser(r -> r.userName("DU-CAROL"));
        assertAwsError(() -> iam.getUser(r -> r.userName("du-carol")), "NoSuchEntity", 404,
                "The user with name du-carol cannot be found.");
        assertAwsError(() -> iam.deleteUser(r -> r.userName("du-carol")), "NoSuchEntity", 404,
                "The user with name du-carol cannot be found.");
        iam.createUser(r -> r.userName("du-carol"));
        assertThat(iam.getUser(r -> r.userName("du-carol")).user().tags()).as("a new user of the same name").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listUsersPagesThroughThePathInNameOrder(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        for (String name : List.of("lu-Echo", "lu-alpha", "lu-Delta", "lu-charlie", "lu-bravo")) {
            iam.createUser(r -> r.userName(name).path("/lu/"));
        }
        iam.createUser(r -> r.userName("lu-other").path("/lu-other/"));
        iam.createUser(r -> r.userName("lu-deep").path("/lu/deeper/"));

        ListUsersResponse first = iam.listUsers(r -> r.pathPrefix("/lu/").maxItems(4));
        assertThat(first.users()).extracting(User::userName)
                .containsExactly("lu-alpha", "lu-bravo", "lu-charlie", "lu-deep");
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotBlank();
        assertThat(first.users().getFirst().permissionsBoundary()).isNull();
        ListUsersResponse second = iam.listUsers(r -> r.pathPrefix("/lu/").maxItems(4).marker(first.marker()));
        assertThat(second.users()).extracting(User::userName).containsExactly("lu-Delta", "lu-Echo");
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.marker()).isNull();

        assertThat(iam.listUsers(r -> r.pathPrefix("/lu")).users()).hasSize(7);
        assertThat(iam.listUsersPaginator(r -> r.pathPrefix("/lu/").maxItems(2)).users())
                .extracting(User::userName).hasSize(6);
        assertThat(iam.listUsers(r -> r.pathPrefix("/nobody/")).users()).isEmpty();
        assertAwsError(() -> iam.listUsers(r -> r.marker("not-a-marker")), "ValidationError", 400, "Invalid Marker.");
        assertAwsError(() -> iam.listGroups(r -> r.marker(first.marker())), "ValidationError", 400, "Invalid Marker.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void permissionsBoundariesAreSetReplacedAndRemoved(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("pb-dan"));
        String other = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
        iam.putUserPermissionsBoundary(r -> r.userName("pb-dan").permissionsBoundary(BOUNDARY));
        assertThat(iam.getUser(r -> r.userName("pb-dan")).user().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(BOUNDARY);
        iam.putUserPermissionsBoundary(r -> r.userName("pb-dan").permissionsBoundary(other));
        assertThat(iam.getUser(r -> r.userName("pb-dan")).user().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(other);
        assertAwsError(() -> iam.putUserPermissionsBoundary(r -> r.userName("pb-dan")
                        .permissionsBoundary("arn:aws:iam::aws:policy/NoSuchPolicy")), "NoSuchEntity", 404,
                "Scope ARN: arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.");
        assertAwsError(() -> iam.putUserPermissionsBoundary(r -> r.userName("pb-nobody").permissionsBoundary(BOUNDARY)),
                "NoSuchEntity", 404, "The user with name pb-nobody cannot be found.");
        iam.deleteUserPermissionsBoundary(r -> r.userName("pb-dan"));
        assertThat(iam.getUser(r -> r.userName("pb-dan")).user().permissionsBoundary()).isNull();
        iam.deleteUserPermissionsBoundary(r -> r.userName("pb-dan"));
        assertAwsError(() -> iam.deleteUserPermissionsBoundary(r -> r.userName("pb-nobody")), "NoSuchEntity", 404,
                "The user with name pb-nobody cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createUserIsAuthorizedWithItsBoundaryAndTagsInTheContext(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials creator = userWithKey(server.iam(), "ca-creator");
        String creatorArn = "arn:aws:iam::" + ACCOUNT + ":user/ca-creator";
        grant(server.iam(), "ca-creator",
                allowWhere("\"iam:CreateUser\"", "\"*\"",
                        "{\"StringEquals\":{\"iam:PermissionsBoundary\":\"" + BOUNDARY + "\"}}"));
        IamClient iam = server.iam(creator);
        assertDenied(() -> iam.createUser(r -> r.userName("ca-free")), creatorArn, "iam:CreateUser",
                "arn:aws:iam::" + ACCOUNT + ":user/ca-free");
        iam.createUser(r -> r.userName("ca-bounded").permissionsBoundary(BOUNDARY));
        assertDenied(() -> iam.createUser(r -> r.userName("ca-tagged").permissionsBoundary(BOUNDARY)
                .tags(tag("team", "blue"))), creatorArn, "iam:TagUser", "arn:aws:iam::" + ACCOUNT + ":user/ca-tagged");
        grant(server.iam(), "ca-creator",
                allowWhere("\"iam:TagUser\"", "\"*\"", "{\"StringEquals\":{\"aws:RequestTag/team\":\"blue\"}}"));
        iam.createUser(r -> r.userName("ca-tagged").permissionsBoundary(BOUNDARY).tags(tag("team", "blue")));
        assertDenied(() -> iam.createUser(r -> r.userName("ca-red").permissionsBoundary(BOUNDARY)
                .tags(tag("team", "red"))), creatorArn, "iam:TagUser", "arn:aws:iam::" + ACCOUNT + ":user/ca-red");

        grant(server.iam(), "ca-creator",
                allowWhere("\"iam:GetUser\"", "\"*\"", "{\"StringEquals\":{\"iam:ResourceTag/team\":\"blue\"}}"));
        assertThat(iam.getUser(r -> r.userName("ca-tagged")).user().userName()).isEqualTo("ca-tagged");
        assertDenied(() -> iam.getUser(r -> r.userName("ca-bounded")), creatorArn, "iam:GetUser", "user ca-bounded");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void usersSurviveARestartWithEverySetting(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        User created = server.iam().createUser(r -> r.userName("rs-erin").path("/p/").permissionsBoundary(BOUNDARY)
                .tags(tag("k", "v"))).user();
        server.restart();
        assertThat(server.iam().getUser(r -> r.userName("rs-erin")).user()).isEqualTo(created);
        assertThat(Duration.between(created.createDate(), Instant.now())).isLessThan(Duration.ofMinutes(1));
    }
}
