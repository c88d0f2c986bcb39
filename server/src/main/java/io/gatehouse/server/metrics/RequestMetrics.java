package io.gatehouse.server.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request metrics of one service: one {@link OperationMetrics} per operation of its model, and one for requests
 * whose {@code Action} names none of them. What a client sends is only ever a key to look up, never a label, so a
 * client cannot add series.
 */
public final class RequestMetrics {

    /** The {@code action} label of requests that name no operation of the service. */
    public static final String UNKNOWN_ACTION = "unknown";

    private final Map<String, OperationMetrics> operations;
    /** The operations in the order given, then the unknown one: the order of the samples. */
    private final List<OperationMetrics> ordered;
    private final OperationMetrics unknown;

    RequestMetrics(String service, Collection<String> operationNames) {
        Map<String, OperationMetrics> operations = new HashMap<>();
        List<OperationMetrics> ordered = new ArrayList<>();
        for (String name : operationNames) {
            OperationMetrics metrics = new OperationMetrics(service, name);
            operations.put(name, metrics);
            ordered.add(metrics);
        }
        this.unknown = new OperationMetrics(service, UNKNOWN_ACTION);
        ordered.add(unknown);
        this.operations = Map.copyOf(operations);
        this.ordered = List.copyOf(ordered);
    }

    /** The metrics of the operation a request's {@code Action} names ({@code null} or unknown: the unknown ones). */
    public OperationMetrics operation(String action) {
        OperationMetrics metrics = action == null ? null : operations.get(action);
        return metrics == null ? unknown : metrics;
    }

    void writeCounts(PrometheusText text, String name) {
        for (OperationMetrics metrics : ordered) {
            metrics.writeCounts(text, name);
        }
    }

    void writeLatency(PrometheusText text, String name) {
        for (OperationMetrics metrics : ordered) {
            metrics.writeLatency(text, name);
        }
    }
}
