package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * An IAM OpenID Connect identity provider: the issuer whose ID tokens AssumeRoleWithWebIdentity takes, the audiences
 * (client ids) it accepts and the thumbprints of the issuer's server certificates.
 *
 * <p>The provider is identified by its issuer URL without the scheme ({@link #name()}), which is what its ARN ends
 * with and what GetOpenIDConnectProvider answers as {@code Url}; {@link #issuerUrl()} keeps the scheme the URL was
 * created with ({@code https}, or {@code http} for a local identity provider in {@code --dev} mode).
 *
 * @param issuerUrl   the issuer URL as created, scheme included ({@code https://token.actions.githubusercontent.com}):
 *                    a token's {@code iss} claim must equal it, and its discovery document lies below it
 * @param clientIds   the accepted audiences, in the order they were added, without duplicates
 * @param thumbprints hex SHA-1 thumbprints (40 characters) of the issuer's certificates, in lower case, perhaps none
 * @param created     creation time
 * @param tags        tags in the order they were added
 */
public record OidcProvider(String issuerUrl, List<String> clientIds, List<String> thumbprints, Instant created,
                           List<Tag> tags) {

    public OidcProvider {
        clientIds = List.copyOf(clientIds);
        thumbprints = List.copyOf(thumbprints);
        tags = List.copyOf(tags);
    }

    /** The issuer URL without its scheme ({@code token.actions.githubusercontent.com}): the provider's key. */
    public String name() {
        return nameOf(issuerUrl);
    }

    /** The key of the provider of an issuer URL: the URL without its scheme. */
    public static String nameOf(String issuerUrl) {
        int scheme = issuerUrl.indexOf("://");
        return scheme < 0 ? issuerUrl : issuerUrl.substring(scheme + 3);
    }

    /** The provider's ARN in canonical form: {@code arn:aws:iam::ACCOUNT:oidc-provider/NAME}. */
    public String arn(String accountId) {
        return Arns.oidcProvider(accountId, name());
    }

    /** Whether a token with this audience is meant for a client the provider accepts. */
    public boolean acceptsAudience(String audience) {
        return clientIds.contains(audience);
    }

    public OidcProvider withClientIds(List<String> newClientIds) {
        return new OidcProvider(issuerUrl, newClientIds, thumbprints, created, tags);
    }

    public OidcProvider withThumbprints(List<String> newThumbprints) {
        return new OidcProvider(issuerUrl, clientIds, newThumbprints, created, tags);
    }

    public OidcProvider withTags(List<Tag> newTags) {
        return new OidcProvider(issuerUrl, clientIds, thumbprints, created, newTags);
    }
}
