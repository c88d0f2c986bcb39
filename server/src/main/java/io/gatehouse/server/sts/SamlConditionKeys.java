package io.gatehouse.server.sts;

import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code saml:*} keys a trust policy sees on AssumeRoleWithSAML (IAM User Guide, "Available keys for SAML-based
 * AWS STS federation"): {@code saml:aud} (the recipient the response was sent to), {@code saml:iss},
 * {@code saml:sub}, {@code saml:sub_type}, {@code saml:namequalifier}, {@code saml:doc}, and the eduPerson, eduOrg and X.500 attributes
 * under their short lower-case names, each with every value of the attribute (multi-valued keys, so a policy uses
 * {@code ForAnyValue:} on them). Attributes are matched by their {@code Name}: the OID form AWS documents
 * ({@code urn:oid:…}) or the attribute's plain name.
 */
final class SamlConditionKeys {

    /** The documented attribute keys: OID → key name. */
    private static final Map<String, String> ATTRIBUTES = attributes();

    private SamlConditionKeys() {}

    /**
     * {@code saml:namequalifier}: base64 of the SHA-1 of the issuer, the account id and {@code /PROVIDER_NAME},
     * concatenated (AWS's documented formula); with {@code saml:sub} it identifies a federated user.
     */
    static String nameQualifier(String issuer, String accountId, String providerName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1")
                    .digest((issuer + accountId + "/" + providerName).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /**
     * The keys and values of an assertion, for the trust policy's request context; {@code saml:doc} is
     * {@code ACCOUNT/PROVIDER_NAME}, the provider the role was assumed through.
     */
    static Map<String, ContextValue> of(SamlAssertion assertion, String nameQualifier, String accountId,
                                        String providerName) {
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        keys.put("saml:doc", ContextValue.of(accountId + "/" + providerName));
        keys.put("saml:aud", ContextValue.of(assertion.recipient()));
        keys.put("saml:iss", ContextValue.of(assertion.issuer()));
        keys.put("saml:sub", ContextValue.of(assertion.subject()));
        keys.put("saml:sub_type", ContextValue.of(assertion.subjectType()));
        keys.put("saml:namequalifier", ContextValue.of(nameQualifier));
        for (Map.Entry<String, List<String>> attribute : assertion.attributes().entrySet()) {
            String key = ATTRIBUTES.get(attribute.getKey());
            if (key == null && ATTRIBUTES.containsValue(attribute.getKey())) {
                key = attribute.getKey();
            }
            if (key != null && !attribute.getValue().isEmpty()) {
                keys.put("saml:" + key.toLowerCase(Locale.ROOT),
                        ContextValue.multi(ContextType.STRING, attribute.getValue()));
            }
        }
        return keys;
    }

    private static Map<String, String> attributes() {
        Map<String, String> map = new LinkedHashMap<>();
        String eduPerson = "urn:oid:1.3.6.1.4.1.5923.1.1.1.";
        map.put(eduPerson + "1", "eduPersonAffiliation");
        map.put(eduPerson + "2", "eduPersonNickname");
        map.put(eduPerson + "3", "eduPersonOrgDN");
        map.put(eduPerson + "4", "eduPersonOrgUnitDN");
        map.put(eduPerson + "5", "eduPersonPrimaryAffiliation");
        map.put(eduPerson + "6", "eduPersonPrincipalName");
        map.put(eduPerson + "7", "eduPersonEntitlement");
        map.put(eduPerson + "8", "eduPersonPrimaryOrgUnitDN");
        map.put(eduPerson + "9", "eduPersonScopedAffiliation");
        map.put(eduPerson + "10", "eduPersonTargetedID");
        map.put(eduPerson + "11", "eduPersonAssurance");
        String eduOrg = "urn:oid:1.3.6.1.4.1.5923.1.2.1.";
        map.put(eduOrg + "2", "eduOrgHomePageURI");
        map.put(eduOrg + "3", "eduOrgIdentityAuthNPolicyURI");
        map.put(eduOrg + "4", "eduOrgLegalName");
        map.put(eduOrg + "5", "eduOrgSuperiorURI");
        map.put(eduOrg + "6", "eduOrgWhitePagesURI");
        map.put("urn:oid:2.5.4.3", "cn");
        map.put("urn:oid:2.5.4.4", "surname");
        map.put("urn:oid:2.5.4.41", "name");
        map.put("urn:oid:2.5.4.42", "givenName");
        map.put("urn:oid:2.5.4.45", "x500UniqueIdentifier");
        map.put("urn:oid:0.9.2342.19200300.100.1.1", "uid");
        map.put("urn:oid:0.9.2342.19200300.100.1.3", "mail");
        return Map.copyOf(map);
    }
}
