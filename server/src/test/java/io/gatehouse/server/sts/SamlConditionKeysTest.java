package io.gatehouse.server.sts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.request.ContextValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code saml:*} keys of a verified assertion, as the IAM User Guide lists them. */
class SamlConditionKeysTest {

    private static SamlAssertion assertion(Map<String, List<String>> attributes) {
        return new SamlAssertion("https://idp.example.com/saml", "alice", "persistent",
                "https://signin.aws.amazon.com/saml", attributes, null);
    }

    private static Map<String, List<String>> values(Map<String, ContextValue> keys) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        keys.forEach((key, value) -> values.put(key, value.values()));
        return values;
    }

    @Test
    void theNameQualifierIsTheBase64Sha1OfIssuerAccountAndProviderName() {
        // printf '%s' 'https://idp.example.com/saml123456789012/MyIdP' | openssl sha1 -binary | base64
        assertThat(SamlConditionKeys.nameQualifier("https://idp.example.com/saml", "123456789012", "MyIdP"))
                .isEqualTo("DDa+0CnEUxG1H2BB9DcVbYqqBms=");
    }

    @Test
    void theSubjectIssuerAudienceAndDocKeysAreAlwaysThere() {
        Map<String, ContextValue> keys = SamlConditionKeys.of(assertion(Map.of()), "NQ", "123456789012", "MyIdP");
        assertThat(values(keys)).containsEntry("saml:aud", List.of("https://signin.aws.amazon.com/saml"))
                .containsEntry("saml:iss", List.of("https://idp.example.com/saml"))
                .containsEntry("saml:sub", List.of("alice"))
                .containsEntry("saml:sub_type", List.of("persistent"))
                .containsEntry("saml:namequalifier", List.of("NQ"))
                .containsEntry("saml:doc", List.of("123456789012/MyIdP"));
    }

    @Test
    void documentedAttributesAreMultiValuedKeysByOidOrNameAndOthersAreLeftOut() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("urn:oid:1.3.6.1.4.1.5923.1.1.1.1", List.of("member", "staff"));
        attributes.put("mail", List.of("alice@example.com"));
        attributes.put("https://aws.amazon.com/SAML/Attributes/RoleSessionName", List.of("alice"));
        attributes.put("favouriteColour", List.of("blue"));
        Map<String, ContextValue> keys = SamlConditionKeys.of(assertion(attributes), "NQ", "123456789012", "MyIdP");
        assertThat(keys.get("saml:edupersonaffiliation").isMultiValued()).isTrue();
        assertThat(keys.get("saml:mail").isMultiValued()).isTrue();
        assertThat(values(keys)).containsEntry("saml:edupersonaffiliation", List.of("member", "staff"))
                .containsEntry("saml:mail", List.of("alice@example.com"));
        assertThat(keys).doesNotContainKeys("saml:favouritecolour", "saml:rolesessionname");
    }
}
