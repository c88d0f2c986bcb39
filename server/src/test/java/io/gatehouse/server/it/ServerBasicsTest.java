package io.gatehouse.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.store.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** The server end to end with the AWS SDK for Java v2, on SQLite and on PostgreSQL. */
class ServerBasicsTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void firstStartCreatesTheAccountAndWritesItsRootCredentialsForTheOwnerOnly(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            assertThat(server.console()).contains(TestServer.ROOT_KEY_ID).contains(TestServer.ACCOUNT);
            Path credentials = directory.resolve("root-credentials");
            assertThat(Files.readString(credentials)).contains("[default]")
                    .contains("aws_access_key_id = " + TestServer.ROOT_KEY_ID)
                    .contains("aws_secret_access_key = " + TestServer.ROOT_SECRET);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
            GetCallerIdentityResponse identity = server.sts(TestServer.root()).getCallerIdentity();
            assertThat(identity.account()).isEqualTo(TestServer.ACCOUNT);
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:root");
            server.restart();
            assertThat(server.console()).as("the credentials are shown once").doesNotContain(TestServer.ROOT_SECRET);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void usersAndTheirKeysWorkAndSurviveARestart(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            IamClient iam = server.iam();
            User created = iam.createUser(r -> r.userName("alice").path("/team/")).user();
            assertThat(created.arn()).isEqualTo("arn:aws:iam::123456789012:user/team/alice");
            assertThat(created.userId()).startsWith("AIDA").hasSize(21);
            AccessKey key = iam.createAccessKey(r -> r.userName("alice")).accessKey();
            assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
            assertThat(key.secretAccessKey()).hasSize(40);

            server.restart();
            IamClient again = server.iam();
            assertThat(again.getUser(r -> r.userName("ALICE")).user().userName()).as("names are case-insensitive").isEqualTo("alice");
            assertThat(again.listAccessKeys(r -> r.userName("alice")).accessKeyMetadata()).hasSize(1);
            var alice = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
            assertThat(server.sts(alice).getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:user/team/alice");
            assertThatThrownBy(() -> server.iam(alice).listUsers())
                    .isInstanceOf(IamException.class)
                    .hasMessageContaining("User: arn:aws:iam::123456789012:user/team/alice is not authorized to perform: "
                            + "iam:ListUsers on resource: arn:aws:iam::123456789012:user/")
                    .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(403));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void arnsCarryThePartitionTheSigningRegionImplies(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            server.iam().createUser(r -> r.userName("li"));
            var china = StsClient.builder().endpointOverride(server.endpoint())
                    .region(Region.CN_NORTH_1)
                    .credentialsProvider(StaticCredentialsProvider.create(TestServer.root()))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            assertThat(china.getCallerIdentity().arn()).isEqualTo("arn:aws-cn:iam::123456789012:root");
            var govIam = IamClient.builder().endpointOverride(server.endpoint())
                    .region(Region.US_GOV_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(TestServer.root()))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            assertThat(govIam.getUser(r -> r.userName("li")).user().arn()).isEqualTo("arn:aws-us-gov:iam::123456789012:user/li");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aWrongSecretIsSignatureDoesNotMatchAndAnUnknownKeyIsInvalidClientTokenId(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            var wrongSecret = AwsBasicCredentials.create(TestServer.ROOT_KEY_ID, "not-the-secret-not-the-secret-not-the-se");
            assertThatThrownBy(() -> server.sts(wrongSecret).getCallerIdentity())
                    .isInstanceOf(StsException.class)
                    .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"))
                    .satisfies(e -> assertThat(((StsException) e).statusCode()).isEqualTo(403));
            var unknown = AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "whatever-whatever-whatever-whatever-1234");
            assertThatThrownBy(() -> server.iam(unknown).listUsers())
                    .isInstanceOf(IamException.class)
                    .satisfies(e -> assertThat(((IamException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDeletedKeyIsRefusedAndAMissingUserIsNoSuchEntity(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            IamClient iam = server.iam();
            iam.createUser(r -> r.userName("bob"));
            AccessKey key = iam.createAccessKey(r -> r.userName("bob")).accessKey();
            iam.deleteAccessKey(r -> r.userName("bob").accessKeyId(key.accessKeyId()));
            var bob = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
            assertThatThrownBy(() -> server.sts(bob).getCallerIdentity())
                    .isInstanceOf(StsException.class)
                    .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
            assertThatThrownBy(() -> iam.getUser(r -> r.userName("nobody")))
                    .isInstanceOf(NoSuchEntityException.class)
                    .hasMessageContaining("The user with name nobody cannot be found.");
        }
    }
}
