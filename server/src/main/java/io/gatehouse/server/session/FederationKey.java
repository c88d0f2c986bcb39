package io.gatehouse.server.session;

import java.util.List;
import java.util.Objects;

/**
 * A condition key of the identity provider that opened a session, such as {@code saml:sub}: the requests the session
 * signs carry it in their request context, as AWS documents for the {@code saml:*} keys (IAM User Guide, "Identify
 * users in SAML-based federation": a role's permission policy scoped by {@code saml:namequalifier} and
 * {@code saml:sub}). Its values are strings.
 *
 * @param name        the key, such as {@code saml:sub}
 * @param multiValued whether policies test it with {@code ForAnyValue:}/{@code ForAllValues:}
 * @param values      its values; exactly one when it is single-valued
 */
public record FederationKey(String name, boolean multiValued, List<String> values) {

    public FederationKey {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        if (!multiValued && values.size() != 1) {
            throw new IllegalArgumentException("a single-valued key has one value: " + name);
        }
    }
}
