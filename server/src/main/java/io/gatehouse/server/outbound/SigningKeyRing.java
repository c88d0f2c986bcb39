package io.gatehouse.server.outbound;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The keys that sign one issuer's outbound web identity tokens, for each algorithm GetWebIdentityToken offers (RS256
 * with RSA 2048, ES384 with P-384): the current key, which signs new tokens; the next key, published in the JWKS a whole
 * rotation before it signs anything, so that relying parties holding a cached JWKS already know it when it starts to;
 * and the key current before the last rotation, which the JWKS keeps publishing so that the tokens it signed (an hour
 * at most) still verify. A rotation makes the next keys current, the current ones previous, drops the previous ones and
 * makes new next keys. Immutable; its {@link #toString()} names key ids only.
 *
 * @param current  the signing keys, one per algorithm, private parts included
 * @param next     the keys that sign after the next rotation, one per algorithm
 * @param previous the keys current before the last rotation, or none
 */
public record SigningKeyRing(List<JWK> current, List<JWK> next, List<JWK> previous) {

    /** The algorithms GetWebIdentityToken signs with. */
    public static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES384);

    private static final String FORMAT = "gatehouse-token-signing-keys 2";
    /** The shape of the key ids this class makes. */
    private static final Pattern KEY_ID = Pattern.compile("(RSA|EC384)_[0-9a-f]{12}");
    private static final int RSA_BITS = 2048;

    public SigningKeyRing {
        current = List.copyOf(current);
        next = List.copyOf(next);
        previous = List.copyOf(previous);
    }

    /** A first ring: a current and a next key per algorithm. */
    static SigningKeyRing first(SecureRandom random, Instant now) {
        return new SigningKeyRing(generate(random, now), generate(random, now), List.of());
    }

    /** This ring after a rotation: the next keys sign, the current ones are previous, new next keys are made. */
    SigningKeyRing rotated(SecureRandom random, Instant now) {
        return new SigningKeyRing(next, generate(random, now), current);
    }

    /** The current key that signs with {@code algorithm}. */
    public JWK signingKey(JWSAlgorithm algorithm) {
        return current.stream().filter(key -> algorithm.equals(key.getAlgorithm())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no signing key for " + algorithm));
    }

    /** Every key of the ring: current, next, previous. */
    private List<JWK> all() {
        List<JWK> keys = new ArrayList<>(current);
        keys.addAll(next);
        keys.addAll(previous);
        return keys;
    }

    /** The public halves of every key, current first: what the issuer's JWKS publishes. */
    public JWKSet publicKeys() {
        return new JWKSet(all()).toPublicJWKSet();
    }

    /** Whether a key id has the shape of those rings make: a cheap test before any ring is looked at. */
    public static boolean looksLikeKeyId(String keyId) {
        return keyId != null && KEY_ID.matcher(keyId).matches();
    }

    /** Whether a key id is one of this ring's (a token signed by this server names it). */
    public boolean holds(String keyId) {
        return keyId != null && all().stream().anyMatch(key -> keyId.equals(key.getKeyID()));
    }

    /** The key ids, current first, for logs. */
    public String describe() {
        return "current " + current.stream().map(JWK::getKeyID).toList()
                + ", next " + next.stream().map(JWK::getKeyID).toList()
                + (previous.isEmpty() ? "" : ", previous " + previous.stream().map(JWK::getKeyID).toList());
    }

    /** Key ids only: the ring holds private keys, which must never reach a log or an error. */
    @Override
    public String toString() {
        return "SigningKeyRing[" + describe() + "]";
    }

    /** The ring as text, to be sealed before it is stored: a format line, then one line per key. */
    String encode() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        current.forEach(key -> text.append("current ").append(key.toJSONString()).append('\n'));
        next.forEach(key -> text.append("next ").append(key.toJSONString()).append('\n'));
        previous.forEach(key -> text.append("previous ").append(key.toJSONString()).append('\n'));
        return text.toString();
    }

    /** The ring {@link #encode()} wrote. */
    static SigningKeyRing decode(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].equals(FORMAT)) {
            throw new IllegalStateException("the stored token signing keys are not in a format this server reads");
        }
        List<JWK> current = new ArrayList<>();
        List<JWK> next = new ArrayList<>();
        List<JWK> previous = new ArrayList<>();
        try {
            for (int i = 1; i < lines.length; i++) {
                int space = lines[i].indexOf(' ');
                String role = space < 0 ? "" : lines[i].substring(0, space);
                JWK key = JWK.parse(lines[i].substring(space + 1));
                switch (role) {
                    case "current" -> current.add(key);
                    case "next" -> next.add(key);
                    case "previous" -> previous.add(key);
                    default -> throw new IllegalStateException(
                            "the stored token signing keys are not in a format this server reads");
                }
            }
        } catch (ParseException e) {
            throw new IllegalStateException("the stored token signing keys are not in a format this server reads", e);
        }
        return new SigningKeyRing(current, next, previous);
    }

    /**
     * A new key per algorithm. Key ids follow AWS's pattern (the family, then a suffix: {@code RSA_…}, {@code EC384_…})
     * with a random suffix, so ids never repeat across rotations.
     */
    private static List<JWK> generate(SecureRandom random, Instant now) {
        Date issued = Date.from(now);
        try {
            JWK rsa = new RSAKeyGenerator(RSA_BITS).secureRandom(random).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).keyID("RSA_" + suffix(random)).issueTime(issued).generate();
            JWK ec = new ECKeyGenerator(Curve.P_384).secureRandom(random).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES384).keyID("EC384_" + suffix(random)).issueTime(issued).generate();
            return List.of(rsa, ec);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate token signing keys", e);
        }
    }

    private static String suffix(SecureRandom random) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
