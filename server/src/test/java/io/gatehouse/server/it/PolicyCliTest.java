package io.gatehouse.server.it;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws CLI (botocore) against the policy operations: it decodes the URL-encoded documents IAM sends, reads the
 * error envelope, and pages with its own paginator. Skipped when the CLI is not installed.
 */
class PolicyCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void theAwsCliManagesPoliciesAndSeesIamsErrors() throws Exception {
        Assumptions.assumeTrue(cliAvailable(), "the aws CLI is not installed");
        try (TestServer server = TestServer.start(Backend.SQLITE, directory)) {
            Path document = directory.resolve("policy.json");
            Files.writeString(document, IamFixtures.allow("s3:GetObject", "s3:PutObject"));
            JsonNode created = run(server, 0, "create-policy", "--policy-name", "CliPolicy", "--path", "/cli/",
                    "--policy-document", "file://" + document).path("Policy");
            String arn = created.path("Arn").asText();
            assertThat(arn).isEqualTo("arn:aws:iam::123456789012:policy/cli/CliPolicy");

            JsonNode version = run(server, 0, "get-policy-version", "--policy-arn", arn, "--version-id", "v1")
                    .path("PolicyVersion");
            assertThat(version.path("Document").path("Statement").get(0).path("Action").get(1).asText())
                    .as("botocore decodes the document IAM URL-encodes").isEqualTo("s3:PutObject");

            run(server, 0, "create-user", "--user-name", "cli-user");
            run(server, 0, "attach-user-policy", "--user-name", "cli-user", "--policy-arn", arn);
            assertThat(run(server, 0, "list-attached-user-policies", "--user-name", "cli-user").path("AttachedPolicies")
                    .get(0).path("PolicyName").asText()).isEqualTo("CliPolicy");
            run(server, 0, "put-user-policy", "--user-name", "cli-user", "--policy-name", "inline",
                    "--policy-document", "file://" + document);
            assertThat(run(server, 0, "get-user-policy", "--user-name", "cli-user", "--policy-name", "inline")
                    .path("PolicyDocument").path("Version").asText()).isEqualTo("2012-10-17");
            assertThat(run(server, 0, "list-policies", "--scope", "AWS", "--page-size", "400").path("Policies").size())
                    .as("the CLI pages through every AWS managed policy").isGreaterThan(1500);

            String error = runForError(server, "delete-policy", "--policy-arn", arn);
            assertThat(error).contains("An error occurred (DeleteConflict) when calling the DeletePolicy operation: "
                    + "Cannot delete a policy attached to entities.");
        }
    }

    private static boolean cliAvailable() {
        try {
            Process process = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode run(TestServer server, int expectedExit, String... arguments) throws Exception {
        Result result = execute(server, arguments);
        assertThat(result.exit).as(result.stderr).isEqualTo(expectedExit);
        return result.stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout);
    }

    private String runForError(TestServer server, String... arguments) throws Exception {
        Result result = execute(server, arguments);
        assertThat(result.exit).isNotZero();
        return result.stderr;
    }

    private record Result(int exit, String stdout, String stderr) {}

    private Result execute(TestServer server, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "iam"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--endpoint-url", server.endpoint().toString(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", TestServer.ROOT_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", TestServer.ROOT_SECRET);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", directory.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", directory.resolve("no-credentials").toString());
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Path out = directory.resolve("cli.out");
        Path err = directory.resolve("cli.err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", arguments) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
