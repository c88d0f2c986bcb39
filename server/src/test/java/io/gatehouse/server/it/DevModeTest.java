package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.state.SamlMetadataSamples;
import io.gatehouse.server.store.Backend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Emulator mode ({@code --dev}), for tools tested against moto or LocalStack: a key the server never issued stands for
 * the root user of the server's account without a signature check, while keys it issued are still verified, and a
 * key it issued and then deleted or deactivated stays refused; {@code POST /moto-api/reset} wipes everything but the
 * root user and its key, temporary credentials included. Without {@code --dev} neither exists.
 */
class DevModeTest {

    private static final String ROOT_ARN = "arn:aws:iam::" + TestServer.ACCOUNT + ":root";
    private static final String INVALID_KEY = "The security token included in the request is invalid.";

    @TempDir
    Path directory;

    private static String callerArn(TestServer server, AwsCredentials credentials) {
        try (StsClient sts = server.sts(credentials)) {
            return sts.getCallerIdentity().arn();
        }
    }

    private static RawHttp.Response reset(TestServer server) {
        return RawHttp.exchange(server.server().port(), "POST /moto-api/reset HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void unknownKeysAreTheRootUserButIssuedKeysAreStillVerified(Backend backend) throws Exception {
        try (LogCapture logs = new LogCapture(); TestServer server = TestServer.start(backend, directory, true)) {
            assertThat(logs.messages(GatehouseServer.class)).anySatisfy(m -> assertThat(m).contains("EMULATOR MODE"));

            assertThat(callerArn(server, AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "any secret at all")))
                    .isEqualTo(ROOT_ARN);
            assertAwsError(() -> callerArn(server, AwsBasicCredentials.create(TestServer.ROOT_KEY_ID, "wrong secret")),
                    "SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you "
                            + "provided. Check your AWS Secret Access Key and signing method. Consult the service "
                            + "documentation for details.");

            IamClient iam = server.iam();
            iam.createUser(r -> r.userName("dev-user"));
            AccessKey deactivated = iam.createAccessKey(r -> r.userName("dev-user")).accessKey();
            AccessKey deleted = iam.createAccessKey(r -> r.userName("dev-user")).accessKey();
            iam.updateAccessKey(r -> r.userName("dev-user").accessKeyId(deactivated.accessKeyId())
                    .status(StatusType.INACTIVE));
            iam.deleteAccessKey(r -> r.userName("dev-user").accessKeyId(deleted.accessKeyId()));

            for (AccessKey key : new AccessKey[] {deactivated, deleted}) {
                assertAwsError(() -> callerArn(server, AwsBasicCredentials.create(key.accessKeyId(),
                        key.secretAccessKey())), "InvalidClientTokenId", 403, INVALID_KEY);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withoutDevModeUnknownKeysAreRefusedAndThereIsNoReset(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory, false)) {
            assertAwsError(() -> callerArn(server, AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "any secret")),
                    "InvalidClientTokenId", 403, INVALID_KEY);
            server.iam().createUser(r -> r.userName("stays"));

            RawHttp.Response reset = reset(server);
            assertThat(reset.status()).as("an unsigned request to the API, as any other path").isEqualTo(403);
            assertThat(new String(reset.body(), StandardCharsets.UTF_8))
                    .contains("MissingAuthenticationToken");
            assertThat(server.iam().getUser(r -> r.userName("stays")).user().userName()).isEqualTo("stays");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void resetWipesEveryKindOfStateButTheRootKey(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory, true)) {
            IamClient iam = server.iam();
            iam.createAccountAlias(r -> r.accountAlias("dev-reset-alias"));
            iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(12));
            iam.createUser(r -> r.userName("wiped"));
            iam.createAccessKey(r -> r.userName("wiped"));
            iam.createLoginProfile(r -> r.userName("wiped").password("Long-enough-password-1"));
            iam.createGroup(r -> r.groupName("wiped-group"));
            iam.addUserToGroup(r -> r.groupName("wiped-group").userName("wiped"));
            iam.createRole(r -> r.roleName("wiped-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
            iam.createPolicy(r -> r.policyName("wiped-policy").policyDocument(IamFixtures.allow("iam:GetUser")));
            iam.createInstanceProfile(r -> r.instanceProfileName("wiped-profile"));
            TotpCodes.enableNew(iam, "wiped", "wiped-device");
            KeyPair keys = CredentialFixtures.rsa(2048);
            iam.uploadSSHPublicKey(r -> r.userName("wiped").sshPublicKeyBody(CredentialFixtures.openSsh(keys, "dev")));
            iam.uploadServerCertificate(r -> r.serverCertificateName("wiped-certificate")
                    .certificateBody(CredentialFixtures.pem(CredentialFixtures.selfSigned(keys, "dev.example")))
                    .privateKey(CredentialFixtures.pkcs8(keys)));
            iam.createOpenIDConnectProvider(r -> r.url("http://localhost:9999/realms/wiped").clientIDList("app"));
            iam.createSAMLProvider(r -> r.name("wiped-idp")
                    .samlMetadataDocument(SamlMetadataSamples.document("urn:wiped")));

            iam.generateCredentialReport();
            iam.enableOutboundWebIdentityFederation(r -> {});

            Credentials issued;
            try (StsClient sts = server.sts(TestServer.root())) {
                issued = sts.getSessionToken().credentials();
            }
            AwsSessionCredentials before = AwsSessionCredentials.create(issued.accessKeyId(), issued.secretAccessKey(),
                    issued.sessionToken());
            assertThat(callerArn(server, before)).isEqualTo(ROOT_ARN);

            RawHttp.Response reset = reset(server);
            assertThat(reset.status()).isEqualTo(200);
            assertAwsError(() -> callerArn(server, before), "InvalidClientTokenId", 403,
                    "The security token included in the request is invalid");

            for (int round = 0; round < 2; round++) {
                IamClient after = server.iam();
                assertThat(after.listUsers().users()).isEmpty();
                assertThat(after.listGroups().groups()).isEmpty();
                assertThat(after.listRoles().roles()).isEmpty();
                assertThat(after.listPolicies(r -> r.scope("Local")).policies()).isEmpty();
                assertThat(after.listInstanceProfiles().instanceProfiles()).isEmpty();
                assertThat(after.listVirtualMFADevices().virtualMFADevices()).isEmpty();
                assertThat(after.listServerCertificates().serverCertificateMetadataList()).isEmpty();
                assertThat(after.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
                assertThat(after.listSAMLProviders().samlProviderList()).isEmpty();
                assertThat(after.listAccountAliases().accountAliases()).isEmpty();
                assertAwsError(after::getAccountPasswordPolicy, "NoSuchEntity", 404,
                        "The Password Policy with domain name " + TestServer.ACCOUNT + " cannot be found.");
                assertThat(catchThrowableOfType(IamException.class, after::getCredentialReport).awsErrorDetails()
                        .errorCode()).isEqualTo("ReportNotPresent");
                assertAwsError(() -> after.getOutboundWebIdentityFederationInfo(r -> {}), "FeatureDisabled", 404,
                        "Outbound identity federation is disabled for this account.");
                assertThat(callerArn(server, TestServer.root())).isEqualTo(ROOT_ARN);
                server.restart(); // and nothing comes back from the store
            }
        }
    }
}
