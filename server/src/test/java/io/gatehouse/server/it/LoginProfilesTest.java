package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;
import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.crypto.PasswordHashing;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
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
import software.amazon.awssdk.services.iam.model.CreateLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.LoginProfile.Builder;

/**
 * Login profiles (a user's console password) and ChangePassword: the life of a profile, its errors in IAM's words,
 * DeleteUser refusing while one exists, a rename carrying it, a new password proven by the old one, oversized
 * passwords refused without a change, and passwords never in an audit event or a log line. The account has no
 * custom password policy here, so AWS's default one applies (8 characters of three kinds).
 */
class LoginProfilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHashing.DEFAULT);

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    /** Whether the user's stored password is this one. */
    private static boolean passwordIs(TestServer server, String user, String password) {
        LoginProfile profile = server.server().state().current().account(ACCOUNT).loginProfile(user);
        return profile != null && HASHER.verify(password, profile.passwordHash()).matches();
    }

    /** Creates a user with an access key and a policy allowing it to change its own password; its key. */
    private static AwsCredentials mayChangePassword(TestServer server, String user) {
        AwsCredentials key = userWithKey(server.iam(), user);
        grant(server.iam(), user, allow("iam:ChangePassword"));
        return key;
    }

    private static software.amazon.awssdk.services.iam.model.LoginProfile expected(String user, Instant created,
                                                                                  boolean reset) {
        Builder builder = software.amazon.awssdk.services.iam.model.LoginProfile.builder();
        return builder.userName(user).createDate(created).passwordResetRequired(reset).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aProfileIsCreatedReadUpdatedAndDeleted(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("lp-life");
        iam.createUser(r -> r.userName(user));
        CreateLoginProfileResponse created = iam.createLoginProfile(r -> r.userName(user).password("First-pass1")
                .passwordResetRequired(true));
        Instant createDate = created.loginProfile().createDate();
        assertThat(createDate).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(created.loginProfile()).isEqualTo(expected(user, createDate, true));
        assertThat(iam.getLoginProfile(r -> r.userName(user)).loginProfile()).isEqualTo(expected(user, createDate, true));
        assertThat(passwordIs(server, user, "First-pass1")).isTrue();

        iam.updateLoginProfile(r -> r.userName(user).passwordResetRequired(false));
        assertThat(iam.getLoginProfile(r -> r.userName(user)).loginProfile()).isEqualTo(expected(user, createDate, false));
        assertThat(passwordIs(server, user, "First-pass1")).as("no Password, no change").isTrue();
        iam.updateLoginProfile(r -> r.userName(user).password("Second-pass2"));
        assertThat(iam.getLoginProfile(r -> r.userName(user)).loginProfile())
                .as("a new password keeps CreateDate and the reset flag").isEqualTo(expected(user, createDate, false));
        assertThat(passwordIs(server, user, "Second-pass2")).isTrue();
        assertThat(passwordIs(server, user, "First-pass1")).isFalse();

        iam.deleteLoginProfile(r -> r.userName(user));
        String missing = "Login Profile for User " + user + " cannot be found.";
        assertAwsError(() -> iam.getLoginProfile(r -> r.userName(user)), "NoSuchEntity", 404, missing);
        assertAwsError(() -> iam.deleteLoginProfile(r -> r.userName(user)), "NoSuchEntity", 404, missing);
        assertAwsError(() -> iam.updateLoginProfile(r -> r.userName(user).password("Third-pass3")), "NoSuchEntity", 404,
                missing);
        iam.deleteUser(r -> r.userName(user));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyOperationAnswersIamsErrors(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String user = unique("lp-errors");
        String nobody = "The user with name lp-nobody cannot be found.";
        assertAwsError(() -> iam.createLoginProfile(r -> r.userName("lp-nobody").password("Some-pass1")),
                "NoSuchEntity", 404, nobody);
        assertAwsError(() -> iam.getLoginProfile(r -> r.userName("lp-nobody")), "NoSuchEntity", 404, nobody);
        assertAwsError(() -> iam.updateLoginProfile(r -> r.userName("lp-nobody").password("Some-pass1")),
                "NoSuchEntity", 404, nobody);
        assertAwsError(() -> iam.deleteLoginProfile(r -> r.userName("lp-nobody")), "NoSuchEntity", 404, nobody);

        iam.createUser(r -> r.userName(user));
        iam.createLoginProfile(r -> r.userName(user).password("Some-pass1"));
        assertAwsError(() -> iam.createLoginProfile(r -> r.userName(user).password("Other-pass2")),
                "EntityAlreadyExists", 409, "Login Profile for user " + user + " already exists.");
        assertThat(passwordIs(servers.get(backend), user, "Some-pass1")).isTrue();
        assertAwsError(() -> iam.createLoginProfile(r -> r.userName(user)), "ValidationError", 400,
                "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must not be null");
        assertAwsError(() -> iam.getLoginProfile(r -> { }), "ValidationError", 400,
                "Must specify userName when calling with non-User credentials");
        assertAwsError(() -> iam.changePassword(r -> r.oldPassword("Some-pass1").newPassword("Other-pass2")),
                "InvalidUserType", 400,
                "Only an IAM user can change its own password with ChangePassword; the root user and role sessions "
                        + "cannot.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserManagesItsOwnProfileWithoutNamingItself(Backend backend) {
        TestServer server = servers.get(backend);
        String user = unique("lp-self");
        AwsCredentials key = userWithKey(server.iam(), user);
        grant(server.iam(), user, allow("iam:CreateLoginProfile", "iam:GetLoginProfile", "iam:DeleteLoginProfile"));
        IamClient self = server.iam(key);
        assertThat(self.createLoginProfile(r -> r.password("Own-pass-1")).loginProfile().userName()).isEqualTo(user);
        assertThat(self.getLoginProfile(r -> { }).loginProfile().userName()).isEqualTo(user);
        self.deleteLoginProfile(r -> { });
        assertThat(server.server().state().current().account(ACCOUNT).loginProfile(user)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserChangesItsPasswordByProvingTheOldOne(Backend backend) {
        TestServer server = servers.get(backend);
        String user = unique("lp-change");
        AwsCredentials key = mayChangePassword(server, user);
        IamClient self = server.iam(key);
        assertAwsError(() -> self.changePassword(r -> r.oldPassword("Old-pass-1").newPassword("New-pass-2")),
                "NoSuchEntity", 404, "Login Profile for User " + user + " cannot be found.");
        server.iam().createLoginProfile(r -> r.userName(user).password("Old-pass-1").passwordResetRequired(true));

        assertAwsError(() -> self.changePassword(r -> r.oldPassword("Wrong-pass-1").newPassword("New-pass-2")),
                "AccessDenied", 403, "The old password is incorrect.");
        assertAwsError(() -> self.changePassword(r -> r.oldPassword("Old-pass-1").newPassword("weak")),
                "PasswordPolicyViolation", 400, "Password does not conform to the account password policy.");
        assertThat(passwordIs(server, user, "Old-pass-1")).isTrue();

        self.changePassword(r -> r.oldPassword("Old-pass-1").newPassword("New-pass-2"));
        assertThat(passwordIs(server, user, "New-pass-2")).isTrue();
        assertThat(server.iam().getLoginProfile(r -> r.userName(user)).loginProfile().passwordResetRequired())
                .as("a password the user chose need not be reset").isFalse();
        assertAwsError(() -> self.changePassword(r -> r.oldPassword("Old-pass-1").newPassword("Third-pass-3")),
                "AccessDenied", 403, "The old password is incorrect.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deleteUserRefusesWhileTheUserHasAPasswordAndARenameCarriesIt(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("lp-held");
        iam.createUser(r -> r.userName(user));
        iam.createLoginProfile(r -> r.userName(user).password("Held-pass-1"));
        iam.createAccessKey(r -> r.userName(user));
        assertAwsError(() -> iam.deleteUser(r -> r.userName(user)), "DeleteConflict", 409,
                "Cannot delete entity, must delete login profile first.");

        String renamed = user + "-renamed";
        Instant created = iam.getLoginProfile(r -> r.userName(user)).loginProfile().createDate();
        iam.updateUser(r -> r.userName(user).newUserName(renamed).newPath("/moved/"));
        assertThat(iam.getLoginProfile(r -> r.userName(renamed)).loginProfile())
                .isEqualTo(expected(renamed, created, false));
        assertThat(passwordIs(server, renamed, "Held-pass-1")).isTrue();
        assertAwsError(() -> iam.getLoginProfile(r -> r.userName(user)), "NoSuchEntity", 404,
                "The user with name " + user + " cannot be found.");

        iam.deleteLoginProfile(r -> r.userName(renamed));
        assertAwsError(() -> iam.deleteUser(r -> r.userName(renamed)), "DeleteConflict", 409,
                "Cannot delete entity, must delete access keys first.");
        server.restart();
        assertAwsError(() -> server.iam().getLoginProfile(r -> r.userName(renamed)), "NoSuchEntity", 404,
                "Login Profile for User " + renamed + " cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anOversizedPasswordIsAValidationErrorThatChangesNothing(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("lp-huge");
        AwsCredentials key = mayChangePassword(server, user);
        String huge = "Aa1!" + "x".repeat(125);
        String tooLong = "1 validation error detected: Value at '%s' failed to satisfy constraint: "
                + "Member must have length less than or equal to 128";
        assertAwsError(() -> iam.createLoginProfile(r -> r.userName(user).password(huge)), "ValidationError", 400,
                tooLong.formatted("password"));
        assertThat(server.server().state().current().account(ACCOUNT).loginProfile(user)).isNull();

        iam.createLoginProfile(r -> r.userName(user).password("Kept-pass-1"));
        assertAwsError(() -> iam.updateLoginProfile(r -> r.userName(user).password(huge).passwordResetRequired(true)),
                "ValidationError", 400, tooLong.formatted("password"));
        assertAwsError(() -> server.iam(key).changePassword(r -> r.oldPassword("Kept-pass-1").newPassword(huge)),
                "ValidationError", 400, tooLong.formatted("newPassword"));
        assertAwsError(() -> server.iam(key).changePassword(r -> r.oldPassword(huge).newPassword("Other-pass-2")),
                "ValidationError", 400, tooLong.formatted("oldPassword"));
        assertThat(passwordIs(server, user, "Kept-pass-1")).isTrue();
        assertThat(iam.getLoginProfile(r -> r.userName(user)).loginProfile().passwordResetRequired()).isFalse();
        String exactly128 = "Aa1!" + "y".repeat(124);
        iam.updateLoginProfile(r -> r.userName(user).password(exactly128));
        assertThat(passwordIs(server, user, exactly128)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void profilesAndTheirPasswordsSurviveARestart(Backend backend) {
        TestServer server = servers.get(backend);
        String user = unique("lp-restart");
        AwsCredentials key = mayChangePassword(server, user);
        Instant created = server.iam().createLoginProfile(r -> r.userName(user).password("Before-1!")
                .passwordResetRequired(true)).loginProfile().createDate();

        server.restart();
        assertThat(server.iam().getLoginProfile(r -> r.userName(user)).loginProfile())
                .isEqualTo(expected(user, created, true));
        server.iam(key).changePassword(r -> r.oldPassword("Before-1!").newPassword("After-2!"));
        server.restart();
        assertThat(passwordIs(server, user, "After-2!")).isTrue();
        assertThat(server.iam().getLoginProfile(r -> r.userName(user)).loginProfile())
                .isEqualTo(expected(user, created, false));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void noPasswordEntersAnAuditEventOrALogLine(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String user = unique("lp-audit");
        List<String> passwords = List.of("Audit-secret-1", "Audit-secret-2", "Audit-secret-3", "Audit-refused-4");
        Instant since = Instant.now().minusSeconds(1);
        try (LogCapture logs = new LogCapture()) {
            AwsCredentials key = mayChangePassword(server, user);
            server.iam().createLoginProfile(r -> r.userName(user).password(passwords.get(0)).passwordResetRequired(true));
            server.iam().updateLoginProfile(r -> r.userName(user).password(passwords.get(1)));
            server.iam(key).changePassword(r -> r.oldPassword(passwords.get(1)).newPassword(passwords.get(2)));
            assertAwsError(() -> server.iam(key).changePassword(r -> r.oldPassword(passwords.get(3))
                    .newPassword(passwords.get(0))), "AccessDenied", 403, "The old password is incorrect.");
            Thread.sleep(300); // events of calls that change nothing are written without waiting
            for (String line : logs.lines()) {
                for (String password : passwords) {
                    assertThat(line).doesNotContain(password);
                }
            }
        }
        List<JsonNode> events = new ArrayList<>();
        for (AuditRow row : server.server().store().audit(AuditQuery.between(since, Instant.now().plus(Duration.ofHours(1)))
                .limit(1000))) {
            events.add(JSON.readTree(row.event().body()));
            for (String password : passwords) {
                assertThat(row.event().body()).doesNotContain(password);
            }
        }
        JsonNode create = events.stream().filter(e -> e.get("eventName").asText().equals("CreateLoginProfile"))
                .filter(e -> e.path("requestParameters").path("userName").asText().equals(user)).findFirst().orElseThrow();
        assertThat(JSON.writeValueAsString(create.get("requestParameters")))
                .as("CloudTrail records CreateLoginProfile without its password")
                .isEqualTo("{\"userName\":\"" + user + "\",\"passwordResetRequired\":true}");
        assertThat(create.get("responseElements").get("loginProfile").get("userName").asText()).isEqualTo(user);
        List<JsonNode> changes = events.stream().filter(e -> e.get("eventName").asText().equals("ChangePassword"))
                .filter(e -> e.path("userIdentity").path("userName").asText().equals(user)).toList();
        assertThat(changes).hasSize(2).allSatisfy(e -> assertThat(e.get("requestParameters").isNull()).isTrue());
        assertThat(changes).anySatisfy(e -> assertThat(e.path("errorCode").asText()).isEqualTo("AccessDenied"));
    }
}
