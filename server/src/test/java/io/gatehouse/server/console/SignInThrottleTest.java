package io.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins slow the next attempts for the same user name and from the same address, exponentially and up to a
 * ceiling, without telling real names from made-up ones.
 */
class SignInThrottleTest {

    private static final SignInThrottle.Limits LIMITS = new SignInThrottle.Limits(3, 5, Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofHours(1), 1_000);

    private final MutableClock clock = new MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(LIMITS, clock);

    @Test
    void theFirstFailuresOfAUserNameCostNothing() {
        fail("111122223333/alice", "10.0.0.1", 3);

        assertThat(throttle.wait("111122223333/alice", "10.0.0.1")).isZero();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheCeiling() {
        fail("111122223333/alice", "10.0.0.1", 4);
        assertThat(throttle.wait("111122223333/alice", "10.0.0.2")).isEqualTo(Duration.ofSeconds(1));

        fail("111122223333/alice", "10.0.0.2", 1);
        assertThat(throttle.wait("111122223333/alice", "10.0.0.3")).isEqualTo(Duration.ofSeconds(2));

        fail("111122223333/alice", "10.0.0.3", 10);
        assertThat(throttle.wait("111122223333/alice", "10.0.0.4")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theWaitRunsDownWithTime() {
        fail("111122223333/alice", "10.0.0.1", 5);
        clock.advance(Duration.ofMillis(1_500));

        assertThat(throttle.wait("111122223333/alice", "10.0.0.9")).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(500));
        assertThat(throttle.wait("111122223333/alice", "10.0.0.9")).isZero();
    }

    @Test
    void oneAddressGuessingManyNamesIsSlowedAfterItsOwnAllowance() {
        for (int i = 0; i < 6; i++) {
            fail("111122223333/user" + i, "10.0.0.1", 1);
        }

        assertThat(throttle.wait("111122223333/someone-else", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.wait("111122223333/someone-else", "10.0.0.2")).isZero();
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddress() {
        fail("111122223333/alice", "10.0.0.1", 6);

        throttle.succeeded("111122223333/alice");

        assertThat(throttle.wait("111122223333/alice", "10.0.0.7")).isZero();
        assertThat(throttle.wait("111122223333/bob", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        fail("111122223333/alice", "10.0.0.1", 20);
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(throttle.wait("111122223333/alice", "10.0.0.1")).isZero();
        fail("111122223333/alice", "10.0.0.1", 1);
        assertThat(throttle.wait("111122223333/alice", "10.0.0.1")).as("counting starts afresh").isZero();
    }

    @Test
    void aFloodOfNewNamesKeepsTheMostFailedOnesAndBoundedMemory() {
        fail("111122223333/target", "10.0.0.1", 10);
        for (int i = 0; i < 5_000; i++) {
            throttle.failed("111122223333/spray" + i, "10.1." + (i / 250) + "." + (i % 250));
        }

        assertThat(throttle.wait("111122223333/target", "10.9.9.9")).isPositive();
        assertThat(throttle.tracked()).isLessThanOrEqualTo(LIMITS.maxTracked());
    }

    private void fail(String user, String source, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, source);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
