package io.gatehouse.server.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
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
 * Query API requests signed with the AWS SDK's own SigV4 signer, as a raw HTTP/1.1 message, so that a test can send
 * a validly signed request over a plain socket, or take it apart and send something only partly valid.
 */
final class SignedRequests {

    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private SignedRequests() {
    }

    /**
     * A signed request.
     *
     * @param method  the method
     * @param target  the request target (path and query) as it goes on the request line
     * @param headers the header fields, in order, {@code Host} first
     * @param body    the body
     */
    record Signed(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

        /** The message on the wire. */
        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
            out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> header : headers) {
                out.writeBytes((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    /** A POST of a form body to the server at the port, signed for the service (iam, sts) now. */
    static Signed postForm(int port, String service, AwsCredentials credentials, String form) {
        return sign(port, SdkHttpMethod.POST, service, credentials, "/", form, Clock.systemUTC());
    }

    /** A GET with the parameters in the query string ({@code query} already encoded). */
    static Signed get(int port, String service, AwsCredentials credentials, String query) {
        return sign(port, SdkHttpMethod.GET, service, credentials, "/?" + query, null, Clock.systemUTC());
    }

    /**
     * A GET with the parameters in the query string ({@code query} already encoded) and the signature too
     * ({@code X-Amz-Signature}, and {@code X-Amz-Security-Token} for session credentials), valid for five minutes.
     */
    static Signed presignedGet(int port, String service, AwsCredentials credentials, String query) {
        return sign(port, SdkHttpMethod.GET, service, credentials, "/?" + query, null, Clock.systemUTC(), true);
    }

    static Signed sign(int port, SdkHttpMethod method, String service, AwsCredentials credentials, String target,
                       String form, Clock clock) {
        return sign(port, method, service, credentials, target, form, clock, false);
    }

    private static Signed sign(int port, SdkHttpMethod method, String service, AwsCredentials credentials,
                               String target, String form, Clock clock, boolean presigned) {
        byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method)
                .uri(URI.create("http://127.0.0.1:" + port + target));
        if (form != null) {
            request.putHeader("Content-Type", FORM).putHeader("Content-Length", Integer.toString(body.length));
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(credentials instanceof AwsSessionCredentials session
                            ? AwsSessionCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey(),
                                    session.sessionToken())
                            : AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                    .request(request.build())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock);
            if (form != null) {
                r.payload(ContentStreamProvider.fromByteArray(body));
            }
            if (presigned) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5));
            }
        });
        SdkHttpRequest http = signed.request();
        List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
        headers.add(Map.entry("Host", "127.0.0.1:" + port));
        http.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> headers.add(Map.entry(name, value)));
            }
        });
        String path = http.encodedPath().isEmpty() ? "/" : http.encodedPath();
        String query = http.encodedQueryParameters().map(q -> "?" + q).orElse("");
        return new Signed(method.name(), path + query, List.copyOf(headers), body);
    }
}
