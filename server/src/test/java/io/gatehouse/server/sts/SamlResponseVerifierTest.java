package io.gatehouse.server.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.state.SamlMetadata;
import io.gatehouse.server.state.SamlMetadataSamples;
import io.gatehouse.server.state.SamlProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The refusals that come before any signature is trusted: hostile XML, responses that are not one {@code Response}
 * with exactly one assertion, and documents whose IDs repeat (the lever of signature wrapping). The signed cases are
 * in {@code it/AssumeRoleWithSamlTest}, which drives an identity provider that signs with Santuario.
 */
class SamlResponseVerifierTest {

    private static final String ENTITY = "https://idp.example.com/saml";
    private static final SamlProvider PROVIDER = new SamlProvider("IdP", "U".repeat(26),
            SamlMetadataSamples.document(ENTITY), SamlMetadata.parse(SamlMetadataSamples.document(ENTITY)),
            Instant.EPOCH, null, SamlProvider.AssertionEncryption.ALLOWED, List.of(), List.of());

    private static final String PROTOCOL = "xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
            + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"";

    private static void refused(String xml, String code, String message) {
        String base64 = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SamlResponseVerifier.verify(base64, PROVIDER, Instant.now()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(code);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void documentTypeDeclarationsAndEntitiesAreRefused() {
        refused("<!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><samlp:Response " + PROTOCOL
                + ">&b;</samlp:Response>", "InvalidIdentityToken", "Invalid SAML response");
        refused("<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\"><samlp:Response " + PROTOCOL + "/>",
                "InvalidIdentityToken", "Invalid SAML response");
    }

    @Test
    void somethingElseThanAResponseOrBrokenBase64IsRefused() {
        refused("<saml:Assertion " + PROTOCOL + " ID=\"_a\"/>", "InvalidIdentityToken", "Invalid SAML response");
        // The MIME decoder skips what is not base64 (IdPs wrap lines), so garbage decodes to nothing readable.
        assertThatThrownBy(() -> SamlResponseVerifier.verify("***", PROVIDER, Instant.now()))
                .isInstanceOf(AwsException.class).hasMessage("Invalid SAML response");
    }

    @Test
    void aResponseMustHoldExactlyOneAssertionAndNoneHiddenElsewhere() {
        refused("<samlp:Response " + PROTOCOL + " ID=\"_r\"/>", "InvalidIdentityToken",
                "Invalid SAML response: it must contain exactly one assertion");
        refused("<samlp:Response " + PROTOCOL + " ID=\"_r\"><saml:Assertion ID=\"_a\"/><saml:Assertion ID=\"_b\"/>"
                + "</samlp:Response>", "InvalidIdentityToken",
                "Invalid SAML response: it must contain exactly one assertion");
        refused("<samlp:Response " + PROTOCOL + " ID=\"_r\"><samlp:Extensions><saml:Assertion ID=\"_a\"/>"
                + "</samlp:Extensions><saml:Assertion ID=\"_b\"/></samlp:Response>", "InvalidIdentityToken",
                "Invalid SAML response: it must contain exactly one assertion");
    }

    @Test
    void repeatedIdsAndUnsignedAssertionsAreRefused() {
        refused("<samlp:Response " + PROTOCOL + " ID=\"_x\"><saml:Assertion ID=\"_x\"/></samlp:Response>",
                "InvalidIdentityToken", "Response signature invalid");
        refused("<samlp:Response " + PROTOCOL + " ID=\"_r\"><saml:Assertion ID=\"_a\"/></samlp:Response>",
                "InvalidIdentityToken", "Response signature invalid");
    }
}
