package io.gatehouse.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Latency of single signed IAM calls against a running server, one at a time on one connection: the root user's
 * GetUser of users picked at random, and the probe user's own GetUser and ListAttachedUserPolicies, which the engine
 * authorizes against its inline, attached and group policies. Prints the median, 90th and 99th percentile and the
 * mean of each, in microseconds, after a warm-up of as many calls. Client time (signing, HTTP) is included; it is the
 * same at every scale, so a difference between scales is the server's.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.gatehouse.bench.scale.LatencyProbe URL DATA_DIR USERS CALLS</pre>
 */
public final class LatencyProbe {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String REGION = "us-east-1";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;

    private LatencyProbe(URI endpoint) {
        this.endpoint = endpoint;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LatencyProbe URL DATA_DIR USERS CALLS");
            System.exit(2);
        }
        LatencyProbe probe = new LatencyProbe(URI.create(args[0]));
        String[] key = probeKey(Path.of(args[1]).resolve(ScaleLoader.PROBE_FILE));
        int users = Integer.parseInt(args[2]);
        int calls = Integer.parseInt(args[3]);
        Random random = new Random(7);
        String[] root = {ScaleLoader.ROOT_KEY_ID, ScaleLoader.ROOT_SECRET};
        String self = "&UserName=" + ScaleLoader.PROBE_USER;
        probe.measure("GetUser (root, random user)", calls, root,
                () -> "Action=GetUser&Version=2010-05-08&UserName=user-" + random.nextInt(users));
        probe.measure("GetUser (probe user, authorized)", calls, key,
                () -> "Action=GetUser&Version=2010-05-08" + self);
        probe.measure("ListAttachedUserPolicies (probe user, authorized)", calls, key,
                () -> "Action=ListAttachedUserPolicies&Version=2010-05-08" + self);
    }

    private void measure(String name, int calls, String[] key, java.util.function.Supplier<String> body)
            throws IOException, InterruptedException, GeneralSecurityException {
        long[] nanos = new long[calls];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < calls; i++) {
                HttpRequest request = signed(body.get(), key[0], key[1]);
                long start = System.nanoTime();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                nanos[i] = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
                }
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-50s p50 %6.0f us  p90 %6.0f us  p99 %6.0f us  mean %6.0f us  (%d calls)%n", name,
                nanos[calls / 2] / 1e3, nanos[calls * 9 / 10] / 1e3, nanos[Math.min(calls - 1, calls * 99 / 100)] / 1e3,
                Arrays.stream(nanos).average().orElse(0) / 1e3, calls);
    }

    /** A POST of the form body to IAM, signed with SigV4 as the SDKs sign it. */
    private HttpRequest signed(String body, String keyId, String secret) throws GeneralSecurityException {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        String day = date.substring(0, 8);
        String host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        String contentType = "application/x-www-form-urlencoded; charset=utf-8";
        String signedHeaders = "content-type;host;x-amz-date";
        String canonical = "POST\n/\n\ncontent-type:" + contentType + "\nhost:" + host + "\nx-amz-date:" + date + "\n\n"
                + signedHeaders + "\n" + hex(sha256(body));
        String scope = day + "/" + REGION + "/iam/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + hex(sha256(canonical));
        byte[] signingKey = hmac(hmac(hmac(hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day), REGION),
                "iam"), "aws4_request");
        String authorization = "AWS4-HMAC-SHA256 Credential=" + keyId + "/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + hex(hmac(signingKey, toSign));
        return HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", contentType)
                .header("X-Amz-Date", date)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String[] probeKey(Path file) throws IOException {
        String id = null;
        String secret = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("aws_access_key_id = ")) {
                id = line.substring("aws_access_key_id = ".length());
            } else if (line.startsWith("aws_secret_access_key = ")) {
                secret = line.substring("aws_secret_access_key = ".length());
            }
        }
        return new String[] {id, secret};
    }

    private static byte[] sha256(String text) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
