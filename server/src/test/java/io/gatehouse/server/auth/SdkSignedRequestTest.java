package io.gatehouse.server.auth;

import static io.gatehouse.server.auth.SdkSigning.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.auth.SdkSigning.Spec;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests signed by the AWS SDK for Java v2's signer, header and presigned forms, verified and tampered with. */
class SdkSignedRequestTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final String LIST_USERS = "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08";
    static final String CREATE_USER = "Action=CreateUser&UserName=alice&Path=%2Fdivision%2F&Version=2010-05-08";

    final RecordingLookup lookup = new RecordingLookup();

    SigV4Verifier<String> verifierAt(Instant now) {
        return new SigV4Verifier<>(lookup, Clock.fixed(now, ZoneOffset.UTC), List.of("iam", "sts"));
    }

    Authentication<String> verify(SigV4Request request) {
        return verifierAt(T0).verify(request);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Runnable call, AwsError error,
                                                                         String message) {
        return assertThatThrownBy(call::run).isInstanceOf(AwsException.class)
                .satisfies(e -> assertThat(((AwsException) e).error()).isEqualTo(error)).hasMessage(message);
    }

    static SigV4Request with(SigV4Request request, UnaryOperator<Map<String, List<String>>> headers) {
        return new SigV4Request(request.method(), request.rawPath(), request.rawQuery(),
                headers.apply(new LinkedHashMap<>(request.headers())), request.payload());
    }

    @Nested
    class HeaderForm {

        @Test
        void getWithQueryParameters() {
            Authentication<String> authentication = verify(sign(Spec.get(LIST_USERS)));

            assertThat(authentication).isEqualTo(new Authentication<>(SdkSigning.ACCESS_KEY, T0, "us-east-1", "iam",
                    Partition.AWS, null, "alice", false, true));
            assertThat(lookup.asked).containsExactly(SdkSigning.ACCESS_KEY);
        }

        @Test
        void postWithFormBody() {
            SigV4Request request = sign(Spec.postForm(CREATE_USER));

            assertThat(request.header("Authorization")).contains("content-type");
            assertThat(verify(request).principal()).isEqualTo("alice");
        }

        @Test
        void sessionCredentialsAskTheSessionHook() {
            Authentication<String> authentication = verify(sign(Spec.postForm(CREATE_USER).session()));

            assertThat(authentication.accessKeyId()).isEqualTo(SdkSigning.SESSION_ACCESS_KEY);
            assertThat(authentication.sessionToken()).isEqualTo(SdkSigning.SESSION_TOKEN);
            assertThat(authentication.principal()).isEqualTo("alice-session");
            assertThat(authentication.toString()).doesNotContain(SdkSigning.SESSION_TOKEN);
            assertThat(lookup.asked).containsExactly(SdkSigning.SESSION_ACCESS_KEY + "+" + SdkSigning.SESSION_TOKEN);
        }

        @Test
        void stsServiceAndRegionalScope() {
            Authentication<String> authentication = verify(sign(
                    Spec.postForm("Action=GetCallerIdentity&Version=2011-06-15").service("sts").region("eu-west-3")));

            assertThat(authentication.service()).isEqualTo("sts");
            assertThat(authentication.region()).isEqualTo("eu-west-3");
        }

        @ParameterizedTest
        @CsvSource({"us-east-1, aws", "cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov", "us-iso-east-1, aws-iso",
                "us-isob-east-1, aws-iso-b", "eu-isoe-west-1, aws-iso-e", "us-isof-south-1, aws-iso-f",
                "eusc-de-east-1, aws-eusc", "aws-global, aws", "aws-cn-global, aws-cn", "aws-iso-b-global, aws-iso-b"})
        void partitionFollowsTheRegion(String region, String partition) {
            assertThat(verify(sign(Spec.get(LIST_USERS).region(region))).partition().id()).isEqualTo(partition);
        }

        @Test
        void unsignedPayloadWithoutBody() {
            SigV4Request request = sign(Spec.get(LIST_USERS).unsignedPayload()
                    .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD"));

            assertThat(request.header("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
            assertThat(verify(request).principal()).isEqualTo("alice");
        }

        @Test
        void unsignedPayloadWithBodyIsRefused() {
            SigV4Request request = sign(Spec.postForm(CREATE_USER).unsignedPayload()
                    .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD"));

            assertRefused(() -> verify(request), AwsError.SIGNATURE_DOES_NOT_MATCH,
                    AwsError.SIGNATURE_DOES_NOT_MATCH.defaultMessage());
        }

        @Test
        void contentSha256HeaderMustMatchTheBody() {
            SigV4Request signed = sign(Spec.postForm(CREATE_USER).header("x-amz-content-sha256",
                    Payload.of(CREATE_USER.getBytes(StandardCharsets.UTF_8)).sha256Hex()));
            assertThat(verify(signed).principal()).isEqualTo("alice");

            SigV4Request otherBody = new SigV4Request(signed.method(), signed.rawPath(), signed.rawQuery(),
                    signed.headers(), Payload.of(CREATE_USER.replace("alice", "mallory").getBytes(StandardCharsets.UTF_8)));
            assertRefused(() -> verify(otherBody), AwsError.SIGNATURE_DOES_NOT_MATCH,
                    AwsError.SIGNATURE_DOES_NOT_MATCH.defaultMessage());
        }

        @Test
        void payloadGivenByItsHash() {
            SigV4Request signed = sign(Spec.postForm(CREATE_USER));
            SigV4Request hashed = new SigV4Request(signed.method(), signed.rawPath(), signed.rawQuery(),
                    signed.headers(), Payload.ofSha256Hex(signed.payload().sha256Hex()));

            assertThat(verify(hashed).principal()).isEqualTo("alice");
        }

        @Test
        void signingKeyIsDerivedOnceAndKeptOnlyAfterSuccess() {
            SigV4Verifier<String> verifier = verifierAt(T0);
            SigV4Request request = sign(Spec.get(LIST_USERS));
            SigV4Request wrong = sign(Spec.get(LIST_USERS).secret("wrong-secret"));

            assertThatThrownBy(() -> verifier.verify(wrong)).isInstanceOf(AwsException.class);
            verifier.verify(request);
            verifier.verify(request);
            verifier.verify(sign(Spec.postForm(CREATE_USER)));

            assertThat(verifier.cachedSigningKeys()).isEqualTo(1);
        }
    }

    @Nested
    class PresignedForm {

        @Test
        void getWithQueryParameters() {
            SigV4Request request = sign(Spec.get(LIST_USERS).presigned(Duration.ofMinutes(5)));

            assertThat(request.header("Authorization")).isNull();
            assertThat(request.rawQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
            Authentication<String> authentication = verify(request);
            assertThat(authentication.presigned()).isTrue();
            assertThat(authentication.principal()).isEqualTo("alice");
        }

        @Test
        void postWithFormBody() {
            SigV4Request request = sign(Spec.postForm(CREATE_USER).presigned(Duration.ofMinutes(5)));

            assertThat(verify(request).presigned()).isTrue();
        }

        @Test
        void postWithFormBodyRefusesAnotherBody() {
            SigV4Request signed = sign(Spec.postForm(CREATE_USER).presigned(Duration.ofMinutes(5)));
            SigV4Request otherBody = new SigV4Request(signed.method(), signed.rawPath(), signed.rawQuery(),
                    signed.headers(), Payload.of("Action=DeleteUser&UserName=alice".getBytes(StandardCharsets.UTF_8)));

            assertRefused(() -> verify(otherBody), AwsError.SIGNATURE_DOES_NOT_MATCH,
                    AwsError.SIGNATURE_DOES_NOT_MATCH.defaultMessage());
        }

        @Test
        void sessionTokenInTheQuery() {
            SigV4Request request = sign(Spec.get(LIST_USERS).session().presigned(Duration.ofMinutes(5)));

            assertThat(request.rawQuery()).contains("X-Amz-Security-Token=");
            assertThat(verify(request).sessionToken()).isEqualTo(SdkSigning.SESSION_TOKEN);
        }

        @Test
        void validUntilItsExpiry() {
            SigV4Request request = sign(Spec.get(LIST_USERS).presigned(Duration.ofSeconds(60)));

            assertThat(verifierAt(T0.plusSeconds(60)).verify(request).principal()).isEqualTo("alice");
            assertRefused(() -> verifierAt(T0.plusSeconds(61)).verify(request), AwsError.REQUEST_EXPIRED,
                    "Request has expired.");
            assertThat(lookup.asked).hasSize(1);
        }

        @Test
        void sevenDaysAtMost() {
            SigV4Request week = sign(Spec.get(LIST_USERS).presigned(Duration.ofDays(7)));

            assertThat(verifierAt(T0.plus(Duration.ofDays(7))).verify(week).principal()).isEqualTo("alice");
            assertRefused(() -> verifierAt(T0.plus(Duration.ofDays(7)).plusSeconds(1)).verify(week),
                    AwsError.REQUEST_EXPIRED, "Request has expired.");
        }

        @Test
        void notYetCurrent() {
            SigV4Request request = sign(Spec.get(LIST_USERS).presigned(Duration.ofHours(1)));

            assertRefused(() -> verifierAt(T0.minusSeconds(15 * 60 + 1)).verify(request),
                    AwsError.SIGNATURE_DOES_NOT_MATCH,
                    "Signature not yet current: 20240101T000000Z is still later than 20231231T235959Z "
                            + "(20231231T234459Z + 15 min.)");
        }

        @Test
        void tamperedQueryIsRefused() {
            SigV4Request signed = sign(Spec.get(LIST_USERS).presigned(Duration.ofMinutes(5)));
            SigV4Request tampered = new SigV4Request(signed.method(), signed.rawPath(),
                    signed.rawQuery().replace("ListUsers", "ListRoles"), signed.headers(), signed.payload());

            assertRefused(() -> verify(tampered), AwsError.SIGNATURE_DOES_NOT_MATCH,
                    AwsError.SIGNATURE_DOES_NOT_MATCH.defaultMessage());
        }

        @Test
        void longerExpiryIsRefusedBeforeTheSignature() {
            SigV4Request signed = sign(Spec.get(LIST_USERS).presigned(Duration.ofMinutes(5)));
            SigV4Request tampered = new SigV4Request(signed.method(), signed.rawPath(),
                    signed.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=604801"), signed.headers(),
                    signed.payload());

            assertRefused(() -> verify(tampered), AwsError.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                    "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be "
                            + "less than 604800 seconds");
            assertThat(lookup.asked).isEmpty();
        }
    }

    @Nested
    class ClockSkew {

        @Test
        void fifteenMinutesEitherWayIsAccepted() {
            SigV4Request request = sign(Spec.get(LIST_USERS));

            assertThat(verifierAt(T0.plusSeconds(900)).verify(request).principal()).isEqualTo("alice");
            assertThat(verifierAt(T0.minusSeconds(900)).verify(request).principal()).isEqualTo("alice");
        }

        @Test
        void olderIsExpired() {
            SigV4Request request = sign(Spec.get(LIST_USERS));

            assertRefused(() -> verifierAt(T0.plusSeconds(20 * 60)).verify(request), AwsError.SIGNATURE_DOES_NOT_MATCH,
                    "Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z "
                            + "(20240101T002000Z - 15 min.)");
            assertThat(lookup.asked).isEmpty();
        }

        @Test
        void newerIsNotYetCurrent() {
            SigV4Request request = sign(Spec.get(LIST_USERS));

            assertRefused(() -> verifierAt(T0.minusSeconds(20 * 60)).verify(request),
                    AwsError.SIGNATURE_DOES_NOT_MATCH,
                    "Signature not yet current: 20240101T000000Z is still later than 20231231T235500Z "
                            + "(20231231T234000Z + 15 min.)");
            assertThat(lookup.asked).isEmpty();
        }

        @Test
        void presignedWithoutExpiresLivesFifteenMinutes() {
            SigV4Request signed = sign(Spec.get(LIST_USERS).presigned(Duration.ofMinutes(5)));
            String withoutExpires = signed.rawQuery().replace("X-Amz-Expires=300&", "")
                    .replace("&X-Amz-Expires=300", "");
            SigV4Request request = new SigV4Request(signed.method(), signed.rawPath(), withoutExpires,
                    signed.headers(), signed.payload());

            assertRefused(() -> verifierAt(T0.plusSeconds(901)).verify(request), AwsError.SIGNATURE_DOES_NOT_MATCH,
                    "Signature expired: 20240101T000000Z is now earlier than 20240101T000001Z "
                            + "(20240101T001501Z - 15 min.)");
        }
    }

    @Nested
    class Tampering {

        final SigV4Request signed = sign(Spec.postForm(CREATE_USER).header("X-Custom", "signed value"));

        void assertMismatch(SigV4Request tampered) {
            assertRefused(() -> verify(tampered), AwsError.SIGNATURE_DOES_NOT_MATCH,
                    AwsError.SIGNATURE_DOES_NOT_MATCH.defaultMessage());
        }

        @Test
        void untouchedVerifies() {
            assertThat(verify(signed).principal()).isEqualTo("alice");
        }

        @Test
        void method() {
            assertMismatch(new SigV4Request("PUT", signed.rawPath(), signed.rawQuery(), signed.headers(),
                    signed.payload()));
        }

        @Test
        void path() {
            assertMismatch(new SigV4Request(signed.method(), "/other", signed.rawQuery(), signed.headers(),
                    signed.payload()));
        }

        @Test
        void query() {
            assertMismatch(new SigV4Request(signed.method(), signed.rawPath(), "Action=DeleteUser", signed.headers(),
                    signed.payload()));
        }

        @Test
        void signedHeader() {
            assertMismatch(with(signed, headers -> {
                headers.put("X-Custom", List.of("other value"));
                return headers;
            }));
        }

        @Test
        void hostHeader() {
            assertMismatch(with(signed, headers -> {
                headers.remove("Host");
                headers.put("host", List.of("attacker.example"));
                return headers;
            }));
        }

        @Test
        void body() {
            assertMismatch(new SigV4Request(signed.method(), signed.rawPath(), signed.rawQuery(), signed.headers(),
                    Payload.of(CREATE_USER.replace("alice", "mallory").getBytes(StandardCharsets.UTF_8))));
        }

        @Test
        void unsignedHeaderMayChange() {
            assertThat(verify(with(signed, headers -> {
                headers.put("User-Agent", List.of("something else"));
                return headers;
            })).principal()).isEqualTo("alice");
        }

        @Test
        void wrongSecret() {
            assertMismatch(sign(Spec.postForm(CREATE_USER).secret("not-the-secret")));
        }
    }

    @Nested
    class Keys {

        @Test
        void unknownKey() {
            SigV4Request request = sign(Spec.get(LIST_USERS));
            SigV4Request other = with(request, headers -> {
                headers.put("Authorization", List.of(request.header("Authorization")
                        .replace(SdkSigning.ACCESS_KEY, "AKIAUNKNOWNEXAMPLE00")));
                return headers;
            });

            assertRefused(() -> verify(other), AwsError.INVALID_CLIENT_TOKEN_ID,
                    "The security token included in the request is invalid.");
        }

        @Test
        void disabledKey() {
            SigV4Request request = sign(Spec.get(LIST_USERS));
            SigV4Request other = with(request, headers -> {
                headers.put("Authorization", List.of(request.header("Authorization")
                        .replace(SdkSigning.ACCESS_KEY, RecordingLookup.DISABLED_KEY)));
                return headers;
            });

            assertRefused(() -> verify(other), AwsError.INVALID_CLIENT_TOKEN_ID,
                    "The security token included in the request is invalid.");
        }

        @Test
        void unknownSessionToken() {
            SigV4Request request = sign(Spec.get(LIST_USERS).session());
            SigV4Request other = with(request, headers -> {
                headers.put("X-Amz-Security-Token", List.of("forged"));
                return headers;
            });

            assertRefused(() -> verify(other), AwsError.INVALID_CLIENT_TOKEN_ID,
                    "The security token included in the request is invalid");
            assertThat(lookup.asked).containsExactly(SdkSigning.SESSION_ACCESS_KEY + "+forged");
        }

        @Test
        void lookupMayRefuseWithItsOwnError() {
            CredentialLookup<String> expiring = new CredentialLookup<>() {
                @Override
                public Credential<String> accessKey(String accessKeyId) {
                    return Credential.unknown();
                }

                @Override
                public Credential<String> sessionKey(String accessKeyId, String sessionToken) {
                    throw AwsError.EXPIRED_TOKEN.exception();
                }
            };
            SigV4Verifier<String> verifier = new SigV4Verifier<>(expiring, Clock.fixed(T0, ZoneOffset.UTC),
                    List.of("iam"));

            assertRefused(() -> verifier.verify(sign(Spec.get(LIST_USERS).session())), AwsError.EXPIRED_TOKEN,
                    "The security token included in the request is expired");
        }

        @Test
        void uncheckedKeySkipsOnlyTheSignature() {
            CredentialLookup<String> dev = accessKeyId -> Credential.unchecked("root");
            SigV4Verifier<String> verifier = new SigV4Verifier<>(dev, Clock.fixed(T0, ZoneOffset.UTC),
                    List.of("iam"));

            Authentication<String> authentication = verifier.verify(sign(Spec.get(LIST_USERS).secret("anything")));
            assertThat(authentication.principal()).isEqualTo("root");
            assertThat(authentication.signatureVerified()).isFalse();
            assertRefused(() -> new SigV4Verifier<>(dev, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC),
                    List.of("iam")).verify(sign(Spec.get(LIST_USERS))), AwsError.SIGNATURE_DOES_NOT_MATCH,
                    "Signature expired: 20240101T000000Z is now earlier than 20240101T004500Z "
                            + "(20240101T010000Z - 15 min.)");
        }
    }

    @Nested
    class Scope {

        @Test
        void regionNotAwsLike() {
            assertRefused(() -> verify(sign(Spec.get(LIST_USERS).region("us-global"))),
                    AwsError.SIGNATURE_DOES_NOT_MATCH,
                    "Credential should be scoped to a valid region, not 'us-global'. ");
        }

        @Test
        void serviceNotServed() {
            assertRefused(() -> verify(sign(Spec.get(LIST_USERS).service("s3"))), AwsError.SIGNATURE_DOES_NOT_MATCH,
                    "Credential should be scoped to correct service: 'iam'. ");
            assertThat(lookup.asked).isEmpty();
        }
    }
}
