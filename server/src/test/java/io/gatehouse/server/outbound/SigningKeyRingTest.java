package io.gatehouse.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An issuer's signing keys: staged rotation, storage, and what may be printed of them. */
class SigningKeyRingTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant T = Instant.parse("2026-11-26T00:00:00Z");

    @Test
    void aRotationSignsWithTheKeysPublishedAsNextAndKeepsTheCurrentOnesAsPrevious() {
        SigningKeyRing first = SigningKeyRing.first(RANDOM, T);
        SigningKeyRing second = first.rotated(RANDOM, T.plusSeconds(3600));
        assertThat(second.signingKey(JWSAlgorithm.RS256)).isEqualTo(first.next().get(0));
        assertThat(second.signingKey(JWSAlgorithm.ES384)).isEqualTo(first.next().get(1));
        assertThat(second.previous()).isEqualTo(first.current());
        assertThat(first.publicKeys().getKeys()).extracting(JWK::getKeyID)
                .contains(second.signingKey(JWSAlgorithm.RS256).getKeyID());
        SigningKeyRing third = second.rotated(RANDOM, T.plusSeconds(7200));
        assertThat(third.holds(first.current().get(0).getKeyID())).as("dropped after two rotations").isFalse();
        assertThat(third.holds(second.current().get(0).getKeyID())).isTrue();
    }

    @Test
    void theRingIsStoredWithItsPrivateKeysButNeverPrintsThem() {
        SigningKeyRing ring = SigningKeyRing.first(RANDOM, T).rotated(RANDOM, T);
        assertThat(SigningKeyRing.decode(ring.encode())).isEqualTo(ring);
        assertThat(ring.encode()).contains("\"d\":");
        assertThat(ring.toString()).doesNotContain("\"d\"").doesNotContain("kty")
                .contains(ring.current().get(0).getKeyID());
        assertThat(ring.publicKeys().toString()).doesNotContain("\"d\"");
    }
}
