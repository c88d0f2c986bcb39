package io.gatehouse.server.sts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a verified SAML response asserts, as AssumeRoleWithSAML uses it.
 *
 * @param issuer       the assertion's {@code Issuer} (the provider's entity id)
 * @param subject      the {@code NameID} of the assertion's {@code Subject}
 * @param subjectType  its format: {@code persistent}, {@code transient}, or the full format URI otherwise (STS's
 *                     {@code SubjectType})
 * @param recipient    the {@code Recipient} of the bearer {@code SubjectConfirmationData} (STS's {@code Audience})
 * @param attributes   every attribute's values by the attribute's {@code Name}, in document order
 * @param sessionEnd   the earliest {@code SessionNotOnOrAfter} of its {@code AuthnStatement}s, or {@code null}
 */
record SamlAssertion(String issuer, String subject, String subjectType, String recipient,
                     Map<String, List<String>> attributes, Instant sessionEnd) {

    SamlAssertion {
        attributes = Map.copyOf(attributes);
    }

    /** The values of an attribute, empty when the assertion has none. */
    List<String> values(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    /** The single value of an attribute, or {@code null} when absent. */
    String value(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.getFirst();
    }
}
