package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.TRUST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.store.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles and service-linked roles through the aws CLI (botocore), as its users run it; skipped where it is absent. */
class RoleCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    /** What one aws CLI run answered. */
    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Run aws(TestServer server, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "iam"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--endpoint-url", server.endpoint().toString(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", directory.resolve("root-credentials").toString());
        builder.environment().put("AWS_CONFIG_FILE", directory.resolve("no-config").toString());
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().remove("AWS_ACCESS_KEY_ID");
        builder.environment().remove("AWS_SECRET_ACCESS_KEY");
        builder.environment().remove("AWS_PROFILE");
        Path out = Files.createTempFile(directory, "out", ".json");
        Path err = Files.createTempFile(directory, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws CLI finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean cliInstalled() {
        try {
            return new ProcessBuilder("aws", "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * One backend is enough here: what is under test is how the CLI reads the answers, which the other tests check
     * on both backends; each CLI run costs seconds.
     */
    @Test
    void theAwsCliManagesRolesAndServiceLinkedRoles() throws Exception {
        Assumptions.assumeTrue(cliInstalled(), "the aws CLI is not installed");
        try (TestServer server = TestServer.start(Backend.SQLITE, directory)) {
            Run created = aws(server, "create-role", "--role-name", "cli-role", "--path", "/cli/",
                    "--assume-role-policy-document", TRUST, "--tags", "Key=team,Value=blue");
            assertThat(created.exit()).as(created.err()).isZero();
            JsonNode role = created.json().get("Role");
            assertThat(role.get("Arn").asText()).isEqualTo("arn:aws:iam::" + TestServer.ACCOUNT + ":role/cli/cli-role");
            assertThat(role.get("AssumeRolePolicyDocument")).as("the CLI decodes the URL-encoded document")
                    .isEqualTo(JSON.readTree(TRUST));

            Run missing = aws(server, "get-role", "--role-name", "nope");
            assertThat(missing.exit()).isNotZero();
            assertThat(missing.err()).contains("An error occurred (NoSuchEntity) when calling the GetRole operation: "
                    + "The role with name nope cannot be found.");

            Run linked = aws(server, "create-service-linked-role", "--aws-service-name", "autoscaling.amazonaws.com");
            assertThat(linked.json().at("/Role/RoleName").asText()).isEqualTo("AWSServiceRoleForAutoScaling");
            Run deleted = aws(server, "delete-service-linked-role", "--role-name", "AWSServiceRoleForAutoScaling");
            String taskId = deleted.json().get("DeletionTaskId").asText();
            Run status = aws(server, "get-service-linked-role-deletion-status", "--deletion-task-id", taskId);
            assertThat(status.json().get("Status").asText()).isEqualTo("SUCCEEDED");
        }
    }
}
