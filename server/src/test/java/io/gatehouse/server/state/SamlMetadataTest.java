package io.gatehouse.server.state;

import static io.gatehouse.server.state.SamlMetadataSamples.CERTIFICATE;
import static io.gatehouse.server.state.SamlMetadataSamples.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading SAML metadata: what an IdP's document says, and every hostile or malformed document refused. */
class SamlMetadataTest {

    @Test
    void anIdpsEntityIdSigningCertificatesAndEndpointsAreRead() {
        SamlMetadata metadata = SamlMetadata.parse(document("https://idp.example.com/saml"));
        assertThat(metadata.entityId()).isEqualTo("https://idp.example.com/saml");
        assertThat(metadata.signingCertificates()).as("the encryption key is not a signing key").hasSize(1);
        assertThat(metadata.signingCertificates().getFirst().getSubjectX500Principal().getName())
                .isEqualTo("CN=idp.example.com");
        assertThat(metadata.singleSignOnServices()).extracting(SamlMetadata.Endpoint::location)
                .containsExactly("https://idp.example.com/sso/redirect", "https://idp.example.com/sso/post");
        assertThat(metadata.validUntil()).isNull();
    }

    @Test
    void validUntilIsTheEarliestOfTheEntityAndItsDescriptorAndAZonelessTimeIsUtc() {
        String document = document("urn:idp", CERTIFICATE, "validUntil=\"2030-01-02T03:04:05Z\"")
                .replace("<md:IDPSSODescriptor ", "<md:IDPSSODescriptor validUntil=\"2029-06-01T00:00:00\" ");
        assertThat(SamlMetadata.parse(document).validUntil()).isEqualTo(Instant.parse("2029-06-01T00:00:00Z"));
        assertThat(SamlMetadata.parse(document("urn:idp", CERTIFICATE, "validUntil=\"2030-01-02T04:04:05+01:00\""))
                .validUntil()).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
    }

    @Test
    void aKeyDescriptorWithoutUseIsForSigning() {
        String document = document("urn:idp").replace("<md:KeyDescriptor use=\"signing\">", "<md:KeyDescriptor>");
        assertThat(SamlMetadata.parse(document).signingCertificates()).hasSize(1);
    }

    @Test
    void anExternalEntityIsNeverFetched() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/entity";
            refused("<?xml version=\"1.0\"?><!DOCTYPE md:EntityDescriptor [<!ENTITY xxe SYSTEM \"" + url + "\">]>"
                    + document("&xxe;").substring(document("x").indexOf('\n') + 1));
            refused("<?xml version=\"1.0\"?><!DOCTYPE md:EntityDescriptor SYSTEM \"" + url + "\">"
                    + document("urn:idp").substring(document("x").indexOf('\n') + 1));
            refused("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>"
                    + document("urn:idp").substring(document("x").indexOf('\n') + 1));
            refused("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY f SYSTEM \"file:///etc/passwd\">]>"
                    + document("&f;").substring(document("x").indexOf('\n') + 1));
        } finally {
            server.stop(0);
        }
        assertThat(fetched).hasValue(0);
    }

    @Test
    void anyDocumentTypeDeclarationIsRefused() {
        refused("<?xml version=\"1.0\"?><!DOCTYPE md:EntityDescriptor>"
                + document("urn:idp").substring(document("x").indexOf('\n') + 1));
    }

    @Test
    void entityExpansionIsRefusedBeforeItCanBlowUp() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>").append(document("&lol9;").substring(document("x").indexOf('\n') + 1));
        long start = System.nanoTime();
        refused(laughs.toString());
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void whatIsNotAnIdpsMetadataIsRefused() {
        refused("");
        refused("not xml at all " + "x".repeat(2000));
        refused(document("urn:idp").replace("</md:EntityDescriptor>", ""));
        refused(document("urn:idp").replace("urn:oasis:names:tc:SAML:2.0:metadata", "urn:example:other"));
        refused(document(""));
        refused(document("urn:idp").replace("IDPSSODescriptor", "SPSSODescriptor"));
        refused(document("urn:idp").replace("urn:oasis:names:tc:SAML:2.0:protocol", "urn:oasis:names:tc:SAML:1.1:protocol"));
        refused(document("urn:idp", "", ""));
        refused(document("urn:idp", "not*base64", ""));
        refused(document("urn:idp", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), ""));
        refused(document("urn:idp", CERTIFICATE, "validUntil=\"next tuesday\""));
        refused(document("urn:idp").replace("use=\"signing\"", "use=\"encryption\""));
        refused("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>");
    }

    @Test
    void anXIncludeIsNotFollowed(@TempDir Path directory) throws Exception {
        Path certificate = Files.writeString(directory.resolve("certificate.b64"), CERTIFICATE);
        refused(document("urn:idp", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" parse=\"text\" href=\""
                + certificate.toUri() + "\"/>", ""));
    }

    private static void refused(String document) {
        assertThatThrownBy(() -> SamlMetadata.parse(document))
                .isInstanceOf(SamlMetadata.InvalidMetadataException.class);
    }
}
