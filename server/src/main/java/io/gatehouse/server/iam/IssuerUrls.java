package io.gatehouse.server.iam;

import io.gatehouse.server.error.AwsError;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The issuer URL of an OpenID Connect provider, as CreateOpenIDConnectProvider takes it: an absolute {@code https}
 * URL with a host, perhaps a port and a path, and no user information, query or fragment (OpenID Connect Discovery
 * 1.0, section 3: the issuer "contains scheme, host, and optionally, port number and path components and no query or
 * fragment components"). In {@code --dev} mode a plain {@code http} URL is taken too, for identity providers run
 * locally in tests.
 */
final class IssuerUrls {

    static final String INVALID = "Invalid Open ID Connect Provider URL";

    private IssuerUrls() {}

    /**
     * Checks an issuer URL.
     *
     * @param plainHttp whether {@code http} URLs are taken ({@code --dev})
     * @throws io.gatehouse.server.error.AwsException {@code InvalidInput} when it is not an issuer URL
     */
    static void check(String url, boolean plainHttp) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw AwsError.INVALID_INPUT.exception(INVALID);
        }
        boolean schemeTaken = "https".equals(uri.getScheme()) || plainHttp && "http".equals(uri.getScheme());
        if (!schemeTaken || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !url.startsWith(uri.getScheme() + "://" + uri.getRawAuthority())) {
            throw AwsError.INVALID_INPUT.exception(INVALID);
        }
    }
}
