package io.gatehouse.server.it;

import static io.gatehouse.server.it.CredentialFixtures.certificate;
import static io.gatehouse.server.it.CredentialFixtures.ec;
import static io.gatehouse.server.it.CredentialFixtures.pem;
import static io.gatehouse.server.it.CredentialFixtures.pkcs8;
import static io.gatehouse.server.it.CredentialFixtures.rsa;
import static io.gatehouse.server.it.CredentialFixtures.selfSigned;
import static io.gatehouse.server.it.CredentialFixtures.traditional;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesResponse;
import software.amazon.awssdk.services.iam.model.ServerCertificate;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateResponse;

/**
 * Server certificates: certificate, key and chain checks, the private key never shown or stored in the clear,
 * renaming, listing, tags, the quota, authorization and persistence.
 */
class ServerCertificatesTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final KeyPair CA = rsa(2048);
    private static final KeyPair LEAF = rsa(2048);
    private static final KeyPair EC = ec();
    private static final Instant NOW = Instant.now();
    private static final X509Certificate CA_CERTIFICATE = certificate(CA, "Test CA", CA, "Test CA",
            NOW.minus(1, ChronoUnit.DAYS), NOW.plus(900, ChronoUnit.DAYS));
    private static final X509Certificate LEAF_CERTIFICATE = certificate(LEAF, "www.example.com", CA, "Test CA",
            NOW.minus(1, ChronoUnit.DAYS), NOW.plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCertificateIsUploadedWithItsChainAndNeverShowsItsKey(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String body = pem(LEAF_CERTIFICATE);
        String chain = pem(CA_CERTIFICATE);
        String key = traditional(LEAF);
        Instant before = Instant.now().minusSeconds(1);
        UploadServerCertificateResponse uploaded = iam.uploadServerCertificate(r -> r.serverCertificateName("web")
                .path("/cloudfront/prod/").certificateBody(body).certificateChain(chain).privateKey(key)
                .tags(Tag.builder().key("team").value("edge").build()));
        ServerCertificateMetadata metadata = uploaded.serverCertificateMetadata();
        assertThat(metadata.serverCertificateId()).startsWith("ASCA").hasSize(21);
        assertThat(metadata.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":server-certificate/cloudfront/prod/web");
        assertThat(metadata.path()).isEqualTo("/cloudfront/prod/");
        assertThat(metadata.expiration()).isEqualTo(LEAF_CERTIFICATE.getNotAfter().toInstant());
        assertThat(metadata.uploadDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(uploaded.tags()).extracting(Tag::key).containsExactly("team");

        ServerCertificate got = iam.getServerCertificate(r -> r.serverCertificateName("WEB")).serverCertificate();
        assertThat(got.serverCertificateMetadata()).isEqualTo(metadata);
        assertThat(got.certificateBody()).isEqualTo(body);
        assertThat(got.certificateChain()).isEqualTo(chain);
        assertThat(got.tags()).extracting(Tag::value).containsExactly("edge");
        int held = iam.listServerCertificates().serverCertificateMetadataList().size();
        assertThat(held).isPositive();
        assertThat(iam.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.SERVER_CERTIFICATES, held)
                .containsEntry(SummaryKeyType.SERVER_CERTIFICATES_QUOTA, 20);

        String keyText = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        Thread.sleep(300); // the audit events of reads are queued
        List<AuditRow> events = server.server().store().audit(AuditQuery.between(before, Instant.now().plusSeconds(5))
                .limit(1000));
        assertThat(events).extracting(e -> e.event().eventName()).contains("UploadServerCertificate");
        assertThat(events).allSatisfy(e -> assertThat(e.event().body()).doesNotContain(keyText));
        List<String> rows = new ArrayList<>();
        server.server().store().load(account -> {}, row -> rows.add(row.body()));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("\"name\":\"web\""))
                .allSatisfy(row -> assertThat(row).doesNotContain(keyText));

        server.restart();
        IamClient after = server.iam();
        assertThat(after.getServerCertificate(r -> r.serverCertificateName("web")).serverCertificate())
                .isEqualTo(got);
        assertThat(server.server().state().current().account(ACCOUNT).others().serverCertificate("web").privateKey())
                .as("the key is unsealed after a restart").isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rsaAndEcKeysAreTakenInEachPemForm(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        X509Certificate rsaCertificate = selfSigned(LEAF, "rsa.example.com");
        X509Certificate ecCertificate = selfSigned(EC, "ec.example.com");
        upload(iam, "forms-rsa-pkcs8", pem(rsaCertificate), pkcs8(LEAF));
        upload(iam, "forms-rsa-pkcs1", pem(rsaCertificate), traditional(LEAF));
        upload(iam, "forms-ec-pkcs8", pem(ecCertificate), pkcs8(EC));
        upload(iam, "forms-ec-sec1", pem(ecCertificate),
                "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + traditional(EC));
        assertThat(iam.listServerCertificates(r -> r.pathPrefix("/forms/")).serverCertificateMetadataList())
                .extracting(ServerCertificateMetadata::serverCertificateName)
                .containsExactly("forms-ec-pkcs8", "forms-ec-sec1", "forms-rsa-pkcs1", "forms-rsa-pkcs8");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void badCertificatesKeysAndChainsAreRefusedAndChangeNothing(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String body = pem(LEAF_CERTIFICATE);
        String mismatch = "The public key certificate and the private key do not match.";
        assertAwsError(() -> upload(iam, "bad", body, pkcs8(rsa(2048))), "KeyPairMismatch", 400, mismatch);
        assertAwsError(() -> upload(iam, "bad", body, traditional(CA)), "KeyPairMismatch", 400, mismatch);
        assertAwsError(() -> upload(iam, "bad", body, pkcs8(EC)), "KeyPairMismatch", 400, mismatch);
        assertAwsError(() -> upload(iam, "bad", body, traditional(EC)), "KeyPairMismatch", 400, mismatch);
        String keyNotPem = "Unable to parse private key. Please ensure the private key is in PEM format.";
        assertAwsError(() -> upload(iam, "bad", body, "not a key"), "MalformedCertificate", 400, keyNotPem);
        assertAwsError(() -> upload(iam, "bad", body, pem("PRIVATE KEY", new byte[] {1, 2, 3})),
                "MalformedCertificate", 400, keyNotPem);
        assertAwsError(() -> upload(iam, "bad", body, pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3})),
                "MalformedCertificate", 400, keyNotPem);
        assertAwsError(() -> upload(iam, "bad", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                pkcs8(LEAF)), "MalformedCertificate", 400,
                "Unable to parse certificate. Please ensure the certificate is in PEM format.");
        Instant end = NOW.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String expired = pem(certificate(LEAF, "old", LEAF, "old", NOW.minus(9, ChronoUnit.DAYS), end));
        assertAwsError(() -> upload(iam, "bad", expired, pkcs8(LEAF)), "MalformedCertificate", 400,
                "The certificate expired on " + end + ".");

        String badChain = "Unable to validate certificate chain. The certificate chain must start with the immediate "
                + "signing certificate, followed by any intermediaries in order. The index within the chain of the "
                + "invalid certificate is: ";
        X509Certificate other = selfSigned(rsa(2048), "Other CA");
        assertAwsError(() -> iam.uploadServerCertificate(r -> r.serverCertificateName("bad").certificateBody(body)
                .privateKey(pkcs8(LEAF)).certificateChain(pem(other))), "MalformedCertificate", 400, badChain + 0);
        assertAwsError(() -> iam.uploadServerCertificate(r -> r.serverCertificateName("bad").certificateBody(body)
                .privateKey(pkcs8(LEAF)).certificateChain(pem(CA_CERTIFICATE, other))), "MalformedCertificate", 400,
                badChain + 1);
        assertAwsError(() -> iam.uploadServerCertificate(r -> r.serverCertificateName("bad").certificateBody(body)
                .privateKey(pkcs8(LEAF)).certificateChain("junk\n" + pem(CA_CERTIFICATE))), "MalformedCertificate",
                400, badChain + 0);
        assertAwsError(() -> upload(iam, "bad", body, pkcs8(LEAF) + "x".repeat(16_384)), "ValidationError", 400,
                "1 validation error detected: Value at 'privateKey' failed to satisfy constraint: Member must have "
                        + "length less than or equal to 16384");
        assertAwsError(() -> iam.getServerCertificate(r -> r.serverCertificateName("bad")), "NoSuchEntity", 404,
                "The Server Certificate with name bad cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void certificatesAreRenamedMovedListedTaggedAndDeleted(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String body = pem(LEAF_CERTIFICATE);
        String key = pkcs8(LEAF);
        upload(iam, "life-a", body, key);
        upload(iam, "life-b", body, key);
        assertAwsError(() -> upload(iam, "LIFE-A", body, key), "EntityAlreadyExists", 409,
                "The Server Certificate with name LIFE-A already exists.");
        assertAwsError(() -> iam.updateServerCertificate(r -> r.serverCertificateName("life-a")
                .newServerCertificateName("life-b")), "EntityAlreadyExists", 409,
                "The Server Certificate with name life-b already exists.");
        String id = iam.getServerCertificate(r -> r.serverCertificateName("life-a")).serverCertificate()
                .serverCertificateMetadata().serverCertificateId();
        iam.updateServerCertificate(r -> r.serverCertificateName("life-a").newServerCertificateName("life-c")
                .newPath("/life/"));
        ServerCertificateMetadata moved = iam.getServerCertificate(r -> r.serverCertificateName("life-c"))
                .serverCertificate().serverCertificateMetadata();
        assertThat(moved.serverCertificateId()).isEqualTo(id);
        assertThat(moved.arn()).endsWith(":server-certificate/life/life-c");
        assertAwsError(() -> iam.getServerCertificate(r -> r.serverCertificateName("life-a")), "NoSuchEntity", 404,
                "The Server Certificate with name life-a cannot be found.");
        assertThat(iam.listServerCertificates(r -> r.pathPrefix("/life/")).serverCertificateMetadataList())
                .extracting(ServerCertificateMetadata::serverCertificateName).containsExactly("life-c");
        ListServerCertificatesResponse page = iam.listServerCertificates(r -> r.maxItems(1));
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listServerCertificates(r -> r.marker(page.marker())).serverCertificateMetadataList())
                .extracting(ServerCertificateMetadata::serverCertificateName)
                .doesNotContain(page.serverCertificateMetadataList().getFirst().serverCertificateName());

        iam.tagServerCertificate(r -> r.serverCertificateName("life-b").tags(tag("Env", "prod"), tag("env", "dev")));
        assertThat(iam.listServerCertificateTags(r -> r.serverCertificateName("life-b")).tags())
                .as("keys that differ by case are two tags").extracting(Tag::key).containsExactly("Env", "env");
        iam.untagServerCertificate(r -> r.serverCertificateName("life-b").tagKeys("Env"));
        assertThat(iam.listServerCertificateTags(r -> r.serverCertificateName("life-b")).tags())
                .extracting(Tag::key).containsExactly("env");
        assertAwsError(() -> iam.tagServerCertificate(r -> r.serverCertificateName("life-b").tags(tag("aws:x", "y"))),
                "InvalidInput", 400, "Tag keys beginning with aws: are reserved for system use.");
        assertAwsError(() -> iam.tagServerCertificate(r -> r.serverCertificateName("life-z").tags(tag("a", "b"))),
                "NoSuchEntity", 404, "The Server Certificate with name life-z cannot be found.");

        iam.deleteServerCertificate(r -> r.serverCertificateName("life-b"));
        iam.deleteServerCertificate(r -> r.serverCertificateName("life-c"));
        assertAwsError(() -> iam.deleteServerCertificate(r -> r.serverCertificateName("life-c")), "NoSuchEntity", 404,
                "The Server Certificate with name life-c cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountHoldsTwentyCertificates(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String body = pem(LEAF_CERTIFICATE);
        String key = pkcs8(LEAF);
        int held = iam.listServerCertificates().serverCertificateMetadataList().size();
        for (int i = held; i < 20; i++) {
            upload(iam, "quota-" + i, body, key);
        }
        assertAwsError(() -> upload(iam, "quota-over", body, key), "LimitExceeded", 409,
                "Cannot exceed quota for ServerCertificatesPerAccount: 20");
        assertThat(iam.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.SERVER_CERTIFICATES, 20);
        for (ServerCertificateMetadata certificate : iam.listServerCertificates().serverCertificateMetadataList()) {
            iam.deleteServerCertificate(r -> r.serverCertificateName(certificate.serverCertificateName()));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void certificatesAreAuthorizedOnTheirArn(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials gina = userWithKey(server.iam(), "scert-gina");
        String ginaArn = "arn:aws:iam::" + ACCOUNT + ":user/scert-gina";
        IamClient user = server.iam(gina);
        String body = pem(LEAF_CERTIFICATE);
        String arn = "arn:aws:iam::" + ACCOUNT + ":server-certificate/teams/gina-web";
        assertDenied(() -> user.uploadServerCertificate(r -> r.serverCertificateName("gina-web").path("/teams/")
                .certificateBody(body).privateKey(pkcs8(LEAF))), ginaArn, "iam:UploadServerCertificate", arn);
        assertDenied(user::listServerCertificates, ginaArn, "iam:ListServerCertificates", "*");
        grant(server.iam(), "scert-gina", allowWhere("[\"iam:UploadServerCertificate\",\"iam:GetServerCertificate\"]",
                "\"arn:aws:iam::*:server-certificate/teams/*\"", null));
        user.uploadServerCertificate(r -> r.serverCertificateName("gina-web").path("/teams/").certificateBody(body)
                .privateKey(pkcs8(LEAF)));
        assertThat(user.getServerCertificate(r -> r.serverCertificateName("gina-web")).serverCertificate()
                .certificateBody()).isEqualTo(body);
        assertDenied(() -> user.uploadServerCertificate(r -> r.serverCertificateName("gina-other")
                .path("/teams/").certificateBody(body).privateKey(pkcs8(LEAF)).tags(tag("a", "b"))), ginaArn,
                "iam:TagServerCertificate", arn.replace("gina-web", "gina-other"));
        assertDenied(() -> user.deleteServerCertificate(r -> r.serverCertificateName("gina-web")), ginaArn,
                "iam:DeleteServerCertificate", arn);
        assertThat(server.iam().listServerCertificates(r -> r.pathPrefix("/teams/")).serverCertificateMetadataList())
                .extracting(ServerCertificateMetadata::serverCertificateName).containsExactly("gina-web");
        server.iam().deleteServerCertificate(r -> r.serverCertificateName("gina-web"));
    }

    private static UploadServerCertificateResponse upload(IamClient iam, String name, String body, String key) {
        return iam.uploadServerCertificate(r -> r.serverCertificateName(name)
                .path(name.startsWith("forms-") ? "/forms/" : "/").certificateBody(body).privateKey(key));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
