package io.gatehouse.server.it;

import static io.gatehouse.server.it.CredentialFixtures.md5Fingerprint;
import static io.gatehouse.server.it.CredentialFixtures.openSsh;
import static io.gatehouse.server.it.CredentialFixtures.pem;
import static io.gatehouse.server.it.CredentialFixtures.rsa;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EncodingType;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysResponse;
import software.amazon.awssdk.services.iam.model.SSHPublicKey;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

/** SSH public keys: their encodings and fingerprint, status, quota, bad keys, authorization and persistence. */
class SshPublicKeysTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final KeyPair FIRST = rsa(2048);
    private static final KeyPair SECOND = rsa(3072);

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aKeyIsUploadedInEitherEncodingAndReadInBoth(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("ssh-alice"));
        String body = openSsh(FIRST, "alice@laptop");
        Instant before = Instant.now().minusSeconds(1);
        SSHPublicKey uploaded = iam.uploadSSHPublicKey(r -> r.userName("ssh-alice").sshPublicKeyBody(body))
                .sshPublicKey();
        assertThat(uploaded.sshPublicKeyId()).startsWith("APKA").hasSize(20);
        assertThat(uploaded.userName()).isEqualTo("ssh-alice");
        assertThat(uploaded.fingerprint()).isEqualTo(md5Fingerprint(FIRST)).hasSize(47);
        assertThat(uploaded.sshPublicKeyBody()).isEqualTo(body);
        assertThat(uploaded.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(uploaded.uploadDate()).isBetween(before, Instant.now().plusSeconds(1));

        SSHPublicKey asSsh = iam.getSSHPublicKey(r -> r.userName("ssh-alice").sshPublicKeyId(uploaded.sshPublicKeyId())
                .encoding(EncodingType.SSH)).sshPublicKey();
        assertThat(asSsh.sshPublicKeyBody()).as("without the comment").isEqualTo(body.substring(0, body.lastIndexOf(' ')));
        assertThat(asSsh.fingerprint()).isEqualTo(uploaded.fingerprint());
        SSHPublicKey asPem = iam.getSSHPublicKey(r -> r.userName("ssh-alice").sshPublicKeyId(uploaded.sshPublicKeyId())
                .encoding(EncodingType.PEM)).sshPublicKey();
        assertThat(asPem.sshPublicKeyBody()).isEqualToIgnoringNewLines(pem("PUBLIC KEY", FIRST.getPublic().getEncoded()));

        String pemBody = pem("PUBLIC KEY", SECOND.getPublic().getEncoded());
        SSHPublicKey fromPem = iam.uploadSSHPublicKey(r -> r.userName("ssh-alice").sshPublicKeyBody(pemBody))
                .sshPublicKey();
        assertThat(fromPem.fingerprint()).isEqualTo(md5Fingerprint(SECOND));
        assertThat(iam.getSSHPublicKey(r -> r.userName("ssh-alice").sshPublicKeyId(fromPem.sshPublicKeyId())
                .encoding(EncodingType.SSH)).sshPublicKey().sshPublicKeyBody())
                .isEqualTo(openSsh(SECOND, "x").replace(" x", ""));

        ListSshPublicKeysResponse listed = iam.listSSHPublicKeys(r -> r.userName("ssh-alice"));
        assertThat(listed.sshPublicKeys()).extracting(SSHPublicKeyMetadata::sshPublicKeyId)
                .containsExactly(uploaded.sshPublicKeyId(), fromPem.sshPublicKeyId());
        assertThat(listed.isTruncated()).isFalse();
        ListSshPublicKeysResponse page = iam.listSSHPublicKeys(r -> r.userName("ssh-alice").maxItems(1));
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listSSHPublicKeys(r -> r.userName("ssh-alice").marker(page.marker())).sshPublicKeys())
                .extracting(SSHPublicKeyMetadata::sshPublicKeyId).containsExactly(fromPem.sshPublicKeyId());

        iam.updateSSHPublicKey(r -> r.userName("ssh-alice").sshPublicKeyId(fromPem.sshPublicKeyId())
                .status(StatusType.INACTIVE));
        assertThat(iam.listSSHPublicKeys(r -> r.userName("ssh-alice")).sshPublicKeys())
                .extracting(SSHPublicKeyMetadata::status).containsExactly(StatusType.ACTIVE, StatusType.INACTIVE);
        assertAwsError(() -> iam.updateSSHPublicKey(r -> r.userName("ssh-alice")
                        .sshPublicKeyId(fromPem.sshPublicKeyId()).status(StatusType.EXPIRED)), "InvalidInput", 400,
                "Invalid status Expired for an SSH public key: use Active or Inactive.");

        iam.deleteSSHPublicKey(r -> r.userName("ssh-alice").sshPublicKeyId(fromPem.sshPublicKeyId()));
        String missing = "The SSH public key with id " + fromPem.sshPublicKeyId() + " cannot be found.";
        assertAwsError(() -> iam.getSSHPublicKey(r -> r.userName("ssh-alice").sshPublicKeyId(fromPem.sshPublicKeyId())
                .encoding(EncodingType.SSH)), "NoSuchEntity", 404, missing);
        assertAwsError(() -> iam.deleteSSHPublicKey(r -> r.userName("ssh-alice")
                .sshPublicKeyId(fromPem.sshPublicKeyId())), "NoSuchEntity", 404, missing);
        assertThat(iam.listSSHPublicKeys(r -> r.userName("ssh-alice")).sshPublicKeys()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void badKeysAreRefusedAndChangeNothing(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("ssh-bob"));
        assertAwsError(() -> upload(iam, "ssh-bob", "this is not a key"), "UnrecognizedPublicKeyEncoding", 400,
                "The public key encoding format is unsupported or unrecognized: use ssh-rsa or PEM.");
        assertAwsError(() -> upload(iam, "ssh-bob", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGarbage bob"),
                "UnrecognizedPublicKeyEncoding", 400,
                "The public key encoding format is unsupported or unrecognized: use ssh-rsa or PEM.");
        String invalid = "The public key is malformed or otherwise invalid.";
        assertAwsError(() -> upload(iam, "ssh-bob", "ssh-rsa %%%not-base64%%%"), "InvalidPublicKey", 400, invalid);
        String wrongType = "ssh-rsa " + Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 7, 's', 's', 'h', '-',
                'd', 's', 's', 0, 0, 0, 1, 1});
        assertAwsError(() -> upload(iam, "ssh-bob", wrongType), "InvalidPublicKey", 400, invalid);
        assertAwsError(() -> upload(iam, "ssh-bob", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
                "InvalidPublicKey", 400, invalid);
        assertAwsError(() -> upload(iam, "ssh-bob", openSsh(rsa(1024), "small")), "InvalidPublicKey", 400,
                "The public key is malformed or otherwise invalid: it must be at least 2048 bits long.");
        assertAwsError(() -> upload(iam, "ssh-bob", "ssh-rsa " + "A".repeat(16_384)), "ValidationError", 400,
                "1 validation error detected: Value at 'sSHPublicKeyBody' failed to satisfy constraint: Member must "
                        + "have length less than or equal to 16384");
        assertAwsError(() -> upload(iam, "ssh-nobody", openSsh(FIRST, "c")), "NoSuchEntity", 404,
                "The user with name ssh-nobody cannot be found.");
        assertThat(iam.listSSHPublicKeys(r -> r.userName("ssh-bob")).sshPublicKeys()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserHoldsFiveKeysAndNoneTwice(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("ssh-carol"));
        iam.createUser(r -> r.userName("ssh-carl"));
        upload(iam, "ssh-carol", openSsh(FIRST, "one"));
        assertAwsError(() -> upload(iam, "ssh-carol", pem("PUBLIC KEY", FIRST.getPublic().getEncoded())),
                "DuplicateSSHPublicKey", 400, "The SSH public key is already associated with the specified IAM user.");
        upload(iam, "ssh-carl", openSsh(FIRST, "another user may hold it"));
        for (int i = 0; i < 4; i++) {
            upload(iam, "ssh-carol", openSsh(rsa(2048), "more"));
        }
        assertAwsError(() -> upload(iam, "ssh-carol", openSsh(SECOND, "sixth")), "LimitExceeded", 409,
                "Cannot exceed quota for SSHPublicKeysPerUser: 5");
        assertThat(iam.listSSHPublicKeys(r -> r.userName("ssh-carol")).sshPublicKeys()).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserWithKeysIsNotDeletedAndKeysFollowARenameAcrossARestart(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        iam.createUser(r -> r.userName("ssh-dave"));
        String id = upload(iam, "ssh-dave", openSsh(FIRST, "dave")).sshPublicKeyId();
        assertAwsError(() -> iam.deleteUser(r -> r.userName("ssh-dave")), "DeleteConflict", 409,
                "Cannot delete entity, must remove referenced objects first.");
        iam.updateUser(r -> r.userName("ssh-dave").newUserName("ssh-david"));
        server.restart();
        IamClient after = server.iam();
        SSHPublicKey key = after.getSSHPublicKey(r -> r.userName("ssh-david").sshPublicKeyId(id)
                .encoding(EncodingType.SSH)).sshPublicKey();
        assertThat(key.userName()).isEqualTo("ssh-david");
        assertThat(key.fingerprint()).isEqualTo(md5Fingerprint(FIRST));
        assertAwsError(() -> after.listSSHPublicKeys(r -> r.userName("ssh-dave")), "NoSuchEntity", 404,
                "The user with name ssh-dave cannot be found.");
        after.deleteSSHPublicKey(r -> r.userName("ssh-david").sshPublicKeyId(id));
        after.deleteUser(r -> r.userName("ssh-david"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void keysAreAuthorizedOnTheirUser(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials erin = userWithKey(server.iam(), "ssh-erin");
        String erinArn = "arn:aws:iam::" + ACCOUNT + ":user/ssh-erin";
        IamClient own = server.iam(erin);
        assertDenied(() -> upload(own, "ssh-erin", openSsh(FIRST, "e")), erinArn, "iam:UploadSSHPublicKey",
                "user ssh-erin");
        assertDenied(() -> own.listSSHPublicKeys(), erinArn, "iam:ListSSHPublicKeys", "user nullssh-erin");
        grant(server.iam(), "ssh-erin",
                allowWhere("\"iam:*SSHPublicKey*\"", "\"arn:aws:iam::*:user/${aws:username}\"", null));
        String id = upload(own, "ssh-erin", openSsh(FIRST, "e")).sshPublicKeyId();
        assertThat(own.listSSHPublicKeys().sshPublicKeys()).extracting(SSHPublicKeyMetadata::sshPublicKeyId)
                .containsExactly(id);
        server.iam().createUser(r -> r.userName("ssh-frank"));
        assertDenied(() -> own.listSSHPublicKeys(r -> r.userName("ssh-frank")), erinArn, "iam:ListSSHPublicKeys",
                "user ssh-frank");
        assertDenied(() -> upload(own, "ssh-frank", openSsh(SECOND, "f")), erinArn, "iam:UploadSSHPublicKey",
                "user ssh-frank");
        assertThat(server.iam().listSSHPublicKeys(r -> r.userName("ssh-frank")).sshPublicKeys()).isEmpty();
    }

    private static SSHPublicKey upload(IamClient iam, String user, String body) {
        return iam.uploadSSHPublicKey(r -> r.userName(user).sshPublicKeyBody(body)).sshPublicKey();
    }
}
