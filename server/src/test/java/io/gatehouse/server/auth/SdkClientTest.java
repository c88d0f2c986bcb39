package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The AWS SDK for Java v2's IAM and STS clients, unchanged, against the verifier. */
class SdkClientTest {

    static final String CALLER_IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/alice</Arn><UserId>AIDAEXAMPLE</UserId>"
            + "<Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId>"
            + "</ResponseMetadata></GetCallerIdentityResponse>";
    static final String LIST_USERS = "<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
            + "<ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult><ResponseMetadata>"
            + "<RequestId>r-1</RequestId></ResponseMetadata></ListUsersResponse>";

    final RecordingLookup lookup = new RecordingLookup();

    VerifyingHttpClient server(Clock clock, String success) {
        return new VerifyingHttpClient(new SigV4Verifier<>(lookup, clock, List.of("iam", "sts")), success);
    }

    static StsClient sts(VerifyingHttpClient server, Region region, AwsCredentials credentials) {
        return StsClient.builder().httpClient(server).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .endpointOverride(URI.create("http://localhost:4566"))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static AwsCredentials alice() {
        return AwsBasicCredentials.create(SdkSigning.ACCESS_KEY, SdkSigning.SECRET);
    }

    @Test
    void getCallerIdentity() {
        VerifyingHttpClient server = server(Clock.systemUTC(), CALLER_IDENTITY);
        try (StsClient sts = sts(server, Region.EU_WEST_3, alice())) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
        }
        assertThat(server.accepted).singleElement().satisfies(authentication -> {
            assertThat(authentication.service()).isEqualTo("sts");
            assertThat(authentication.region()).isEqualTo("eu-west-3");
            assertThat(authentication.principal()).isEqualTo("alice");
        });
    }

    @Test
    void getCallerIdentityWithSessionCredentials() {
        VerifyingHttpClient server = server(Clock.systemUTC(), CALLER_IDENTITY);
        try (StsClient sts = sts(server, Region.US_EAST_1, AwsSessionCredentials.create(
                SdkSigning.SESSION_ACCESS_KEY, SdkSigning.SESSION_SECRET, SdkSigning.SESSION_TOKEN))) {
            sts.getCallerIdentity();
        }
        assertThat(server.accepted).singleElement()
                .satisfies(authentication -> assertThat(authentication.sessionToken()).isEqualTo(SdkSigning.SESSION_TOKEN));
    }

    @Test
    void iamListUsersOnTheGlobalEndpoint() {
        VerifyingHttpClient server = server(Clock.systemUTC(), LIST_USERS);
        try (IamClient iam = IamClient.builder().httpClient(server).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(alice()))
                .endpointOverride(URI.create("http://localhost:4566"))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            assertThat(iam.listUsers(r -> r.pathPrefix("/division a/")).users()).isEmpty();
        }
        assertThat(server.accepted).singleElement().satisfies(authentication -> {
            assertThat(authentication.service()).isEqualTo("iam");
            assertThat(authentication.region()).isEqualTo("aws-global");
            assertThat(authentication.partition()).isEqualTo(Partition.AWS);
        });
    }

    @Test
    void wrongSecretSurfacesAsSignatureDoesNotMatch() {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> {
            try (StsClient sts = sts(server(Clock.systemUTC(), CALLER_IDENTITY), Region.US_EAST_1,
                    AwsBasicCredentials.create(SdkSigning.ACCESS_KEY, "not-the-secret"))) {
                sts.getCallerIdentity();
            }
        });

        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The request signature we calculated does not match "
                + "the signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
                + "service documentation for details.");
    }

    @Test
    void unknownKeySurfacesAsInvalidClientTokenId() {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> {
            try (StsClient sts = sts(server(Clock.systemUTC(), CALLER_IDENTITY), Region.US_EAST_1,
                    AwsBasicCredentials.create("AKIANOBODYEXAMPLE000", SdkSigning.SECRET))) {
                sts.getCallerIdentity();
            }
        });

        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void clientClockBehindSurfacesAsSignatureExpired() {
        Clock serverAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> {
            try (StsClient sts = sts(server(serverAhead, CALLER_IDENTITY), Region.US_EAST_1, alice())) {
                sts.getCallerIdentity();
            }
        });

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Signature expired: ").endsWith(" - 15 min.)");
        assertThat(lookup.asked).isEmpty();
    }
}
