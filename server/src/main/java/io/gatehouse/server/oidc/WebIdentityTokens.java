package io.gatehouse.server.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.state.OidcProvider;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies web identity tokens (OpenID Connect ID tokens, JWS compact serialization) strictly, as DESIGN.md's security
 * rules ask: only asymmetric signature algorithms ({@link #ALLOWED}: never {@code none}, never HMAC, whose "secret"
 * would be the provider's public key), the signature checked with the issuer's published key of the right type, the
 * issuer equal to the provider's URL, an audience among its client ids, and {@code exp}, {@code nbf} and {@code iat}
 * within {@link #CLOCK_SKEW} of the server's clock. Every refusal is an AWS error with STS's code; the token itself never
 * appears in a message or a log line.
 */
public final class WebIdentityTokens {

    /** The signature algorithms accepted (RSA PKCS#1 v1.5 and PSS, ECDSA). */
    public static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    /** How far the token's times may be off the server's clock. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /** STS's answer when no published key verifies the token (seen in real AWS answers). */
    static final String NO_KEY = "Couldn't retrieve verification key from your identity provider,  please reference "
            + "AssumeRoleWithWebIdentity documentation for requirements";

    private static final Logger LOG = LoggerFactory.getLogger(WebIdentityTokens.class);

    private final IssuerKeys keys;

    public WebIdentityTokens(IssuerKeys keys) {
        this.keys = keys;
    }

    /**
     * The signed token and its issuer, read but not verified: enough to find the provider. Refuses what is not a JWS
     * with an allowed algorithm ({@code alg: none}, HMAC, encrypted tokens, garbage) and a token without {@code iss}.
     */
    public static SignedJWT read(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
        if (!(jwt instanceof SignedJWT signed) || !ALLOWED.contains(signed.getHeader().getAlgorithm())) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
        try {
            if (signed.getJWTClaimsSet().getIssuer() == null) {
                throw AwsError.INVALID_IDENTITY_TOKEN.exception("Missing a required claim: iss");
            }
        } catch (ParseException e) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
        return signed;
    }

    /**
     * Verifies a token {@link #read} returned against the provider its issuer names, at {@code now}.
     *
     * @throws io.gatehouse.server.error.AwsException {@code InvalidIdentityToken}, {@code ExpiredTokenException} or
     *                                                 {@code IDPCommunicationError}
     */
    public WebIdentity verify(SignedJWT token, OidcProvider provider, Instant now) {
        JWTClaimsSet claims = claims(token);
        if (!provider.issuerUrl().equals(claims.getIssuer())) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
        verifySignature(token, provider.issuerUrl());
        times(claims, now);
        String subject = claims.getSubject();
        if (subject == null) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception("Missing a required claim: sub");
        }
        List<String> audiences = claims.getAudience();
        String authorizedParty = stringClaim(claims, "azp");
        if (audiences.isEmpty() && authorizedParty == null) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception("Missing a required claim: aud");
        }
        // With azp, the token was issued to that party (OpenID Connect Core §2) and aud lists the others: AWS takes
        // azp as the audience and offers aud as PROVIDER:oaud (IAM User Guide, web identity condition keys).
        String audience = authorizedParty != null ? authorizedParty
                : audiences.stream().filter(provider::acceptsAudience).findFirst().orElse(null);
        if (audience == null || !provider.acceptsAudience(audience)) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception("Incorrect token audience");
        }
        return new WebIdentity(claims.getIssuer(), subject, audience,
                authorizedParty != null ? audiences : List.of(), stringList(claims, "amr"));
    }

    private void verifySignature(SignedJWT token, String issuer) {
        List<JWK> candidates;
        try {
            candidates = keys.candidates(issuer, token.getHeader().getKeyID());
        } catch (IdpUnreachableException e) {
            LOG.warn("AssumeRoleWithWebIdentity: the keys of {} could not be fetched: {}", issuer, e.getMessage());
            throw AwsError.IDP_COMMUNICATION_ERROR.exception(NO_KEY);
        }
        JWSAlgorithm algorithm = token.getHeader().getAlgorithm();
        boolean anyKey = false;
        for (JWK key : candidates) {
            JWSVerifier verifier = verifier(key, algorithm);
            if (verifier == null) {
                continue;
            }
            anyKey = true;
            try {
                if (token.verify(verifier)) {
                    return;
                }
            } catch (JOSEException e) {
                // a key that cannot verify this signature: try the next
            }
        }
        throw anyKey ? AwsError.INVALID_IDENTITY_TOKEN.exception() : AwsError.INVALID_IDENTITY_TOKEN.exception(NO_KEY);
    }

    /**
     * A verifier of {@code algorithm} with {@code key}, when the key is a public signing key of the algorithm's family
     * and not meant for encryption only; else {@code null}.
     */
    private static JWSVerifier verifier(JWK key, JWSAlgorithm algorithm) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return null;
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(algorithm)) {
            return null;
        }
        try {
            if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(algorithm)) {
                return new RSASSAVerifier(rsa);
            }
            if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(algorithm)
                    && ECDSAVerifier.SUPPORTED_ALGORITHMS.contains(algorithm)
                    && ec.getCurve().equals(com.nimbusds.jose.jwk.Curve.forJWSAlgorithm(algorithm).iterator().next())) {
                return new ECDSAVerifier(ec);
            }
        } catch (JOSEException e) {
            return null;
        }
        return null;
    }

    /** {@code exp} required and in the future, {@code nbf} and {@code iat} not in the future, each give or take the skew. */
    private static void times(JWTClaimsSet claims, Instant now) {
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception("Missing a required claim: exp");
        }
        if (!now.minus(CLOCK_SKEW).isBefore(expires.toInstant())) {
            // AWS's words, including the missing space before the expiry.
            throw AwsError.EXPIRED_TOKEN_EXCEPTION.exception("Token expired: current date/time " + now.getEpochSecond()
                    + " must be before the expiration date/time" + expires.toInstant().getEpochSecond());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception("Token is not valid before " + notBefore.toInstant()
                    .getEpochSecond() + ": current date/time " + now.getEpochSecond());
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && now.plus(CLOCK_SKEW).isBefore(issuedAt.toInstant())) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception("Token issued in the future: iat " + issuedAt.toInstant()
                    .getEpochSecond() + ", current date/time " + now.getEpochSecond());
        }
    }

    private static JWTClaimsSet claims(SignedJWT token) {
        try {
            return token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
    }

    /** A claim that is a string or an array of strings, as a list. */
    private static List<String> stringList(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        try {
            return claims.getStringListClaim(name);
        } catch (ParseException e) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
    }
}
