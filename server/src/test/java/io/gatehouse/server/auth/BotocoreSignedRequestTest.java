package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.error.AwsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests signed by botocore, the signer of boto3 and the aws CLI (installed on every machine of this project):
 * plain requests, real client calls (form bodies with reserved and non-ASCII characters, session tokens) and
 * {@code generate_presigned_url}. Skipped where python3 with botocore is missing.
 */
class BotocoreSignedRequestTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static Map<String, JsonNode> requests;

    @BeforeAll
    static void sign() throws IOException, InterruptedException {
        Path script = Files.createTempFile("botocore_sign", ".py");
        try (InputStream in = BotocoreSignedRequestTest.class.getResourceAsStream("botocore_sign.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process process;
        try {
            process = new ProcessBuilder("python3", script.toString(), SdkSigning.ACCESS_KEY, SdkSigning.SECRET,
                    SdkSigning.SESSION_ACCESS_KEY, SdkSigning.SESSION_SECRET, SdkSigning.SESSION_TOKEN)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed: " + e.getMessage());
            return;
        }
        byte[] output = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        Files.delete(script);
        Assumptions.assumeTrue(finished && process.exitValue() == 0, "python3 with botocore is not available");
        requests = new LinkedHashMap<>();
        for (JsonNode node : new ObjectMapper().readTree(output)) {
            requests.put(node.get("name").asText(), node);
        }
    }

    static SigV4Request request(String name) {
        JsonNode node = requests.get(name);
        URI url = URI.create(node.get("url").asText());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(url.getRawAuthority()));
        node.get("headers").properties().forEach(header -> headers.put(header.getKey(),
                List.of(header.getValue().asText())));
        return new SigV4Request(node.get("method").asText(), url.getRawPath(),
                url.getRawQuery() == null ? "" : url.getRawQuery(), headers,
                Payload.of(node.get("body").asText().getBytes(StandardCharsets.UTF_8)));
    }

    final RecordingLookup lookup = new RecordingLookup();
    final SigV4Verifier<String> verifier =
            new SigV4Verifier<>(lookup, Clock.fixed(T0, ZoneOffset.UTC), List.of("iam", "sts"));

    @Test
    void headerGet() {
        assertThat(verifier.verify(request("header-get")).principal()).isEqualTo("alice");
    }

    @Test
    void headerPostForm() {
        assertThat(verifier.verify(request("header-post-form")).principal()).isEqualTo("alice");
    }

    @Test
    void iamClientCreateUserWithTags() {
        Authentication<String> authentication = verifier.verify(request("client-iam-create-user"));
        assertThat(authentication.service()).isEqualTo("iam");
        assertThat(authentication.region()).isEqualTo("us-east-1");
    }

    @Test
    void stsClientWithSessionCredentials() {
        Authentication<String> authentication = verifier.verify(request("client-sts-session"));

        assertThat(authentication.sessionToken()).isEqualTo(SdkSigning.SESSION_TOKEN);
        assertThat(authentication.region()).isEqualTo("eu-west-3");
        assertThat(authentication.principal()).isEqualTo("alice-session");
    }

    @Test
    void presignedGetCallerIdentity() {
        Authentication<String> authentication = verifier.verify(request("presigned-sts"));

        assertThat(authentication.presigned()).isTrue();
        assertThat(authentication.service()).isEqualTo("sts");
    }

    @Test
    void presignedWithSessionTokenAndEncodedParameters() {
        assertThat(verifier.verify(request("presigned-iam-session")).principal()).isEqualTo("alice-session");
    }

    @Test
    void tamperedFormBodyIsRefused() {
        SigV4Request signed = request("client-iam-create-user");
        SigV4Request tampered = new SigV4Request(signed.method(), signed.rawPath(), signed.rawQuery(),
                signed.headers(), Payload.of(requests.get("client-iam-create-user").get("body").asText()
                        .replace("alice", "admin").getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(AwsException.class);
    }
}
