package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.fail;

import io.gatehouse.server.auth.SdkSigning.Spec;
import io.gatehouse.server.error.AwsException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.gatehouse.server.fuzz.TextMutator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random requests, and random mutations of validly signed ones: whatever they hold, the verifier answers or
 * throws an {@link AwsException}, never anything else.
 */
class SigV4FuzzTest {

    static final long SEED = 0x5167_4e34L;
    static final int ROUNDS = 20_000;
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final String[] ATOMS = {
        "AWS4-HMAC-SHA256", "AWS4-", "AWS4-HMAC-SHA512", "Credential=", "SignedHeaders=", "Signature=", ",", ", ", " ",
        "\t", "=", "/", "//", ";", "&", "?", "%", "%2F", "%zz", "%E1%88%B4", "+", "host", "x-amz-date", ":authority",
        SdkSigning.ACCESS_KEY, "20240101", "20240101T000000Z", "20231231T235959Z", "99991231T235959Z",
        "00000000T000000Z", "us-east-1", "aws-global", "iam", "sts", "aws4_request", "0".repeat(64), "X-Amz-Algorithm",
        "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-Signature", "X-Amz-SignedHeaders",
        "X-Amz-Security-Token", "604800", "-1", "99999999999999999999", "UNSIGNED-PAYLOAD", Payload.EMPTY_SHA256,
        "é", "ሴ", "\uD800", "\u0000", "..", ".", "Mon, 01 Jan 2024 00:00:00 GMT", "a", "Z", "T"};
    private static final TextMutator TEXT = new TextMutator(ATOMS);
    static final String[] HEADERS = {"Authorization", "X-Amz-Date", "Date", "Host", "X-Amz-Security-Token",
        "X-Amz-Content-Sha256", "Content-Type", "x-amz-date", "HOST"};

    final SigV4Verifier<String> verifier =
            new SigV4Verifier<>(new RecordingLookup(), Clock.fixed(T0, ZoneOffset.UTC), List.of("iam", "sts"));

    static String garbage(Random random, int maxAtoms) {
        return TEXT.garbage(random, maxAtoms);
    }

    void verifyOnlyAwsExceptions(SigV4Request request, long round) {
        try {
            verifier.verify(request);
        } catch (AwsException expected) {
            // the only refusal allowed
        } catch (RuntimeException | Error e) {
            fail("round " + round + " of seed " + SEED + " threw " + e + " for " + request, e);
        }
    }

    @Test
    void randomRequests() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                String name = random.nextInt(5) == 0 ? garbage(random, 2) : HEADERS[random.nextInt(HEADERS.length)];
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(garbage(random, 12));
            }
            if (random.nextBoolean()) {
                headers.put("Authorization", List.of("AWS4-HMAC-SHA256 " + garbage(random, 16)));
                headers.put("X-Amz-Date", List.of(random.nextBoolean() ? "20240101T000000Z" : garbage(random, 2)));
            }
            String query = garbage(random, 12);
            if (random.nextInt(3) == 0) {
                query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + garbage(random, 6)
                        + "&X-Amz-Date=20240101T000000Z&X-Amz-SignedHeaders=" + garbage(random, 3)
                        + "&X-Amz-Signature=" + garbage(random, 2) + "&X-Amz-Expires=" + garbage(random, 1) + "&"
                        + query;
            }
            byte[] body = garbage(random, 4).getBytes(StandardCharsets.UTF_8);
            verifyOnlyAwsExceptions(new SigV4Request(garbage(random, 1), garbage(random, 6), query, headers,
                    Payload.of(body)), round);
        }
    }

    @Test
    void mutatedSignedRequests() {
        List<SigV4Request> valid = List.of(
                SdkSigning.sign(Spec.postForm("Action=CreateUser&UserName=alice&Version=2010-05-08")),
                SdkSigning.sign(Spec.get("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08").session()),
                SdkSigning.sign(Spec.get("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
                        .presigned(Duration.ofMinutes(5))));
        Random random = new Random(SEED + 1);
        for (int round = 0; round < ROUNDS; round++) {
            SigV4Request request = valid.get(random.nextInt(valid.size()));
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                request = mutate(request, random);
            }
            verifyOnlyAwsExceptions(request, round);
        }
    }

    static SigV4Request mutate(SigV4Request request, Random random) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        String method = request.method();
        String path = request.rawPath();
        String query = request.rawQuery();
        Payload payload = request.payload();
        if (headers.isEmpty()) {
            headers.put(HEADERS[random.nextInt(HEADERS.length)], List.of(garbage(random, 6)));
        }
        switch (random.nextInt(6)) {
            case 0 -> method = mutate(method, random);
            case 1 -> path = mutate(path, random);
            case 2 -> query = mutate(query, random);
            case 3 -> payload = Payload.of(mutate("Action=CreateUser&UserName=alice", random)
                    .getBytes(StandardCharsets.UTF_8));
            case 4 -> {
                List<String> names = new ArrayList<>(headers.keySet());
                String name = names.get(random.nextInt(names.size()));
                List<String> values = new ArrayList<>(headers.get(name));
                values.set(0, mutate(values.getFirst(), random));
                if (random.nextInt(4) == 0) {
                    values.add(garbage(random, 3));
                }
                headers.put(name, values);
            }
            default -> {
                List<String> names = new ArrayList<>(headers.keySet());
                headers.remove(names.get(random.nextInt(names.size())));
                if (random.nextBoolean()) {
                    headers.put(HEADERS[random.nextInt(HEADERS.length)], List.of(garbage(random, 6)));
                }
            }
        }
        return new SigV4Request(method, path, query, headers, payload);
    }

    static String mutate(String text, Random random) {
        return TEXT.mutate(text, random);
    }
}
