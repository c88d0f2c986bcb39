package io.gatehouse.bench.load;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs AWS Query requests ({@code POST /} with a form body) with the AWS SDK for Java v2's own SigV4 signer, as an
 * SDK client would, and lays each out as the bytes of an HTTP/1.1 request ready to be written to a connection.
 * Thread-safe.
 */
final class Signer {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private final URI endpoint;
    private final AwsCredentialsIdentity identity;
    private final String region;

    Signer(URI endpoint, String accessKeyId, String secretAccessKey, String region) {
        this(endpoint, AwsCredentialsIdentity.create(accessKeyId, secretAccessKey), region);
    }

    private Signer(URI endpoint, AwsCredentialsIdentity identity, String region) {
        this.endpoint = endpoint.resolve("/");
        this.identity = identity;
        this.region = region;
    }

    /** The same endpoint and region, signing with another secret (to show that a server checks signatures). */
    Signer withSecret(String secretAccessKey) {
        return new Signer(endpoint, identity.accessKeyId(), secretAccessKey, region);
    }

    /** The same endpoint and region, signing with other long-term credentials. */
    Signer withKey(String accessKeyId, String secretAccessKey) {
        return new Signer(endpoint, accessKeyId, secretAccessKey, region);
    }

    /** The same endpoint and region, signing with temporary credentials (the token goes in X-Amz-Security-Token). */
    Signer withSession(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new Signer(endpoint, AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken),
                region);
    }

    /**
     * The request {@code POST /} with the given form body, signed for a service ({@code iam}, {@code sts}) at a time.
     */
    byte[] sign(String service, String form, Instant time) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", FORM)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = SIGNER.sign(r -> r.identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(time, ZoneOffset.UTC)));
        return layout(signed.request(), body);
    }

    private byte[] layout(SdkHttpRequest request, byte[] body) {
        StringBuilder head = new StringBuilder(512).append("POST / HTTP/1.1\r\n");
        if (request.firstMatchingHeader("Host").isEmpty()) {
            head.append("Host: ").append(hostHeader()).append("\r\n");
        }
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The Host header the signer signs when the request has none: the host, and the port when not the default. */
    private String hostHeader() {
        int port = endpoint.getPort();
        return port < 0 || port == 80 ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    }
}
