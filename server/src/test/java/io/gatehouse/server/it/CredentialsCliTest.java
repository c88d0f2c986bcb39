package io.gatehouse.server.it;

import static io.gatehouse.server.it.AwsCli.aws;
import static io.gatehouse.server.it.AwsCli.root;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.store.Backend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws CLI drives every credential operation once, the way scripts do: the password policy and login profiles,
 * ChangePassword, the virtual MFA device's life (codes computed here as an authenticator app does), a replayed resync
 * refused, and an MFA session
 * from GetSessionToken, SSH public keys, signing and server certificates, and service-specific credentials; and gets
 * IAM's errors in botocore's words. SQLite only, as the other CLI tests (the SDK tests cover both backends).
 */
class CredentialsCliTest {

    @TempDir
    Path directory;

    /** Asserts the run failed with this AWS error code, as botocore prints it. */
    private static void assertError(AwsCli.Run run, String code) {
        assertThat(run.exit()).as(run.out()).isNotZero();
        assertThat(run.err()).contains("(" + code + ")");
    }

    @Test
    void passwordsAndMfaThroughTheCli() throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE, directory)) {
            root(server, "iam", "update-account-password-policy", "--minimum-password-length", "10",
                    "--require-numbers", "--allow-users-to-change-password").ok();
            assertThat(root(server, "iam", "get-account-password-policy").ok().json()
                    .at("/PasswordPolicy/MinimumPasswordLength").asInt()).isEqualTo(10);

            root(server, "iam", "create-user", "--user-name", "cli-eve").ok();
            JsonNode key = root(server, "iam", "create-access-key", "--user-name", "cli-eve").ok().json();
            String keyId = key.at("/AccessKey/AccessKeyId").asText();
            String secret = key.at("/AccessKey/SecretAccessKey").asText();
            assertError(root(server, "iam", "create-login-profile", "--user-name", "cli-eve", "--password", "no-digits-x"),
                    "PasswordPolicyViolation");
            root(server, "iam", "create-login-profile", "--user-name", "cli-eve", "--password", "first-pass-1").ok();
            assertThat(root(server, "iam", "get-login-profile", "--user-name", "cli-eve").ok().json()
                    .at("/LoginProfile/UserName").asText()).isEqualTo("cli-eve");
            root(server, "iam", "update-login-profile", "--user-name", "cli-eve", "--password", "second-pass-2",
                    "--no-password-reset-required").ok();
            assertError(aws(server, keyId, secret, "iam", "change-password", "--old-password", "first-pass-1",
                    "--new-password", "third-pass-3"), "AccessDenied");
            aws(server, keyId, secret, "iam", "change-password", "--old-password", "second-pass-2",
                    "--new-password", "third-pass-3").ok();

            Path seedFile = directory.resolve("seed.txt");
            JsonNode device = root(server, "iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "cli-eve",
                    "--outfile", seedFile.toString(), "--bootstrap-method", "Base32StringSeed",
                    "--tags", "Key=team,Value=blue").ok().json();
            String serial = device.at("/VirtualMFADevice/SerialNumber").asText();
            String seed = Files.readString(seedFile, StandardCharsets.US_ASCII).strip();
            long step = TotpCodes.freshStep();
            root(server, "iam", "enable-mfa-device", "--user-name", "cli-eve", "--serial-number", serial,
                    "--authentication-code1", TotpCodes.code(seed, step - 2),
                    "--authentication-code2", TotpCodes.code(seed, step - 1)).ok();
            assertThat(root(server, "iam", "list-mfa-devices", "--user-name", "cli-eve").ok().json()
                    .at("/MFADevices/0/SerialNumber").asText()).isEqualTo(serial);
            assertThat(root(server, "iam", "list-virtual-mfa-devices", "--assignment-status", "Assigned").ok().json()
                    .at("/VirtualMFADevices/0/User/UserName").asText()).isEqualTo("cli-eve");
            root(server, "iam", "get-mfa-device", "--serial-number", serial, "--user-name", "cli-eve").ok();
            root(server, "iam", "tag-mfa-device", "--serial-number", serial, "--tags", "Key=owner,Value=eve").ok();
            root(server, "iam", "untag-mfa-device", "--serial-number", serial, "--tag-keys", "team").ok();
            assertThat(root(server, "iam", "list-mfa-device-tags", "--serial-number", serial).ok().json()
                    .at("/Tags/0/Key").asText()).isEqualTo("owner");
            assertError(root(server, "iam", "delete-user", "--user-name", "cli-eve"), "DeleteConflict");

            JsonNode session = aws(server, keyId, secret, "sts", "get-session-token", "--serial-number", serial,
                    "--token-code", TotpCodes.code(seed, step)).ok().json();
            Map<String, String> mfaSession = Map.of(
                    "AWS_ACCESS_KEY_ID", session.at("/Credentials/AccessKeyId").asText(),
                    "AWS_SECRET_ACCESS_KEY", session.at("/Credentials/SecretAccessKey").asText(),
                    "AWS_SESSION_TOKEN", session.at("/Credentials/SessionToken").asText());
            assertThat(aws(server, mfaSession, "sts", "get-caller-identity").ok().json().at("/Arn").asText())
                    .isEqualTo("arn:aws:iam::" + TestServer.ACCOUNT + ":user/cli-eve");
            assertError(aws(server, keyId, secret, "sts", "get-session-token", "--serial-number", serial,
                    "--token-code", TotpCodes.code(seed, step)), "AccessDenied");

            root(server, "iam", "deactivate-mfa-device", "--user-name", "cli-eve", "--serial-number", serial).ok();
            root(server, "iam", "delete-virtual-mfa-device", "--serial-number", serial).ok();
            root(server, "iam", "delete-login-profile", "--user-name", "cli-eve").ok();

            // A resync takes two codes later than any spent: a device of its own, enabled with the two steps before.
            root(server, "iam", "create-user", "--user-name", "cli-gus").ok();
            Path otherSeed = directory.resolve("other-seed.txt");
            String otherSerial = root(server, "iam", "create-virtual-mfa-device", "--virtual-mfa-device-name",
                    "cli-gus", "--outfile", otherSeed.toString(), "--bootstrap-method", "Base32StringSeed").ok().json()
                    .at("/VirtualMFADevice/SerialNumber").asText();
            String gusSeed = Files.readString(otherSeed, StandardCharsets.US_ASCII).strip();
            long now = TotpCodes.freshStep();
            root(server, "iam", "enable-mfa-device", "--user-name", "cli-gus", "--serial-number", otherSerial,
                    "--authentication-code1", TotpCodes.code(gusSeed, now - 2),
                    "--authentication-code2", TotpCodes.code(gusSeed, now - 1)).ok();
            root(server, "iam", "resync-mfa-device", "--user-name", "cli-gus", "--serial-number", otherSerial,
                    "--authentication-code1", TotpCodes.code(gusSeed, now),
                    "--authentication-code2", TotpCodes.code(gusSeed, now + 1)).ok();
            assertError(root(server, "iam", "resync-mfa-device", "--user-name", "cli-gus", "--serial-number",
                    otherSerial, "--authentication-code1", TotpCodes.code(gusSeed, now),
                    "--authentication-code2", TotpCodes.code(gusSeed, now + 1)), "InvalidAuthenticationCode");
            root(server, "iam", "delete-account-password-policy").ok();
            assertError(root(server, "iam", "get-account-password-policy"), "NoSuchEntity");
        }
    }

    @Test
    void keysAndCertificatesThroughTheCli() throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE, directory)) {
            root(server, "iam", "create-user", "--user-name", "cli-fay").ok();
            KeyPair keys = CredentialFixtures.rsa(2048);

            JsonNode ssh = root(server, "iam", "upload-ssh-public-key", "--user-name", "cli-fay",
                    "--ssh-public-key-body", CredentialFixtures.openSsh(keys, "fay@cli")).ok().json();
            String sshId = ssh.at("/SSHPublicKey/SSHPublicKeyId").asText();
            assertThat(root(server, "iam", "get-ssh-public-key", "--user-name", "cli-fay", "--ssh-public-key-id",
                    sshId, "--encoding", "PEM").ok().json().at("/SSHPublicKey/SSHPublicKeyBody").asText())
                    .startsWith("-----BEGIN PUBLIC KEY-----");
            root(server, "iam", "update-ssh-public-key", "--user-name", "cli-fay", "--ssh-public-key-id", sshId,
                    "--status", "Inactive").ok();
            assertThat(root(server, "iam", "list-ssh-public-keys", "--user-name", "cli-fay").ok().json()
                    .at("/SSHPublicKeys/0/Status").asText()).isEqualTo("Inactive");
            assertError(root(server, "iam", "upload-ssh-public-key", "--user-name", "cli-fay",
                    "--ssh-public-key-body", "ssh-rsa not-a-key"), "InvalidPublicKey");
            root(server, "iam", "delete-ssh-public-key", "--user-name", "cli-fay", "--ssh-public-key-id", sshId).ok();

            String certificate = CredentialFixtures.pem(CredentialFixtures.selfSigned(keys, "fay.example"));
            JsonNode signing = root(server, "iam", "upload-signing-certificate", "--user-name", "cli-fay",
                    "--certificate-body", certificate).ok().json();
            String certificateId = signing.at("/Certificate/CertificateId").asText();
            root(server, "iam", "update-signing-certificate", "--user-name", "cli-fay", "--certificate-id",
                    certificateId, "--status", "Inactive").ok();
            assertThat(root(server, "iam", "list-signing-certificates", "--user-name", "cli-fay").ok().json()
                    .at("/Certificates/0/CertificateId").asText()).isEqualTo(certificateId);
            assertError(root(server, "iam", "upload-signing-certificate", "--user-name", "cli-fay",
                    "--certificate-body", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
                    "MalformedCertificate");
            root(server, "iam", "delete-signing-certificate", "--user-name", "cli-fay", "--certificate-id",
                    certificateId).ok();

            Path body = directory.resolve("certificate.pem");
            Path privateKey = directory.resolve("key.pem");
            Files.writeString(body, certificate);
            Files.writeString(privateKey, CredentialFixtures.pkcs8(keys));
            root(server, "iam", "upload-server-certificate", "--server-certificate-name", "cli-site",
                    "--certificate-body", "file://" + body, "--private-key", "file://" + privateKey).ok();
            assertError(root(server, "iam", "upload-server-certificate", "--server-certificate-name", "cli-other",
                    "--certificate-body", "file://" + body, "--private-key",
                    CredentialFixtures.pkcs8(CredentialFixtures.rsa(2048))), "KeyPairMismatch");
            root(server, "iam", "update-server-certificate", "--server-certificate-name", "cli-site",
                    "--new-server-certificate-name", "cli-site-2").ok();
            JsonNode got = root(server, "iam", "get-server-certificate", "--server-certificate-name", "cli-site-2")
                    .ok().json();
            assertThat(got.toString()).doesNotContain("PRIVATE KEY");
            root(server, "iam", "tag-server-certificate", "--server-certificate-name", "cli-site-2",
                    "--tags", "Key=env,Value=test").ok();
            root(server, "iam", "untag-server-certificate", "--server-certificate-name", "cli-site-2",
                    "--tag-keys", "env").ok();
            assertThat(root(server, "iam", "list-server-certificate-tags", "--server-certificate-name", "cli-site-2")
                    .ok().json().at("/Tags").size()).isZero();
            assertThat(root(server, "iam", "list-server-certificates").ok().json()
                    .at("/ServerCertificateMetadataList/0/ServerCertificateName").asText()).isEqualTo("cli-site-2");
            root(server, "iam", "delete-server-certificate", "--server-certificate-name", "cli-site-2").ok();

            JsonNode service = root(server, "iam", "create-service-specific-credential", "--user-name", "cli-fay",
                    "--service-name", "codecommit.amazonaws.com").ok().json();
            String credentialId = service.at("/ServiceSpecificCredential/ServiceSpecificCredentialId").asText();
            assertThat(service.at("/ServiceSpecificCredential/ServicePassword").asText()).isNotEmpty();
            assertThat(root(server, "iam", "reset-service-specific-credential", "--user-name", "cli-fay",
                    "--service-specific-credential-id", credentialId).ok().json()
                    .at("/ServiceSpecificCredential/ServicePassword").asText()).isNotEmpty();
            root(server, "iam", "update-service-specific-credential", "--user-name", "cli-fay",
                    "--service-specific-credential-id", credentialId, "--status", "Inactive").ok();
            assertThat(root(server, "iam", "list-service-specific-credentials", "--user-name", "cli-fay").ok().json()
                    .at("/ServiceSpecificCredentials/0/Status").asText()).isEqualTo("Inactive");
            root(server, "iam", "delete-service-specific-credential", "--user-name", "cli-fay",
                    "--service-specific-credential-id", credentialId).ok();
            root(server, "iam", "delete-user", "--user-name", "cli-fay").ok();
        }
    }
}
