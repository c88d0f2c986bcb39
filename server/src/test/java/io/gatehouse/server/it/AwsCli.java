package io.gatehouse.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the aws CLI (botocore's requests, pagination and error output) against a test server, with the given key and
 * nothing of the machine's own configuration; aborts the test when the CLI is not installed.
 */
final class AwsCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsCli() {}

    /** What a CLI run printed and how it ended. */
    record Run(int exit, String out, String err) {

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        /** The run, after asserting it succeeded (its error output is the assertion's description). */
        Run ok() {
            assertThat(exit).as(err).isZero();
            return this;
        }
    }

    static Run aws(TestServer server, String keyId, String secret, String... arguments) throws Exception {
        return aws(server, Map.of("AWS_ACCESS_KEY_ID", keyId, "AWS_SECRET_ACCESS_KEY", secret), arguments);
    }

    /** A run as the test server's root user. */
    static Run root(TestServer server, String... arguments) throws Exception {
        return aws(server, TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, arguments);
    }

    /** A run with the given credential variables ({@code AWS_ACCESS_KEY_ID}, …, {@code AWS_SESSION_TOKEN}). */
    static Run aws(TestServer server, Map<String, String> credentials, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.putAll(credentials);
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        Process process;
        try {
            process = builder.start();
        } catch (IOException noCli) {
            Assumptions.abort("the aws CLI is not installed: " + noCli.getMessage());
            throw noCli;
        }
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
