package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.userWithKey;

import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Every user, group and access key operation denied to a user no policy allows anything, with IAM's message: the
 * resource an existing entity addressed by name is denied on is named {@code user NAME} or {@code group NAME}, the
 * same whether the entity exists or not; creations, listings and tagging name the ARN.
 */
class UserGroupKeyAccessDeniedTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String CALLER = "arn:aws:iam::" + ACCOUNT + ":user/ad-nobody";
    private static final String BOUNDARY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final Map<Backend, Fixture> FIXTURES = new EnumMap<>(Backend.class);

    /** The denied caller and the entities it is denied on. */
    private record Fixture(IamClient nobody, String targetKeyId) {}

    /** An operation, the IAM action it is authorized as, and the resource its denial names. */
    private record Case(String action, String resource, BiConsumer<IamClient, String> call) {}

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static synchronized Fixture fixture(Backend backend) {
        return FIXTURES.computeIfAbsent(backend, b -> {
            TestServer server = servers.get(b);
            IamClient root = server.iam();
            AwsCredentials nobody = userWithKey(root, "ad-nobody");
            root.createUser(r -> r.userName("ad-target").path("/p/").tags(Tag.builder().key("k").value("v").build()));
            String keyId = root.createAccessKey(r -> r.userName("ad-target")).accessKey().accessKeyId();
            root.createGroup(r -> r.groupName("ad-group").path("/g/"));
            return new Fixture(server.iam(nobody), keyId);
        });
    }

    static Stream<Arguments> cases() {
        String user = "user ad-target";
        String userArn = "arn:aws:iam::" + ACCOUNT + ":user/p/ad-target";
        String group = "group ad-group";
        Tag tag = Tag.builder().key("t").value("v").build();
        List<Case> cases = List.of(
                new Case("iam:CreateUser", "arn:aws:iam::" + ACCOUNT + ":user/p/ad-new",
                        (iam, key) -> iam.createUser(r -> r.userName("ad-new").path("/p/"))),
                new Case("iam:GetUser", user, (iam, key) -> iam.getUser(r -> r.userName("ad-target"))),
                new Case("iam:GetUser", "user ad-missing", (iam, key) -> iam.getUser(r -> r.userName("ad-missing"))),
                new Case("iam:UpdateUser", user,
                        (iam, key) -> iam.updateUser(r -> r.userName("ad-target").newUserName("ad-renamed"))),
                new Case("iam:DeleteUser", user, (iam, key) -> iam.deleteUser(r -> r.userName("ad-target"))),
                new Case("iam:DeleteUser", "user ad-missing",
                        (iam, key) -> iam.deleteUser(r -> r.userName("ad-missing"))),
                new Case("iam:ListUsers", "arn:aws:iam::" + ACCOUNT + ":user/", (iam, key) -> iam.listUsers()),
                new Case("iam:ListUsers", "arn:aws:iam::" + ACCOUNT + ":user/p/",
                        (iam, key) -> iam.listUsers(r -> r.pathPrefix("/p/"))),
                new Case("iam:TagUser", userArn, (iam, key) -> iam.tagUser(r -> r.userName("ad-target").tags(tag))),
                new Case("iam:UntagUser", userArn,
                        (iam, key) -> iam.untagUser(r -> r.userName("ad-target").tagKeys("k"))),
                new Case("iam:ListUserTags", user, (iam, key) -> iam.listUserTags(r -> r.userName("ad-target"))),
                new Case("iam:PutUserPermissionsBoundary", user, (iam, key) -> iam.putUserPermissionsBoundary(
                        r -> r.userName("ad-target").permissionsBoundary(BOUNDARY))),
                new Case("iam:DeleteUserPermissionsBoundary", user,
                        (iam, key) -> iam.deleteUserPermissionsBoundary(r -> r.userName("ad-target"))),
                new Case("iam:CreateGroup", "arn:aws:iam::" + ACCOUNT + ":group/ad-new",
                        (iam, key) -> iam.createGroup(r -> r.groupName("ad-new"))),
                new Case("iam:GetGroup", group, (iam, key) -> iam.getGroup(r -> r.groupName("ad-group"))),
                new Case("iam:GetGroup", "group ad-missing",
                        (iam, key) -> iam.getGroup(r -> r.groupName("ad-missing"))),
                new Case("iam:UpdateGroup", group,
                        (iam, key) -> iam.updateGroup(r -> r.groupName("ad-group").newPath("/x/"))),
                new Case("iam:DeleteGroup", group, (iam, key) -> iam.deleteGroup(r -> r.groupName("ad-group"))),
                new Case("iam:ListGroups", "arn:aws:iam::" + ACCOUNT + ":group/", (iam, key) -> iam.listGroups()),
                new Case("iam:AddUserToGroup", group,
                        (iam, key) -> iam.addUserToGroup(r -> r.groupName("ad-group").userName("ad-target"))),
                new Case("iam:RemoveUserFromGroup", group,
                        (iam, key) -> iam.removeUserFromGroup(r -> r.groupName("ad-group").userName("ad-target"))),
                new Case("iam:ListGroupsForUser", user,
                        (iam, key) -> iam.listGroupsForUser(r -> r.userName("ad-target"))),
                new Case("iam:CreateAccessKey", user, (iam, key) -> iam.createAccessKey(r -> r.userName("ad-target"))),
                new Case("iam:UpdateAccessKey", user, (iam, key) -> iam.updateAccessKey(
                        r -> r.userName("ad-target").accessKeyId(key).status(StatusType.INACTIVE))),
                new Case("iam:DeleteAccessKey", user,
                        (iam, key) -> iam.deleteAccessKey(r -> r.userName("ad-target").accessKeyId(key))),
                new Case("iam:ListAccessKeys", user, (iam, key) -> iam.listAccessKeys(r -> r.userName("ad-target"))),
                new Case("iam:ListAccessKeys", "user nullad-nobody", (iam, key) -> iam.listAccessKeys()),
                new Case("iam:GetAccessKeyLastUsed", null,
                        (iam, key) -> iam.getAccessKeyLastUsed(r -> r.accessKeyId(key))));
        List<Arguments> arguments = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            for (Case c : cases) {
                arguments.add(Arguments.of(backend, c.action() + " on " + c.resource(), c));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void aUserWithoutPermissionIsDenied(Backend backend, String title, Case c) {
        Fixture fixture = fixture(backend);
        String resource = c.resource() != null ? c.resource() : "access key " + fixture.targetKeyId();
        assertDenied(() -> c.call().accept(fixture.nobody(), fixture.targetKeyId()), CALLER, c.action(), resource);
    }
}
