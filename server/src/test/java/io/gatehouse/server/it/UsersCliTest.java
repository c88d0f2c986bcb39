package io.gatehouse.server.it;

import static io.gatehouse.server.it.AwsCli.aws;
import static io.gatehouse.server.it.AwsCli.root;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.store.Backend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * The aws CLI against the server: users, groups and keys the way scripts drive them. Skipped without the CLI. It runs
 * on SQLite only: a CLI run costs a second or two of Python start-up, and what it checks (botocore's requests, its
 * pagination and its error output) does not depend on the store, which the SDK tests of the same operations cover on
 * both backends.
 */
class UsersCliTest {

    @TempDir
    Path directory;

    @Test
    void theCliManagesUsersGroupsAndKeys() throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE, directory)) {
            AwsCli.Run created = root(server, "iam", "create-user", "--user-name", "cli-ann", "--path", "/cli/",
                    "--tags", "Key=team,Value=blue");
            assertThat(created.exit()).as(created.err()).isZero();
            assertThat(created.json().at("/User/Arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/cli/cli-ann");
            assertThat(created.json().at("/User/Tags/0/Value").asText()).isEqualTo("blue");
            IamClient iam = server.iam();
            for (String name : List.of("cli-bob", "cli-cat", "cli-dan")) {
                iam.createUser(r -> r.userName(name).path("/cli/"));
            }
            AwsCli.Run listed = root(server, "iam", "list-users", "--path-prefix", "/cli/", "--page-size", "2");
            assertThat(listed.exit()).as(listed.err()).isZero();
            assertThat(listed.json().at("/Users").findValuesAsText("UserName"))
                    .as("the CLI follows the markers").containsExactly("cli-ann", "cli-bob", "cli-cat", "cli-dan");

            iam.createGroup(r -> r.groupName("cli-team"));
            iam.addUserToGroup(r -> r.groupName("cli-team").userName("cli-ann"));
            AwsCli.Run conflict = root(server, "iam", "delete-group", "--group-name", "cli-team");
            assertThat(conflict.exit()).isNotZero();
            assertThat(conflict.err()).contains("An error occurred (DeleteConflict) when calling the DeleteGroup "
                    + "operation: Cannot delete entity, must remove users from group first.");

            AccessKey key = iam.createAccessKey(r -> r.userName("cli-ann")).accessKey();
            String keyId = key.accessKeyId();
            AwsCli.Run identity = aws(server, keyId, key.secretAccessKey(), "sts", "get-caller-identity");
            assertThat(identity.json().at("/Arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/cli/cli-ann");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            JsonNode used;
            do {
                used = root(server, "iam", "get-access-key-last-used", "--access-key-id", keyId).json();
            } while (used.at("/AccessKeyLastUsed/LastUsedDate").isMissingNode() && Instant.now().isBefore(deadline));
            assertThat(used.at("/AccessKeyLastUsed/ServiceName").asText()).isEqualTo("sts");
            assertThat(used.at("/AccessKeyLastUsed/Region").asText()).isEqualTo("us-east-1");
            assertThat(used.at("/UserName").asText()).isEqualTo("cli-ann");

            AwsCli.Run denied = aws(server, keyId, key.secretAccessKey(), "iam", "list-access-keys");
            assertThat(denied.err()).contains("An error occurred (AccessDenied) when calling the ListAccessKeys "
                    + "operation: User: arn:aws:iam::123456789012:user/cli/cli-ann is not authorized to perform: "
                    + "iam:ListAccessKeys on resource: user nullcli-ann because no identity-based policy allows the "
                    + "iam:ListAccessKeys action");
        }
    }

    @Test
    void theCliSetsAPasswordPolicyAndPasswords() throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE, directory)) {
            AwsCli.Run policy = root(server, "iam", "update-account-password-policy", "--minimum-password-length", "12",
                    "--require-numbers", "--password-reuse-prevention", "2", "--max-password-age", "90");
            assertThat(policy.exit()).as(policy.err()).isZero();
            AwsCli.Run read = root(server, "iam", "get-account-password-policy");
            assertThat(read.json().at("/PasswordPolicy/MinimumPasswordLength").asInt()).isEqualTo(12);
            assertThat(read.json().at("/PasswordPolicy/ExpirePasswords").asBoolean()).isTrue();
            assertThat(read.json().at("/PasswordPolicy/RequireSymbols").asBoolean()).isFalse();

            server.iam().createUser(r -> r.userName("cli-pat"));
            AwsCli.Run weak = root(server, "iam", "create-login-profile", "--user-name", "cli-pat", "--password", "short1");
            assertThat(weak.exit()).isNotZero();
            assertThat(weak.err()).contains("An error occurred (PasswordPolicyViolation) when calling the "
                    + "CreateLoginProfile operation: Password does not conform to the account password policy.")
                    .doesNotContain("short1");
            AwsCli.Run created = root(server, "iam", "create-login-profile", "--user-name", "cli-pat", "--password",
                    "long-enough-1", "--password-reset-required");
            assertThat(created.exit()).as(created.err()).isZero();
            assertThat(created.json().at("/LoginProfile/PasswordResetRequired").asBoolean()).isTrue();
            AwsCli.Run conflict = root(server, "iam", "delete-user", "--user-name", "cli-pat");
            assertThat(conflict.err()).contains("An error occurred (DeleteConflict) when calling the DeleteUser "
                    + "operation: Cannot delete entity, must delete login profile first.");
        }
    }

    @Test
    void theCliGeneratesAndGetsTheCredentialReport() throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE, directory)) {
            server.iam().createUser(r -> r.userName("cli-report"));
            AwsCli.Run missing = root(server, "iam", "get-credential-report");
            assertThat(missing.exit()).isNotZero();
            assertThat(missing.err()).contains("An error occurred (ReportNotPresent) when calling the "
                    + "GetCredentialReport operation: The credential report does not exist.");

            AwsCli.Run started = root(server, "iam", "generate-credential-report");
            assertThat(started.exit()).as(started.err()).isZero();
            assertThat(started.json().at("/State").asText()).isEqualTo("STARTED");
            assertThat(started.json().at("/Description").asText())
                    .isEqualTo("No report exists. Starting a new report generation task");
            AwsCli.Run complete = root(server, "iam", "generate-credential-report");
            assertThat(complete.json().at("/State").asText()).isEqualTo("COMPLETE");
            assertThat(complete.json().has("Description")).isFalse();

            AwsCli.Run got = root(server, "iam", "get-credential-report");
            assertThat(got.exit()).as(got.err()).isZero();
            assertThat(got.json().at("/ReportFormat").asText()).isEqualTo("text/csv");
            assertThat(got.json().at("/GeneratedTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");
            // The CLI prints the blob it decoded from the wire base64-encoded again.
            List<String> lines = new String(Base64.getDecoder().decode(got.json().at("/Content").asText()),
                    StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(0)).startsWith("user,arn,user_creation_time,password_enabled,");
            assertThat(lines.get(1)).startsWith("<root_account>,arn:aws:iam::123456789012:root,");
            assertThat(lines.get(2)).startsWith("cli-report,arn:aws:iam::123456789012:user/cli-report,");
        }
    }
}
