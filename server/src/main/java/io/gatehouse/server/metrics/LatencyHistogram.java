package io.gatehouse.server.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram with fixed buckets from 100 µs to 10 s, for the Prometheus {@code histogram} type. An
 * observation increments one bucket's counter and adds to the sum: no allocation, no lock.
 */
final class LatencyHistogram {

    /** The buckets' upper bounds in nanoseconds (inclusive, as Prometheus's {@code le}). */
    private static final long[] BOUNDS = {100_000L, 250_000L, 500_000L, 1_000_000L, 2_500_000L, 5_000_000L,
            10_000_000L, 25_000_000L, 50_000_000L, 100_000_000L, 250_000_000L, 500_000_000L, 1_000_000_000L,
            2_500_000_000L, 5_000_000_000L, 10_000_000_000L};

    /** The same bounds in seconds, as the {@code le} label writes them; then {@code +Inf}. */
    static final String[] LE = {"0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05",
            "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};

    /** Per bucket the observations that fell into it (not cumulative); the last is above every bound. */
    private final LongAdder[] counts = new LongAdder[BOUNDS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    LatencyHistogram() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void observe(long nanos) {
        int bucket = 0;
        while (bucket < BOUNDS.length && nanos > BOUNDS[bucket]) {
            bucket++;
        }
        counts[bucket].increment();
        sumNanos.add(nanos);
    }

    /**
     * The cumulative counts, one per {@link #LE} bound; the last is the total count. Read while observations go
     * on, each bucket is read once, so the counts stay cumulative and the last equals their total.
     */
    long[] cumulativeCounts() {
        long[] cumulative = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i].sum();
            cumulative[i] = running;
        }
        return cumulative;
    }

    /** The sum of all observations in seconds. */
    double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }
}
