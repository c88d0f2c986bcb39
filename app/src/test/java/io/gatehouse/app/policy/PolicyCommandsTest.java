package io.gatehouse.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.app.Gatehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code gatehouse policy} subcommands as a user runs them: arguments in, text and exit status out. */
class PolicyCommandsTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Gatehouse.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static final String CASE = """
            {"id":"c1","request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject",\
            "resource":"arn:aws:s3:::data/a.txt","resourceAccount":"111122223333","context":{}},\
            "policies":{"identity":[{"name":"read","document":{"Version":"2012-10-17","Statement":[\
            {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]}}]},\
            "expected":{"decision":"Allowed"}}
            """.strip();
    private static final String DENIED_CASE = CASE.replace("\"c1\"", "\"c2\"").replace("s3:GetObject\",\"resource",
            "s3:PutObject\",\"resource").replace("\"Allowed\"", "\"ImplicitlyDenied\"");
    private static final String INVALID_CASE = CASE.replace("\"c1\"", "\"c3\"").replace("\"Effect\":\"Allow\",", "");

    @Test
    void validateAcceptsAValidPolicyWithExitStatusZero() throws IOException {
        Path file = write("ok.json", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}");
        Run run = run("policy", "validate", file.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("valid identity policy");
    }

    @Test
    void validatePrintsIamsErrorWithItsLocationAndExitsOne() throws IOException {
        Path file = write("bad.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Action\": \"s3:*\", \"Resource\": \"*\"}\n}");
        Run run = run("policy", "validate", file.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("MalformedPolicyDocument").contains("Effect").contains(file + ":3:");
    }

    @Test
    void validateAppliesTheGrammarOfTheGivenType() throws IOException {
        Path file = write("trust.json", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}");
        assertThat(run("policy", "validate", "--type", "trust", file.toString()).status()).isZero();
        assertThat(run("policy", "validate", "--type", "identity", file.toString()).status()).isEqualTo(1);
        assertThat(run("policy", "validate", "--type", "nonsense", file.toString()).status()).isEqualTo(2);
    }

    @Test
    void evalCasesWritesOneJsonLinePerCaseInInputOrder() throws IOException {
        Path file = write("cases.jsonl", CASE + "\n" + DENIED_CASE + "\n" + INVALID_CASE + "\n");
        Run run = run("policy", "eval-cases", "--summary", file.toString());
        assertThat(run.status()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = run.lines().stream().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("c1", "c2", "c3");
        assertThat(lines.get(0).get("decision").asText()).isEqualTo("Allowed");
        assertThat(lines.get(0).get("matchedStatements").get(0).get("sid").asText()).isEqualTo("Read");
        assertThat(lines.get(1).get("decision").asText()).isEqualTo("ImplicitlyDenied");
        assertThat(lines.get(2).get("decision").isNull()).isTrue();
        assertThat(lines.get(2).get("error").asText()).contains("MalformedPolicyDocument");
        assertThat(run.err()).contains("agreed: 2").contains("disagrees: c3");
    }

    @Test
    void explainSaysWhatDecided() throws IOException {
        Path file = write("case.jsonl", CASE + "\n");
        Run run = run("policy", "explain", file.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Decision: Allowed").contains("identity-based policy")
                .contains("identity policy read statement 0 (Read): Allow").contains("Expected: Allowed (agrees)");
    }

    @Test
    void explainNeedsOneCase() throws IOException {
        Path file = write("cases.jsonl", CASE + "\n" + DENIED_CASE + "\n");
        assertThat(run("policy", "explain", file.toString()).status()).isEqualTo(2);
        assertThat(run("policy", "explain", "--id", "c2", file.toString()).out()).contains("ImplicitlyDenied");
    }

    @Test
    void benchPrintsTheRateAsItsLastLine() throws IOException {
        Path file = write("cases.jsonl", CASE + "\n" + DENIED_CASE + "\n");
        Run run = run("policy", "bench", "--seconds", "0.2", file.toString());
        assertThat(run.status()).isZero();
        List<String> lines = run.lines();
        assertThat(lines.get(lines.size() - 1)).matches("decisions/s: [1-9][0-9]*");
    }

    @Test
    void aMissingFileIsAUsageError() {
        Run run = run("policy", "eval-cases", dir.resolve("absent.jsonl").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read");
    }
}
