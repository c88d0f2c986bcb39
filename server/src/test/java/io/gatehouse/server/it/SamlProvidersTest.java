package io.gatehouse.server.it;

import static io.gatehouse.server.it.CredentialFixtures.ec;
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

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.server.state.SamlMetadataSamples;
import io.gatehouse.server.state.SamlProvider;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
import io.gatehouse.server.store.Backend;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssertionEncryptionModeType;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.SAMLPrivateKey;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * SAML providers: metadata read and refused (XXE, DTDs, entity expansion, garbage, size) without any change, the
 * validity IAM gives them, assertion-encryption keys sealed and never shown, tags, IAM's errors, the quota,
 * authorization on the provider's ARN and persistence.
 */
class SamlProvidersTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String BAD_METADATA = "Could not parse metadata";
    private static final KeyPair IDP = rsa(2048);
    private static final String METADATA = SamlMetadataSamples.document("https://idp.example.com/saml",
            selfSigned(IDP, "idp.example.com"));

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aProviderKeepsItsMetadataIsValidForAHundredYearsAndSurvivesARestart(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        Instant before = Instant.now().minusSeconds(1);
        var created = iam.createSAMLProvider(r -> r.name("Life-IdP").samlMetadataDocument(METADATA)
                .tags(tag("team", "sso")));
        String arn = created.samlProviderArn();
        assertThat(arn).isEqualTo("arn:aws:iam::" + ACCOUNT + ":saml-provider/Life-IdP");
        assertThat(created.tags()).containsExactly(tag("team", "sso"));

        GetSamlProviderResponse got = iam.getSAMLProvider(r -> r.samlProviderArn(arn));
        assertThat(got.samlProviderUUID()).matches("[A-Z0-9]{26}");
        assertThat(got.samlMetadataDocument()).isEqualTo(METADATA);
        assertThat(got.createDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(got.validUntil()).as("no validUntil in the metadata: a hundred years")
                .isEqualTo(got.createDate().atOffset(ZoneOffset.UTC).plusYears(100).toInstant());
        assertThat(got.assertionEncryptionMode()).isEqualTo(AssertionEncryptionModeType.ALLOWED);
        assertThat(got.privateKeyList()).isEmpty();
        assertThat(got.tags()).containsExactly(tag("team", "sso"));
        assertThat(iam.listSAMLProviders().samlProviderList()).filteredOn(p -> p.arn().equals(arn))
                .singleElement().satisfies(p -> {
                    assertThat(p.createDate()).isEqualTo(got.createDate());
                    assertThat(p.validUntil()).isEqualTo(got.validUntil());
                });
        int providers = iam.listOpenIDConnectProviders().openIDConnectProviderList().size()
                + iam.listSAMLProviders().samlProviderList().size();
        assertThat(iam.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.PROVIDERS, providers);
        SamlProvider stored = server.server().state().current().account(ACCOUNT).providers().samlProvider("Life-IdP");
        assertThat(stored.metadata().entityId()).isEqualTo("https://idp.example.com/saml");
        assertThat(stored.metadata().signingCertificates().getFirst().getPublicKey()).isEqualTo(IDP.getPublic());
        assertThat(stored.metadata().singleSignOnServices()).hasSize(2);

        String dated = SamlMetadataSamples.document("https://idp.example.com/saml", SamlMetadataSamples.CERTIFICATE,
                "validUntil=\"2031-05-06T07:08:09Z\"");
        assertThat(iam.updateSAMLProvider(r -> r.samlProviderArn(arn).samlMetadataDocument(dated)).samlProviderArn())
                .isEqualTo(arn);
        GetSamlProviderResponse updated = iam.getSAMLProvider(r -> r.samlProviderArn(arn));
        assertThat(updated.validUntil()).isEqualTo(Instant.parse("2031-05-06T07:08:09Z"));
        assertThat(updated.samlMetadataDocument()).isEqualTo(dated);
        assertThat(updated.createDate()).isEqualTo(got.createDate());

        Thread.sleep(300); // the audit events of reads are queued
        assertThat(server.server().store().audit(AuditQuery.between(before, Instant.now().plusSeconds(5)).limit(1000)))
                .extracting(e -> e.event().eventName()).contains("CreateSAMLProvider", "UpdateSAMLProvider");
        server.restart();
        IamClient after = server.iam();
        assertThat(after.getSAMLProvider(r -> r.samlProviderArn(arn))).hasToString(updated.toString());
        after.deleteSAMLProvider(r -> r.samlProviderArn(arn));
        assertAwsError(() -> after.getSAMLProvider(r -> r.samlProviderArn(arn)), "NoSuchEntity", 404,
                "Manifest not found for arn " + arn);
        assertAwsError(() -> after.deleteSAMLProvider(r -> r.samlProviderArn(arn)), "NoSuchEntity", 404,
                "Manifest not found for arn " + arn);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void privateKeysAreSealedNeverShownAndRotatedOneRequestAtATime(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        Instant before = Instant.now().minusSeconds(1);
        KeyPair first = rsa(2048);
        KeyPair second = rsa(2048);
        String firstPem = pkcs8(first);
        String arn = iam.createSAMLProvider(r -> r.name("keys-idp").samlMetadataDocument(METADATA)
                .assertionEncryptionMode(AssertionEncryptionModeType.REQUIRED).addPrivateKey(firstPem))
                .samlProviderArn();
        GetSamlProviderResponse got = iam.getSAMLProvider(r -> r.samlProviderArn(arn));
        assertThat(got.assertionEncryptionMode()).isEqualTo(AssertionEncryptionModeType.REQUIRED);
        assertThat(got.privateKeyList()).singleElement().satisfies(k -> {
            assertThat(k.keyId()).matches("[A-Z0-9]{26}");
            assertThat(k.timestamp()).isBetween(before, Instant.now().plusSeconds(1));
        });
        String firstId = got.privateKeyList().getFirst().keyId();

        iam.updateSAMLProvider(r -> r.samlProviderArn(arn).addPrivateKey(traditional(second)));
        assertThat(keyIds(iam, arn)).hasSize(2).startsWith(firstId);
        assertAwsError(() -> iam.updateSAMLProvider(r -> r.samlProviderArn(arn).addPrivateKey(pkcs8(rsa(2048)))),
                "LimitExceeded", 409, "Cannot exceed quota for PrivateKeysPerSAMLProvider: 2");
        assertAwsError(() -> iam.updateSAMLProvider(r -> r.samlProviderArn(arn).addPrivateKey(firstPem)
                .removePrivateKey(firstId)), "InvalidInput", 400, "AddPrivateKey and RemovePrivateKey cannot be used "
                + "in the same request: add the new key, then remove the old one in a separate request.");
        assertAwsError(() -> iam.updateSAMLProvider(r -> r.samlProviderArn(arn).removePrivateKey("A".repeat(26))),
                "InvalidInput", 400, "The private key " + "A".repeat(26) + " does not exist for this SAML provider.");
        iam.updateSAMLProvider(r -> r.samlProviderArn(arn).removePrivateKey(firstId));
        List<String> left = keyIds(iam, arn);
        assertThat(left).hasSize(1).doesNotContain(firstId);
        String requiresKey = "AssertionEncryptionMode Required needs a private key to decrypt assertions with: add one "
                + "with AddPrivateKey.";
        assertAwsError(() -> iam.updateSAMLProvider(r -> r.samlProviderArn(arn).removePrivateKey(left.getFirst())),
                "InvalidInput", 400, requiresKey);
        assertAwsError(() -> iam.createSAMLProvider(r -> r.name("keyless").samlMetadataDocument(METADATA)
                .assertionEncryptionMode(AssertionEncryptionModeType.REQUIRED)), "InvalidInput", 400, requiresKey);
        String badKey = "Could not parse private key: it must be an unencrypted RSA private key in PEM format.";
        for (String key : List.of("not a key", pkcs8(ec()), CredentialFixtures.pem("PRIVATE KEY", new byte[] {1, 2}),
                CredentialFixtures.pem(selfSigned(first, "x")))) {
            assertAwsError(() -> iam.updateSAMLProvider(r -> r.samlProviderArn(arn).addPrivateKey(key)),
                    "InvalidInput", 400, badKey);
        }
        iam.updateSAMLProvider(r -> r.samlProviderArn(arn).assertionEncryptionMode(AssertionEncryptionModeType.ALLOWED)
                .removePrivateKey(left.getFirst()));
        iam.updateSAMLProvider(r -> r.samlProviderArn(arn).addPrivateKey(firstPem));
        assertThat(iam.getSAMLProvider(r -> r.samlProviderArn(arn)).assertionEncryptionMode())
                .isEqualTo(AssertionEncryptionModeType.ALLOWED);

        String keyText = firstPem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        String secondText = traditional(second).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        Thread.sleep(300); // the audit events of reads are queued
        List<AuditRow> events = server.server().store().audit(AuditQuery.between(before, Instant.now().plusSeconds(5))
                .limit(1000));
        assertThat(events).extracting(e -> e.event().eventName()).contains("CreateSAMLProvider", "UpdateSAMLProvider");
        assertThat(events).allSatisfy(e -> assertThat(e.event().body()).doesNotContain(keyText, secondText));
        List<String> rows = new ArrayList<>();
        server.server().store().load(account -> {}, row -> rows.add(row.body()));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("\"name\":\"keys-idp\""))
                .allSatisfy(row -> assertThat(row).doesNotContain(keyText, secondText));

        server.restart();
        SamlProvider stored = server.server().state().current().account(ACCOUNT).providers().samlProvider("keys-idp");
        assertThat(stored.privateKeys()).singleElement().satisfies(k -> assertThat(k.pem()).isEqualTo(firstPem));
        server.iam().deleteSAMLProvider(r -> r.samlProviderArn(arn));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void hostileAndMalformedMetadataIsRefusedAndChangesNothing(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        String arn = iam.createSAMLProvider(r -> r.name("attacked").samlMetadataDocument(METADATA)).samlProviderArn();
        AtomicInteger fetched = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        listener.start();
        String body = METADATA.substring(METADATA.indexOf('\n') + 1);
        String url = "http://127.0.0.1:" + listener.getAddress().getPort() + "/xxe";
        StringBuilder laughs = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        List<String> hostile = List.of(
                "<!DOCTYPE md:EntityDescriptor [<!ENTITY xxe SYSTEM \"" + url + "\">]>"
                        + body.replace("https://idp.example.com/saml", "&xxe;"),
                "<!DOCTYPE md:EntityDescriptor [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + body.replace("https://idp.example.com/saml", "&xxe;"),
                "<!DOCTYPE md:EntityDescriptor [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>" + body,
                "<!DOCTYPE md:EntityDescriptor SYSTEM \"" + url + "\">" + body,
                "<!DOCTYPE md:EntityDescriptor>" + body,
                laughs + "]>" + body.replace("https://idp.example.com/saml", "&lol9;"),
                "garbage ".repeat(200),
                METADATA.replace("IDPSSODescriptor", "SPSSODescriptor"),
                METADATA.substring(0, METADATA.length() - 40));
        try {
            for (String document : hostile) {
                assertAwsError(() -> iam.createSAMLProvider(r -> r.name("hostile").samlMetadataDocument(document)),
                        "InvalidInput", 400, BAD_METADATA);
                assertAwsError(() -> iam.updateSAMLProvider(r -> r.samlProviderArn(arn).samlMetadataDocument(document)),
                        "InvalidInput", 400, BAD_METADATA);
            }
        } finally {
            listener.stop(0);
        }
        assertThat(fetched).as("no entity was fetched").hasValue(0);
        assertAwsError(() -> iam.createSAMLProvider(r -> r.name("hostile").samlMetadataDocument("<x/>")),
                "ValidationError", 400, "1 validation error detected: Value at 'sAMLMetadataDocument' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 1000");
        String huge = METADATA.replace("<md:NameIDFormat>", "<!--" + "x".repeat(1 << 20) + "--><md:NameIDFormat>");
        assertAwsError(() -> iam.createSAMLProvider(r -> r.name("hostile").samlMetadataDocument(huge)),
                "RequestEntityTooLarge", 413, "The request body exceeds 1048576 bytes.");

        String missing = "arn:aws:iam::" + ACCOUNT + ":saml-provider/hostile";
        assertAwsError(() -> iam.getSAMLProvider(r -> r.samlProviderArn(missing)), "NoSuchEntity", 404,
                "Manifest not found for arn " + missing);
        assertThat(iam.getSAMLProvider(r -> r.samlProviderArn(arn)).samlMetadataDocument()).isEqualTo(METADATA);
        iam.deleteSAMLProvider(r -> r.samlProviderArn(arn));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void namesArnsAndTagsAreCheckedWithIamsErrors(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String arn = iam.createSAMLProvider(r -> r.name("Named").samlMetadataDocument(METADATA)).samlProviderArn();
        assertAwsError(() -> iam.createSAMLProvider(r -> r.name("Named").samlMetadataDocument(METADATA)),
                "EntityAlreadyExists", 409, "Provider with name Named already exists.");
        String lower = iam.createSAMLProvider(r -> r.name("named").samlMetadataDocument(METADATA)).samlProviderArn();
        assertThat(lower).as("names are case-sensitive").isNotEqualTo(arn);

        String missing = "arn:aws:iam::" + ACCOUNT + ":saml-provider/absent";
        String notFound = "Manifest not found for arn " + missing;
        assertAwsError(() -> iam.updateSAMLProvider(r -> r.samlProviderArn(missing).samlMetadataDocument(METADATA)),
                "NoSuchEntity", 404, notFound);
        assertAwsError(() -> iam.tagSAMLProvider(r -> r.samlProviderArn(missing).tags(tag("a", "b"))),
                "NoSuchEntity", 404, notFound);
        assertAwsError(() -> iam.untagSAMLProvider(r -> r.samlProviderArn(missing).tagKeys("a")), "NoSuchEntity", 404,
                notFound);
        assertAwsError(() -> iam.listSAMLProviderTags(r -> r.samlProviderArn(missing)), "NoSuchEntity", 404, notFound);
        String elsewhere = "arn:aws:iam::111122223333:saml-provider/Named";
        assertAwsError(() -> iam.getSAMLProvider(r -> r.samlProviderArn(elsewhere)), "NoSuchEntity", 404,
                "Manifest not found for arn " + elsewhere);
        for (String bad : List.of("arn:aws:iam::" + ACCOUNT + ":oidc-provider/x.example.com",
                "arn:aws:iam::" + ACCOUNT + ":saml-provider/bad name", "definitely-not-an-arn")) {
            assertAwsError(() -> iam.getSAMLProvider(r -> r.samlProviderArn(bad)), "InvalidInput", 400,
                    "ARN " + bad + " is not valid.");
        }

        iam.tagSAMLProvider(r -> r.samlProviderArn(arn).tags(tag("Env", "prod"), tag("env", "dev")));
        assertThat(iam.listSAMLProviderTags(r -> r.samlProviderArn(arn)).tags()).extracting(Tag::key)
                .as("keys that differ by case are two tags").containsExactly("Env", "env");
        iam.untagSAMLProvider(r -> r.samlProviderArn(arn).tagKeys("Env"));
        assertThat(iam.listSAMLProviderTags(r -> r.samlProviderArn(arn)).tags()).containsExactly(tag("env", "dev"));
        assertAwsError(() -> iam.tagSAMLProvider(r -> r.samlProviderArn(arn).tags(tag("aws:x", "y"))), "InvalidInput",
                400, "Tag keys beginning with aws: are reserved for system use.");
        assertAwsError(() -> iam.createSAMLProvider(r -> r.name("bad name").samlMetadataDocument(METADATA)),
                "ValidationError", 400, "1 validation error detected: Value at 'name' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w._-]+");
        iam.deleteSAMLProvider(r -> r.samlProviderArn(arn));
        iam.deleteSAMLProvider(r -> r.samlProviderArn(lower));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountHoldsAHundredProviders(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        int held = iam.listSAMLProviders().samlProviderList().size();
        for (int i = held; i < 100; i++) {
            String name = "quota-" + i;
            iam.createSAMLProvider(r -> r.name(name).samlMetadataDocument(METADATA));
        }
        assertAwsError(() -> iam.createSAMLProvider(r -> r.name("quota-over").samlMetadataDocument(METADATA)),
                "LimitExceeded", 409, "Cannot exceed quota for SAMLProvidersPerAccount: 100");
        for (SAMLProviderListEntry provider : iam.listSAMLProviders().samlProviderList()) {
            iam.deleteSAMLProvider(r -> r.samlProviderArn(provider.arn()));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void providersAreAuthorizedOnTheirArn(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials sam = userWithKey(server.iam(), "saml-sam");
        String samArn = "arn:aws:iam::" + ACCOUNT + ":user/saml-sam";
        IamClient user = server.iam(sam);
        String arn = "arn:aws:iam::" + ACCOUNT + ":saml-provider/sam-idp";
        assertDenied(() -> user.createSAMLProvider(r -> r.name("sam-idp").samlMetadataDocument(METADATA)), samArn,
                "iam:CreateSAMLProvider", arn);
        assertDenied(user::listSAMLProviders, samArn, "iam:ListSAMLProviders", "*");
        grant(server.iam(), "saml-sam", allowWhere("[\"iam:CreateSAMLProvider\",\"iam:GetSAMLProvider\"]",
                "\"arn:aws:iam::*:saml-provider/sam-*\"", null));
        user.createSAMLProvider(r -> r.name("sam-idp").samlMetadataDocument(METADATA));
        assertThat(user.getSAMLProvider(r -> r.samlProviderArn(arn)).samlMetadataDocument()).isEqualTo(METADATA);
        assertDenied(() -> user.createSAMLProvider(r -> r.name("sam-tagged").samlMetadataDocument(METADATA)
                .tags(tag("a", "b"))), samArn, "iam:TagSAMLProvider", arn.replace("sam-idp", "sam-tagged"));
        assertDenied(() -> user.updateSAMLProvider(r -> r.samlProviderArn(arn).addPrivateKey(pkcs8(IDP))), samArn,
                "iam:UpdateSAMLProvider", arn);
        assertDenied(() -> user.deleteSAMLProvider(r -> r.samlProviderArn(arn)), samArn, "iam:DeleteSAMLProvider", arn);
        String other = "arn:aws:iam::" + ACCOUNT + ":saml-provider/other";
        assertDenied(() -> user.getSAMLProvider(r -> r.samlProviderArn(other)), samArn, "iam:GetSAMLProvider", other);
        assertThat(server.iam().getSAMLProvider(r -> r.samlProviderArn(arn)).privateKeyList()).isEmpty();
        assertThat(server.iam().listSAMLProviders().samlProviderList()).extracting(SAMLProviderListEntry::arn)
                .containsExactly(arn);
        server.iam().deleteSAMLProvider(r -> r.samlProviderArn(arn));
    }

    private static List<String> keyIds(IamClient iam, String arn) {
        return iam.getSAMLProvider(r -> r.samlProviderArn(arn)).privateKeyList().stream().map(SAMLPrivateKey::keyId)
                .toList();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
