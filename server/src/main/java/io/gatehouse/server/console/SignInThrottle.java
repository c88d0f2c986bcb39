package io.gatehouse.server.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down: after a few failed sign-ins for one user name, or from one source address, the next
 * attempt must wait, twice as long after each further failure, up to a ceiling. A throttled attempt is refused before
 * any password is checked. Names are counted whether or not such a user exists, so the throttle never tells a
 * guesser which names are real. A success clears the user name's failures; a source address's failures are forgotten
 * only with time, so one account's success does not reset a guesser that sprays many names from one address.
 *
 * <p>Failures older than {@link Limits#forgetAfter()} no longer count. At most {@link Limits#maxTracked()} names and
 * addresses are remembered; past that, forgotten and least-failed entries make room, so a flood of distinct names or
 * addresses costs bounded memory.
 */
public final class SignInThrottle {

    /**
     * @param freeUserFailures    failures per user name before attempts are delayed
     * @param freeSourceFailures  failures per source address before attempts are delayed (higher: many users may share
     *                            one address)
     * @param firstDelay          the delay after the first failure past the free ones; it doubles with each further one
     * @param maxDelay            the longest delay
     * @param forgetAfter         how long after the last failure a name or address starts afresh
     * @param maxTracked          the most names and addresses remembered
     */
    public record Limits(int freeUserFailures, int freeSourceFailures, Duration firstDelay, Duration maxDelay,
                         Duration forgetAfter, int maxTracked) {

        /** 3 free failures per name, 20 per address, then 1 s doubling up to 15 minutes; forgotten after an hour. */
        public static final Limits DEFAULT = new Limits(3, 20, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 100_000);

        public Limits {
            if (freeUserFailures < 0 || freeSourceFailures < 0 || maxTracked < 2) {
                throw new IllegalArgumentException("failure counts must not be negative and maxTracked at least 2");
            }
            Objects.requireNonNull(firstDelay, "firstDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(forgetAfter, "forgetAfter");
        }
    }

    /** Failures counted for one name or address: how many, and when the last was. */
    private record Failures(int count, Instant last) {
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> sources = new ConcurrentHashMap<>();

    public SignInThrottle(Limits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * How long an attempt for this user name from this address must still wait; zero when it may be made now.
     *
     * @param user   the account and user name the attempt signs in as (for example {@code 123456789012/alice}), in
     *               one canonical form (user names are case-insensitive)
     * @param source the client's address
     */
    public Duration wait(String user, String source) {
        Instant now = clock.instant();
        Duration forUser = remaining(users.get(user), limits.freeUserFailures(), now);
        Duration forSource = remaining(sources.get(source), limits.freeSourceFailures(), now);
        return forUser.compareTo(forSource) >= 0 ? forUser : forSource;
    }

    /** Counts a failed attempt (wrong password, unknown name, wrong MFA code) against the name and the address. */
    public void failed(String user, String source) {
        Instant now = clock.instant();
        count(users, user, now);
        count(sources, source, now);
    }

    /** Clears the user name's failures after a successful sign-in. */
    public void succeeded(String user) {
        users.remove(user);
    }

    /** How many names and addresses are remembered now. */
    int tracked() {
        return users.size() + sources.size();
    }

    private void count(Map<String, Failures> failures, String key, Instant now) {
        if (failures.size() >= limits.maxTracked() / 2 && !failures.containsKey(key)) {
            makeRoom(failures, now);
        }
        failures.compute(key, (k, before) -> new Failures(
                before == null || forgotten(before, now) ? 1 : before.count() + 1, now));
    }

    private Duration remaining(Failures failures, int free, Instant now) {
        if (failures == null || failures.count() <= free || forgotten(failures, now)) {
            return Duration.ZERO;
        }
        Duration delay = delay(failures.count() - free);
        Duration left = Duration.between(now, failures.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The delay after the {@code n}th failure past the free ones: the first delay doubled n - 1 times, capped. */
    private Duration delay(int n) {
        int doublings = Math.min(n - 1, 40);
        long millis = limits.firstDelay().toMillis();
        for (int i = 0; i < doublings && millis < limits.maxDelay().toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, limits.maxDelay().toMillis()));
    }

    private boolean forgotten(Failures failures, Instant now) {
        return failures.last().plus(limits.forgetAfter()).isBefore(now);
    }

    /**
     * Drops forgotten entries and, if that leaves more than three quarters of the room taken, the entries with the
     * fewest failures (the oldest first among equals) down to three quarters, so that a flood of new keys sorts the
     * map once per quarter of its size, not at every key.
     */
    private void makeRoom(Map<String, Failures> failures, Instant now) {
        failures.values().removeIf(f -> forgotten(f, now));
        int keep = limits.maxTracked() / 2 * 3 / 4;
        int excess = failures.size() - keep;
        if (excess <= 0) {
            return;
        }
        failures.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Failures> e) -> e.getValue().count())
                        .thenComparing(e -> e.getValue().last()))
                .limit(excess)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(failures::remove);
    }
}
