package io.gatehouse.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

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

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    private static final String REGION = "us-east-1";
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

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
            throws IOException, InterruptedException {
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

    /** A POST of the form body to IAM, signed by the AWS SDK's own SigV4 signer. */
    private HttpRequest signed(String body, String keyId, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", FORM).build();
        SdkHttpRequest request = SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(bytes))
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "iam")).request();
        HttpRequest.Builder out = HttpRequest.newBuilder(endpoint.resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            // the HTTP client writes Host itself, from the same URI the signer signed it from
            if (!header.getKey().equalsIgnoreCase("Host")) {
                header.getValue().forEach(value -> out.header(header.getKey(), value));
            }
        }
        return out.build();
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
}
