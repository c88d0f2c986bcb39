package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The AWS SigV4 test suite's cases (transcribed under {@code sigv4-test-suite/}) verify, and fail when touched. */
class SigV4TestSuiteTest {

    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");

    static SigV4Verifier<String> verifier() {
        CredentialLookup<String> lookup = new CredentialLookup<>() {
            @Override
            public Credential<String> accessKey(String accessKeyId) {
                return ACCESS_KEY.equals(accessKeyId) ? Credential.active(SECRET, "example") : Credential.unknown();
            }

            @Override
            public Credential<String> sessionKey(String accessKeyId, String sessionToken) {
                return ACCESS_KEY.equals(accessKeyId) ? Credential.active(SECRET, "session") : Credential.unknown();
            }
        };
        return new SigV4Verifier<>(lookup, Clock.fixed(TIME, ZoneOffset.UTC), List.of("service"));
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(SigV4TestSuiteTest.class.getResource("sigv4-test-suite").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".txt")).sorted()
                    .toList().stream();
        }
    }

    static SigV4Request request(String file) throws IOException {
        try (InputStream in = SigV4TestSuiteTest.class.getResourceAsStream("sigv4-test-suite/" + file)) {
            return RawRequests.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void verifies(String file) throws IOException {
        Authentication<String> authentication = verifier().verify(request(file));

        assertThat(authentication.accessKeyId()).isEqualTo(ACCESS_KEY);
        assertThat(authentication.signedAt()).isEqualTo(TIME);
        assertThat(authentication.region()).isEqualTo("us-east-1");
        assertThat(authentication.service()).isEqualTo("service");
        assertThat(authentication.partition()).isEqualTo(Partition.AWS);
        assertThat(authentication.presigned()).isEqualTo(file.endsWith(".query.txt"));
        assertThat(authentication.signatureVerified()).isTrue();
        assertThat(authentication.principal()).isIn("example", "session");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void refusesAnotherMethod(String file) throws IOException {
        SigV4Request request = request(file);
        SigV4Request changed = new SigV4Request(request.method().equals("GET") ? "POST" : "GET", request.rawPath(),
                request.rawQuery(), request.headers(), request.payload());

        assertThatThrownBy(() -> verifier().verify(changed)).isInstanceOf(AwsException.class)
                .extracting(e -> ((AwsException) e).error()).isEqualTo(AwsError.SIGNATURE_DOES_NOT_MATCH);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void refusesAnotherSignature(String file) throws IOException {
        SigV4Request request = request(file);
        SigV4Request changed = file.endsWith(".query.txt")
                ? new SigV4Request(request.method(), request.rawPath(),
                        request.rawQuery().replace("X-Amz-Signature=", "X-Amz-Signature=0"), request.headers(),
                        request.payload())
                : new SigV4Request(request.method(), request.rawPath(), request.rawQuery(),
                        replaced(request.headers(), "Authorization",
                                request.header("Authorization").replace("Signature=", "Signature=0")),
                        request.payload());

        assertThatThrownBy(() -> verifier().verify(changed)).isInstanceOf(AwsException.class)
                .hasMessage(AwsError.SIGNATURE_DOES_NOT_MATCH.defaultMessage());
    }

    static Map<String, List<String>> replaced(Map<String, List<String>> headers, String name, String value) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.put(name, List.of(value));
        return copy;
    }
}
