package io.gatehouse.server.outbound;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.GatehouseState;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenID Connect issuers of the accounts that enabled outbound identity federation. An account's issuer URL is the
 * server's public address followed by {@value #PATH}{@code ISSUER-ID}; under it the server answers
 * {@code /.well-known/openid-configuration} and {@code /.well-known/jwks.json}, as AWS's issuers do, so any OIDC
 * library verifies Gatehouse's tokens from the issuer URL alone. Each issuer has keys of its own ({@link SigningKeys}),
 * so a relying party that pins one account's JWKS accepts no other account's tokens. An issuer keeps being served after
 * its account disables the feature: tokens issued before stay verifiable, as AWS says disabling "does not affect tokens
 * that were issued before". Thread-safe.
 */
public final class OutboundIssuers {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundIssuers.class);

    /** Where issuers live under the public address. */
    public static final String PATH = "/issuers/";
    /** The discovery document's path under an issuer URL. */
    public static final String DISCOVERY = "/.well-known/openid-configuration";
    /** The key set's path under an issuer URL. */
    public static final String JWKS = "/.well-known/jwks.json";

    private final SigningKeys keys;
    private final Supplier<String> publicAddress;
    private final Supplier<GatehouseState> state;
    private volatile IssuerIndex index;

    /**
     * @param publicAddress the address relying parties reach the server at ({@code https://iam.example.com}), asked
     *                      for each time an issuer URL is made, since a server started on port 0 knows its port late
     * @param state         the server's current state, where the accounts' issuer ids are
     */
    public OutboundIssuers(SigningKeys keys, Supplier<String> publicAddress, Supplier<GatehouseState> state) {
        this.keys = keys;
        this.publicAddress = publicAddress;
        this.state = state;
    }

    /** The issuer URL of an issuer id: the {@code iss} of its tokens. */
    public String issuerUrl(String issuerId) {
        String base = publicAddress.get();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH + issuerId;
    }

    /**
     * Whether a token is one this server's issuers signed: its {@code iss} lies where they live, or its {@code kid} is
     * a key of one of them (which still tells when the public URL has changed since, or differs between nodes). Asked
     * by unauthenticated AssumeRoleWithWebIdentity requests, so it is cheap for other tokens (a key id of another shape
     * looks at no ring), makes no key, and a ring it cannot read counts as not holding the key.
     */
    public boolean isOwnToken(String issuer, String keyId) {
        if (issuer != null && issuer.startsWith(issuerUrl(""))) {
            return true;
        }
        if (!SigningKeyRing.looksLikeKeyId(keyId)) {
            return false;
        }
        for (String issuerId : issuerIds()) {
            try {
                if (keys.holds(issuerId, keyId)) {
                    return true;
                }
            } catch (RuntimeException unreadable) {
                LOG.warn("could not read the token signing keys of issuer {} ({})", issuerId, unreadable.toString());
            }
        }
        return false;
    }

    /** Makes an issuer's signing keys if the store has none yet, so its first token does not wait for an RSA key. */
    public void prepareKeys(String issuerId) {
        keys.ring(issuerId);
    }

    /** The discovery document of an account's issuer, or empty for an id no account has. */
    public Optional<String> discoveryDocument(String issuerId) {
        if (!exists(issuerId)) {
            return Optional.empty();
        }
        String issuer = issuerUrl(issuerId);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + JWKS);
        document.put("response_types_supported", List.of("id_token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported",
                SigningKeyRing.ALGORITHMS.stream().map(JWSAlgorithm::getName).toList());
        document.put("claims_supported", List.of("iss", "sub", "aud", "iat", "exp", "jti", TokenClaims.NAMESPACE));
        return Optional.of(JSONObjectUtils.toJSONString(document));
    }

    /** The public keys an account's issuer publishes, or empty for an id no account has. */
    public Optional<String> jwks(String issuerId) {
        return exists(issuerId) ? Optional.of(keys.ring(issuerId).publicKeys().toString()) : Optional.empty();
    }

    /** Signs claims with the issuer's current key for {@code algorithm} (RS256 or ES384): a compact JWT. */
    public String sign(String issuerId, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        JWK key = keys.ring(issuerId).signingKey(algorithm);
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            JWSSigner signer = algorithm.equals(JWSAlgorithm.RS256)
                    ? new RSASSASigner(key.toRSAKey()) : new ECDSASigner(key.toECKey());
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a web identity token with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    private boolean exists(String issuerId) {
        return issuerIds().contains(issuerId);
    }

    /**
     * The issuer ids accounts have (enabled or not: one per account that ever enabled the feature), found once per
     * version of the state rather than at each of the unauthenticated requests that ask.
     */
    private Set<String> issuerIds() {
        GatehouseState current = state.get();
        IssuerIndex held = index;
        if (held == null || held.state() != current) {
            Set<String> ids = new HashSet<>();
            for (AccountState account : current.accounts().values()) {
                Account.OutboundFederation outbound = account.account().outboundFederation();
                if (outbound != null) {
                    ids.add(outbound.issuerId());
                }
            }
            held = new IssuerIndex(current, Set.copyOf(ids));
            index = held;
        }
        return held.issuerIds();
    }

    /** The issuer ids of one version of the state. */
    private record IssuerIndex(GatehouseState state, Set<String> issuerIds) {}
}
