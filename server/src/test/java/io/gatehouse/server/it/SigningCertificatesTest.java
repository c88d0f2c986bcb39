package io.gatehouse.server.it;

import static io.gatehouse.server.it.CredentialFixtures.certificate;
import static io.gatehouse.server.it.CredentialFixtures.pem;
import static io.gatehouse.server.it.CredentialFixtures.rsa;
import static io.gatehouse.server.it.CredentialFixtures.selfSigned;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListSigningCertificatesResponse;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

/** Signing certificates: their life, quota, duplicates, bad certificates, the root user's own, authorization. */
class SigningCertificatesTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final KeyPair KEYS = rsa(2048);

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserHoldsTwoCertificatesActiveOrNot(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        iam.createUser(r -> r.userName("sc-alice"));
        String body = pem(selfSigned(KEYS, "alice-1"));
        Instant before = Instant.now().minusSeconds(1);
        SigningCertificate first = upload(iam, "sc-alice", body);
        assertThat(first.certificateId()).hasSizeGreaterThanOrEqualTo(24).matches("\\w+");
        assertThat(first.userName()).isEqualTo("sc-alice");
        assertThat(first.certificateBody()).isEqualTo(body);
        assertThat(first.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(first.uploadDate()).isBetween(before, Instant.now().plusSeconds(1));
        SigningCertificate second = upload(iam, "sc-alice", pem(selfSigned(KEYS, "alice-2")));
        iam.updateSigningCertificate(r -> r.userName("sc-alice").certificateId(second.certificateId())
                .status(StatusType.INACTIVE));
        assertAwsError(() -> upload(iam, "sc-alice", pem(selfSigned(KEYS, "alice-3"))), "LimitExceeded", 409,
                "Cannot exceed quota for SigningCertificatesPerUser: 2");

        ListSigningCertificatesResponse listed = iam.listSigningCertificates(r -> r.userName("sc-alice"));
        assertThat(listed.certificates()).extracting(SigningCertificate::certificateId)
                .containsExactly(first.certificateId(), second.certificateId());
        assertThat(listed.certificates()).extracting(SigningCertificate::status)
                .containsExactly(StatusType.ACTIVE, StatusType.INACTIVE);
        assertThat(listed.certificates().getFirst().certificateBody()).isEqualTo(body);
        ListSigningCertificatesResponse page = iam.listSigningCertificates(r -> r.userName("sc-alice").maxItems(1));
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listSigningCertificates(r -> r.userName("sc-alice").marker(page.marker())).certificates())
                .extracting(SigningCertificate::certificateId).containsExactly(second.certificateId());
        assertAwsError(() -> iam.updateSigningCertificate(r -> r.userName("sc-alice")
                        .certificateId(second.certificateId()).status(StatusType.EXPIRED)), "InvalidInput", 400,
                "Invalid status Expired for a signing certificate: use Active or Inactive.");

        assertAwsError(() -> iam.deleteUser(r -> r.userName("sc-alice")), "DeleteConflict", 409,
                "Cannot delete entity, must delete certificates first.");
        iam.deleteSigningCertificate(r -> r.userName("sc-alice").certificateId(second.certificateId()));
        String missing = "The Certificate with id " + second.certificateId() + " cannot be found.";
        assertAwsError(() -> iam.deleteSigningCertificate(r -> r.userName("sc-alice")
                .certificateId(second.certificateId())), "NoSuchEntity", 404, missing);
        iam.updateUser(r -> r.userName("sc-alice").newUserName("sc-alicia"));
        server.restart();
        IamClient after = server.iam();
        assertThat(after.listSigningCertificates(r -> r.userName("sc-alicia")).certificates()).singleElement()
                .satisfies(c -> {
                    assertThat(c.certificateId()).isEqualTo(first.certificateId());
                    assertThat(c.userName()).isEqualTo("sc-alicia");
                    assertThat(c.certificateBody()).isEqualTo(body);
                });
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCertificateIsHeldOnceInTheAccount(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("sc-bob"));
        iam.createUser(r -> r.userName("sc-carol"));
        String body = pem(selfSigned(KEYS, "shared"));
        SigningCertificate held = upload(iam, "sc-bob", body);
        String duplicate = "The same certificate is associated with an IAM user in the account.";
        assertAwsError(() -> upload(iam, "sc-carol", body), "DuplicateCertificate", 409, duplicate);
        assertAwsError(() -> upload(iam, "sc-bob", body), "DuplicateCertificate", 409, duplicate);
        iam.deleteSigningCertificate(r -> r.userName("sc-bob").certificateId(held.certificateId()));
        upload(iam, "sc-carol", body);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void malformedExpiredAndOversizedCertificatesAreRefusedAndChangeNothing(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("sc-dave"));
        String notPem = "Unable to parse certificate. Please ensure the certificate is in PEM format.";
        assertAwsError(() -> upload(iam, "sc-dave", "garbage"), "MalformedCertificate", 400, notPem);
        assertAwsError(() -> upload(iam, "sc-dave", pem("CERTIFICATE", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})),
                "MalformedCertificate", 400, notPem);
        String good = pem(selfSigned(KEYS, "dave"));
        assertAwsError(() -> upload(iam, "sc-dave", "text before\n" + good), "MalformedCertificate", 400, notPem);
        assertAwsError(() -> upload(iam, "sc-dave", good + good), "MalformedCertificate", 400, notPem);
        Instant now = Instant.now();
        Instant end = now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String expired = pem(certificate(KEYS, "old", KEYS, "old", now.minus(30, ChronoUnit.DAYS), end));
        assertAwsError(() -> upload(iam, "sc-dave", expired), "MalformedCertificate", 400,
                "The certificate expired on " + end + ".");
        Instant start = now.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String future = pem(certificate(KEYS, "new", KEYS, "new", start, now.plus(30, ChronoUnit.DAYS)));
        assertAwsError(() -> upload(iam, "sc-dave", future), "MalformedCertificate", 400,
                "The certificate is not valid before " + start + ".");
        assertAwsError(() -> upload(iam, "sc-dave", good + " ".repeat(16_384)), "ValidationError", 400,
                "1 validation error detected: Value at 'certificateBody' failed to satisfy constraint: Member must "
                        + "have length less than or equal to 16384");
        assertThat(iam.listSigningCertificates(r -> r.userName("sc-dave")).certificates()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withoutAUserNameTheCallerManagesItsOwnCertificatesTheRootUserIncluded(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient root = server.iam();
        SigningCertificate own = root.uploadSigningCertificate(r -> r.certificateBody(pem(selfSigned(KEYS, "root"))))
                .certificate();
        assertThat(own.userName()).isNull();
        assertThat(root.listSigningCertificates().certificates()).extracting(SigningCertificate::certificateId)
                .containsExactly(own.certificateId());
        assertThat(root.getAccountSummary().summaryMap())
                .containsEntry(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT, 1)
                .containsEntry(SummaryKeyType.SIGNING_CERTIFICATES_PER_USER_QUOTA, 2);
        root.deleteSigningCertificate(r -> r.certificateId(own.certificateId()));
        assertThat(root.getAccountSummary().summaryMap())
                .containsEntry(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT, 0);

        AwsCredentials erin = userWithKey(root, "sc-erin");
        String erinArn = "arn:aws:iam::" + ACCOUNT + ":user/sc-erin";
        IamClient user = server.iam(erin);
        assertDenied(() -> user.listSigningCertificates(), erinArn, "iam:ListSigningCertificates", "user nullsc-erin");
        assertDenied(() -> user.uploadSigningCertificate(r -> r.certificateBody(pem(selfSigned(KEYS, "erin")))),
                erinArn, "iam:UploadSigningCertificate", "user nullsc-erin");
        grant(root, "sc-erin", allowWhere("\"iam:*SigningCertificate*\"", "\"arn:aws:iam::*:user/${aws:username}\"",
                null));
        SigningCertificate erins = user.uploadSigningCertificate(r -> r.certificateBody(pem(selfSigned(KEYS, "erin"))))
                .certificate();
        assertThat(erins.userName()).isEqualTo("sc-erin");
        user.updateSigningCertificate(r -> r.certificateId(erins.certificateId()).status(StatusType.INACTIVE));
        assertThat(root.listSigningCertificates(r -> r.userName("sc-erin")).certificates())
                .extracting(SigningCertificate::status).containsExactly(StatusType.INACTIVE);
        root.createUser(r -> r.userName("sc-frank"));
        assertDenied(() -> user.uploadSigningCertificate(r -> r.userName("sc-frank")
                .certificateBody(pem(selfSigned(KEYS, "frank")))), erinArn, "iam:UploadSigningCertificate",
                "user sc-frank");
        assertThat(root.listSigningCertificates(r -> r.userName("sc-frank")).certificates()).isEmpty();
    }

    private static SigningCertificate upload(IamClient iam, String user, String body) {
        return iam.uploadSigningCertificate(r -> r.userName(user).certificateBody(body)).certificate();
    }
}
