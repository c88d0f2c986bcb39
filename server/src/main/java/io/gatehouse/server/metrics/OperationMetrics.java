package io.gatehouse.server.metrics;

import io.gatehouse.server.error.AwsError;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The request count and latency of one operation of one service. Created once per operation when the server starts,
 * so recording a request looks nothing up and allocates nothing (a counter is created on an outcome's first use).
 */
public final class OperationMetrics {

    private static final AwsError[] ERRORS = AwsError.values();

    private final String labels;
    private final LatencyHistogram latency = new LatencyHistogram();
    /** Per outcome its counter: index 0 counts successes, {@code 1 + ordinal} the answers with that error. */
    private final AtomicReferenceArray<LongAdder> outcomes = new AtomicReferenceArray<>(ERRORS.length + 1);

    OperationMetrics(String service, String action) {
        this.labels = PrometheusText.labels("service", service, "action", action);
    }

    /**
     * Counts one answered request.
     *
     * @param error the error answered, or {@code null} for a success
     * @param nanos how long the request took
     */
    public void record(AwsError error, long nanos) {
        count(error);
        latency.observe(nanos);
    }

    /**
     * Counts one answered request without timing it: one the transport refused, whose time says more about the
     * client than about the server.
     *
     * @param error the error answered, or {@code null} for a success
     */
    public void count(AwsError error) {
        int index = error == null ? 0 : 1 + error.ordinal();
        LongAdder counter = outcomes.get(index);
        if (counter == null) {
            outcomes.compareAndSet(index, null, new LongAdder());
            counter = outcomes.get(index);
        }
        counter.increment();
    }

    void writeCounts(PrometheusText text, String name) {
        for (int i = 0; i < outcomes.length(); i++) {
            LongAdder counter = outcomes.get(i);
            if (counter != null) {
                String outcome = i == 0 ? PrometheusText.labels("status", "200")
                        : PrometheusText.labels("status", Integer.toString(ERRORS[i - 1].status()),
                                "error_code", ERRORS[i - 1].code());
                text.sample(name, labels + "," + outcome, counter.sum());
            }
        }
    }

    void writeLatency(PrometheusText text, String name) {
        long[] cumulative = latency.cumulativeCounts();
        long count = cumulative[cumulative.length - 1];
        if (count == 0) {
            return;
        }
        for (int i = 0; i < cumulative.length; i++) {
            text.bucket(name + "_bucket", labels, LatencyHistogram.LE[i], cumulative[i]);
        }
        text.sample(name + "_sum", labels, latency.sumSeconds());
        text.sample(name + "_count", labels, count);
    }
}
