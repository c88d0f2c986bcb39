package io.gatehouse.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A login profile remembers the hashes reuse prevention needs and knows when its password expires. */
class LoginProfileTest {

    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    private static PasswordPolicy policy(Integer maxAge, Integer reuse, boolean hardExpiry) {
        return new PasswordPolicy(6, false, false, false, false, false, maxAge, reuse, hardExpiry);
    }

    @Test
    void aNewPasswordKeepsTheCreationDateAndRemembersTheOldHashNewestFirst() {
        LoginProfile profile = LoginProfile.create("bob", "h1", true, T)
                .withPassword("h2", false, T.plusSeconds(10)).withPassword("h3", false, T.plusSeconds(20));
        assertThat(profile.created()).isEqualTo(T);
        assertThat(profile.passwordLastChanged()).isEqualTo(T.plusSeconds(20));
        assertThat(profile.passwordResetRequired()).isFalse();
        assertThat(profile.previousHashes()).containsExactly("h2", "h1");
    }

    @Test
    void reusePreventionOfNCoversTheCurrentPasswordAndTheNMinusOneBeforeIt() {
        LoginProfile profile = LoginProfile.create("bob", "h1", false, T);
        for (int i = 2; i <= 5; i++) {
            profile = profile.withPassword("h" + i, false, T);
        }
        assertThat(profile.reuseCandidates(0)).isEmpty();
        assertThat(profile.reuseCandidates(1)).containsExactly("h5");
        assertThat(profile.reuseCandidates(3)).containsExactly("h5", "h4", "h3");
        assertThat(profile.reuseCandidates(24)).containsExactly("h5", "h4", "h3", "h2", "h1");
    }

    @Test
    void atMostTwentyFourEarlierHashesAreKept() {
        LoginProfile profile = LoginProfile.create("bob", "h0", false, T);
        for (int i = 1; i <= 30; i++) {
            profile = profile.withPassword("h" + i, false, T);
        }
        assertThat(profile.previousHashes()).hasSize(LoginProfile.MAX_REMEMBERED).startsWith("h29").endsWith("h6");
        assertThat(profile.reuseCandidates(24)).hasSize(24).startsWith("h30").endsWith("h7");
    }

    @Test
    void aPasswordExpiresMaxPasswordAgeDaysAfterItWasLastChanged() {
        LoginProfile profile = LoginProfile.create("bob", "h1", false, T).withPassword("h2", false, T.plusSeconds(3600));
        PasswordPolicy ninety = policy(90, null, false);
        Instant expiry = T.plusSeconds(3600).plus(Duration.ofDays(90));
        assertThat(profile.passwordExpires(ninety)).isEqualTo(expiry);
        assertThat(profile.passwordExpired(ninety, expiry.minusMillis(1))).isFalse();
        assertThat(profile.passwordExpired(ninety, expiry)).isTrue();
        assertThat(profile.passwordExpires(policy(null, 3, true))).as("no maximum age").isNull();
        assertThat(profile.passwordExpires(null)).as("no custom policy").isNull();
        assertThat(profile.passwordExpired(null, expiry.plus(Duration.ofDays(9999)))).isFalse();
        assertThat(ninety.expirePasswords()).isTrue();
        assertThat(policy(null, null, false).expirePasswords()).isFalse();
        assertThat(List.of(profile.withUserName("robert").userName())).containsExactly("robert");
    }
}
