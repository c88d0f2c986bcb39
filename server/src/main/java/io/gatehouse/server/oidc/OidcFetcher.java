package io.gatehouse.server.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Fetches the small JSON documents of an OpenID Connect issuer (its discovery document and JWKS) the careful way:
 * HTTPS only (plain http only in {@code --dev}, for local identity providers), certificates checked against the given
 * TLS context, no redirects, a connect and a whole-request timeout, and a cap on the body size, so that a slow or
 * hostile issuer can neither hold a request thread for long nor make the server read without bound.
 */
public final class OidcFetcher {

    /** How long connecting, and then the whole exchange, may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The largest discovery document or JWKS read (real ones are a few KiB). */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final HttpClient client;
    private final boolean plainHttpAllowed;

    /**
     * @param tls              the trust the issuers' certificates are checked against
     * @param plainHttpAllowed whether {@code http} URLs may be fetched ({@code --dev} only)
     */
    public OidcFetcher(SSLContext tls, boolean plainHttpAllowed) {
        this.client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.plainHttpAllowed = plainHttpAllowed;
    }

    /** The body of a GET of {@code url} as text, if it answers 200 within the limits. */
    public String get(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IdpUnreachableException("not a URL: " + url);
        }
        String scheme = uri.getScheme();
        if (!"https".equals(scheme) && !("http".equals(scheme) && plainHttpAllowed)) {
            throw new IdpUnreachableException("refusing to fetch " + url + ": only https"
                    + (plainHttpAllowed ? " and http" : "") + " URLs are fetched");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IdpUnreachableException(url + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw new IdpUnreachableException(url + " answered more than " + MAX_BODY_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IdpUnreachableException("fetching " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdpUnreachableException("interrupted while fetching " + url, e);
        }
    }
}
