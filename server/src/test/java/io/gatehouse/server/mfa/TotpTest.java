package io.gatehouse.server.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** The SHA-1 seed of RFC 6238's test vectors (appendix B). */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s")
    @CsvSource({
            "59, 0000000000000001, 94287082",
            "1111111109, 00000000023523EC, 07081804",
            "1111111111, 00000000023523ED, 14050471",
            "1234567890, 000000000273EF07, 89005924",
            "2000000000, 0000000003F940AA, 69279037",
            "20000000000, 0000000027BC86AA, 65353130"})
    void computesRfc6238Sha1TestVectors(long seconds, String hexStep, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));

        assertThat(step).isEqualTo(Long.parseLong(hexStep, 16));
        assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(eightDigits);
        // Six digits are the same truncation modulo 10^6: the vector's last six digits, zeros kept.
        assertThat(Totp.code(RFC_SEED, step)).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void acceptsTheCodeOfTheCurrentStepAndOneStepEitherSideOnly() {
        long now = Totp.step(Instant.ofEpochSecond(1_234_567_890));

        for (long offset = -1; offset <= 1; offset++) {
            assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, now + offset), now))
                    .as("offset %d", offset).isEqualTo(OptionalLong.of(now + offset));
        }
        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, now - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, now + 2), now)).isEmpty();
    }

    @Test
    void refusesACodeOfAnotherSeed() {
        long now = Totp.step(Instant.ofEpochSecond(1_234_567_890));
        byte[] other = "09876543210987654321".getBytes(StandardCharsets.US_ASCII);

        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(other, now), now)).isEmpty();
    }

    @Test
    void aPairMustBeTwoConsecutiveCodesInOrderEndingNearNow() {
        long now = Totp.step(Instant.ofEpochSecond(2_000_000_000));
        String previous = Totp.code(RFC_SEED, now - 1);
        String current = Totp.code(RFC_SEED, now);
        String next = Totp.code(RFC_SEED, now + 1);

        assertThat(Totp.matchingPair(RFC_SEED, previous, current, now)).isEqualTo(OptionalLong.of(now));
        assertThat(Totp.matchingPair(RFC_SEED, current, next, now)).isEqualTo(OptionalLong.of(now + 1));
        assertThat(Totp.matchingPair(RFC_SEED, current, previous, now)).as("reversed").isEmpty();
        assertThat(Totp.matchingPair(RFC_SEED, current, current, now)).as("the same code twice").isEmpty();
        assertThat(Totp.matchingPair(RFC_SEED, previous, next, now)).as("a step skipped").isEmpty();
        assertThat(Totp.matchingPair(RFC_SEED, Totp.code(RFC_SEED, now - 3), Totp.code(RFC_SEED, now - 2), now))
                .as("too old").isEmpty();
    }

    @Test
    void stepsCountFromTheEpochInThirtySecondSteps() {
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(89, 999_999_999))).isEqualTo(2);
    }
}
