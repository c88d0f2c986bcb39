package io.gatehouse.server.metrics;

import io.gatehouse.policy.engine.Outcome;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The policy engine's decisions on calls to Gatehouse's own API, counted by action and result. Actions come from
 * the operations' code ({@code iam:CreateUser}), never from a request, so their number is bounded by the code.
 */
public final class AuthorizationMetrics {

    private static final Outcome[] OUTCOMES = Outcome.values();

    private final Map<String, Counts> byAction = new ConcurrentHashMap<>();

    /** Counts one decision. */
    public void record(String action, Outcome outcome) {
        Counts counts = byAction.get(action);
        if (counts == null) {
            counts = byAction.computeIfAbsent(action, Counts::new);
        }
        counts.byOutcome[outcome.ordinal()].increment();
    }

    void write(PrometheusText text, String name) {
        for (Counts counts : new TreeMap<>(byAction).values()) {
            for (Outcome outcome : OUTCOMES) {
                long count = counts.byOutcome[outcome.ordinal()].sum();
                if (count > 0) {
                    text.sample(name, counts.labels + "," + PrometheusText.labels("result", result(outcome)), count);
                }
            }
        }
    }

    /** The {@code result} label of an outcome. */
    static String result(Outcome outcome) {
        return switch (outcome) {
            case ALLOWED -> "allow";
            case EXPLICITLY_DENIED -> "explicit_deny";
            case IMPLICITLY_DENIED -> "implicit_deny";
        };
    }

    private static final class Counts {
        final String labels;
        final LongAdder[] byOutcome = new LongAdder[OUTCOMES.length];

        Counts(String action) {
            this.labels = PrometheusText.labels("action", action);
            for (int i = 0; i < byOutcome.length; i++) {
                byOutcome[i] = new LongAdder();
            }
        }
    }
}
