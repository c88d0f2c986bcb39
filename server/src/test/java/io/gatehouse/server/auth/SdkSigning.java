package io.gatehouse.server.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Signs requests with the AWS SDK for Java v2's own SigV4 signer and turns them into {@link SigV4Request}s. */
final class SdkSigning {

    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SESSION_ACCESS_KEY = "ASIAIOSFODNN7EXAMPLE";
    static final String SESSION_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE/+token=with+reserved/characters==";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    /** What to sign: method, URL, body, signing names and time, where the signature goes. */
    record Spec(SdkHttpMethod method, String url, Map<String, String> headers, String body, String region,
                String service, Instant time, boolean useSession, Duration presignFor, String secret,
                boolean payloadSigning) {

        static Spec get(String url) {
            return new Spec(SdkHttpMethod.GET, url, Map.of(), null, "us-east-1", "iam",
                    Instant.parse("2024-01-01T00:00:00Z"), false, null, SECRET, true);
        }

        static Spec postForm(String body) {
            return new Spec(SdkHttpMethod.POST, "https://iam.amazonaws.com/", Map.of("Content-Type", FORM), body,
                    "us-east-1", "iam", Instant.parse("2024-01-01T00:00:00Z"), false, null, SECRET, true);
        }

        Spec region(String value) {
            return new Spec(method, url, headers, body, value, service, time, useSession, presignFor, secret,
                    payloadSigning);
        }

        Spec service(String value) {
            return new Spec(method, url, headers, body, region, value, time, useSession, presignFor, secret,
                    payloadSigning);
        }

        Spec session() {
            return new Spec(method, url, headers, body, region, service, time, true, presignFor, secret,
                    payloadSigning);
        }

        Spec presigned(Duration expiry) {
            return new Spec(method, url, headers, body, region, service, time, useSession, expiry, secret,
                    payloadSigning);
        }

        Spec secret(String value) {
            return new Spec(method, url, headers, body, region, service, time, useSession, presignFor, value,
                    payloadSigning);
        }

        Spec unsignedPayload() {
            return new Spec(method, url, headers, body, region, service, time, useSession, presignFor, secret, false);
        }

        Spec header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Spec(method, url, Map.copyOf(more), body, region, service, time, useSession, presignFor, secret,
                    payloadSigning);
        }
    }

    private SdkSigning() {
    }

    /** The request as the SDK would send it, signed. */
    static SigV4Request sign(Spec spec) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(spec.method()).uri(URI.create(spec.url()));
        spec.headers().forEach(builder::putHeader);
        if (spec.body() != null) {
            builder.putHeader("Content-Length",
                    Integer.toString(spec.body().getBytes(StandardCharsets.UTF_8).length));
        }
        AwsCredentialsIdentity identity = spec.useSession()
                ? AwsSessionCredentialsIdentity.create(SESSION_ACCESS_KEY, SESSION_SECRET, SESSION_TOKEN)
                : AwsCredentialsIdentity.create(ACCESS_KEY, spec.secret());
        Consumer<SignRequest.Builder<AwsCredentialsIdentity>> request = r -> {
            r.identity(identity).request(builder.build())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, spec.region())
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, spec.service())
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(spec.time(), ZoneOffset.UTC))
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, spec.payloadSigning());
            if (spec.body() != null) {
                r.payload(ContentStreamProvider.fromUtf8String(spec.body()));
            }
            if (spec.presignFor() != null) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, spec.presignFor());
            }
        };
        SignedRequest signed = SIGNER.sign(request);
        return toSigV4Request(signed.request(), signed.payload().map(SdkSigning::read).orElse(new byte[0]));
    }

    /** The request an HTTP server would see for an SDK request. */
    static SigV4Request toSigV4Request(SdkHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        if (request.firstMatchingHeader("Host").isEmpty()) {
            headers.put("Host", List.of(request.host()));
        }
        return new SigV4Request(request.method().name(), request.encodedPath().isEmpty() ? "/" : request.encodedPath(),
                request.encodedQueryParameters().orElse(""), headers, Payload.of(body));
    }

    static byte[] read(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
