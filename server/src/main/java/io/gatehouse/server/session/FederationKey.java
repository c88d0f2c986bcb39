package io.gatehouse.server.session;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A condition key of the identity provider that opened a session, such as {@code saml:sub} of a SAML session or
 * {@code PROVIDER:sub} of a web identity session: the requests the session signs carry it in their request context, as
 * AWS documents for the {@code saml:*} keys (IAM User Guide, "Identify users in SAML-based federation": a role's
 * permission policy scoped by {@code saml:namequalifier} and {@code saml:sub}) and for the web identity keys
 * {@code aud}, {@code oaud}, {@code sub} and {@code amr} ("Available keys for AWS OIDC federation"). Its values are
 * strings.
 *
 * @param name        the key, such as {@code saml:sub} or {@code token.actions.githubusercontent.com:sub}
 * @param multiValued whether policies test it with {@code ForAnyValue:}/{@code ForAllValues:}
 * @param values      its values; exactly one when it is single-valued
 */
public record FederationKey(String name, boolean multiValued, List<String> values) {

    /**
     * The most bytes ({@link #bytes}) the identity provider keys of one session may hold together: enough for any
     * ordinary set of attributes or claims, and small enough that the session's token always fits its extension
     * ({@link SessionTokenCodec}) and, base64-encoded, a request header. An operation refuses a larger set before it
     * issues a session.
     */
    public static final int MAX_SESSION_BYTES = 8 * 1024;

    /**
     * The size of a set of keys as {@link #MAX_SESSION_BYTES} counts it: their names and values in UTF-8, an empty
     * value counting one byte (so that no number of values is free).
     */
    public static int bytes(List<FederationKey> keys) {
        int total = 0;
        for (FederationKey key : keys) {
            total += key.name().getBytes(StandardCharsets.UTF_8).length;
            for (String value : key.values()) {
                total += Math.max(1, value.getBytes(StandardCharsets.UTF_8).length);
            }
        }
        return total;
    }

    public FederationKey {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        if (!multiValued && values.size() != 1) {
            throw new IllegalArgumentException("a single-valued key has one value: " + name);
        }
    }
}
