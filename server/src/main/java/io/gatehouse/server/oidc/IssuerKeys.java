package io.gatehouse.server.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public signing keys of OpenID Connect issuers: {@code ISSUER/.well-known/openid-configuration} names the
 * {@code jwks_uri}, whose JWKS holds the keys (OpenID Connect Discovery 1.0 §4; RFC 7517). Keys are cached per issuer
 * for {@link #MAX_AGE}; a token signed with a key id the cache does not hold makes the keys be fetched again (issuers
 * rotate keys by publishing the new one first), but at most once per {@link #MIN_REFRESH} per issuer, so tokens with
 * made-up key ids cannot turn the server into a way of flooding an identity provider. Thread-safe; one fetch per
 * issuer at a time.
 */
public final class IssuerKeys {

    /** How long fetched keys are used before they are fetched again. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    /** The shortest time between two fetches of one issuer's keys. */
    public static final Duration MIN_REFRESH = Duration.ofSeconds(1);

    private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private final OidcFetcher fetcher;
    private final InstantSource clock;
    private final Map<String, Entry> byIssuer = new ConcurrentHashMap<>();

    public IssuerKeys(OidcFetcher fetcher, InstantSource clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * The keys of {@code issuer} that a token with key id {@code keyId} ({@code null} when its header has none) may
     * have been signed with: the key of that id, or every key when the token names none.
     *
     * @return the candidate keys, perhaps none
     * @throws IdpUnreachableException when the keys had to be fetched and could not be
     */
    public List<JWK> candidates(String issuer, String keyId) {
        Entry entry = byIssuer.computeIfAbsent(issuer, i -> new Entry());
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.keys == null || now.isAfter(entry.fetchedAt.plus(MAX_AGE))) {
                entry.refresh(fetch(issuer), now);
            }
            List<JWK> found = select(entry.keys, keyId);
            if (found.isEmpty() && !now.isBefore(entry.fetchedAt.plus(MIN_REFRESH))) {
                entry.refresh(fetch(issuer), now);
                found = select(entry.keys, keyId);
            }
            return found;
        }
    }

    private static List<JWK> select(JWKSet keys, String keyId) {
        return keyId == null ? keys.getKeys() : keys.getKeys().stream().filter(k -> keyId.equals(k.getKeyID())).toList();
    }

    /** The issuer's JWKS, found through its discovery document, whose {@code issuer} must be the issuer itself. */
    private JWKSet fetch(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        Map<String, Object> discovery;
        try {
            discovery = JSONObjectUtils.parse(fetcher.get(base + DISCOVERY_PATH));
        } catch (ParseException e) {
            throw new IdpUnreachableException("the discovery document of " + issuer + " is not a JSON object", e);
        }
        if (!issuer.equals(discovery.get("issuer"))) {
            throw new IdpUnreachableException("the discovery document of " + issuer + " names another issuer");
        }
        if (!(discovery.get("jwks_uri") instanceof String jwksUri)) {
            throw new IdpUnreachableException("the discovery document of " + issuer + " has no jwks_uri");
        }
        try {
            // Only public keys are kept: a JWKS that carries private or symmetric key material is not trusted with it.
            return JWKSet.parse(fetcher.get(jwksUri)).toPublicJWKSet();
        } catch (ParseException e) {
            throw new IdpUnreachableException("the JWKS of " + issuer + " is not a JWK set: " + e.getMessage(), e);
        }
    }

    /** One issuer's cached keys; guarded by itself. */
    private static final class Entry {
        private JWKSet keys;
        private Instant fetchedAt = Instant.MIN;

        void refresh(JWKSet fetched, Instant at) {
            keys = fetched;
            fetchedAt = at;
        }
    }
}
