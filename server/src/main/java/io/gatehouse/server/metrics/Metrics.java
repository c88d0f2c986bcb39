package io.gatehouse.server.metrics;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's metrics, scraped in the Prometheus text format on {@code GET /metrics}: requests by service, action
 * and outcome, their latency, the authorization decisions, and the process and JVM basics. The metric names and
 * labels are listed in docs/server.md.
 *
 * <p>Counters are {@link java.util.concurrent.atomic.LongAdder}s created when the server starts (one set per
 * operation of each service), so counting a request is an increment, not a lookup by tags. Labels never carry
 * what identifies a caller (account, user, access key), so the number of series stays bounded by the code.
 */
public final class Metrics {

    static final String REQUESTS = "gatehouse_requests_total";
    static final String REQUEST_DURATION = "gatehouse_request_duration_seconds";
    static final String DECISIONS = "gatehouse_authorization_decisions_total";

    private final List<RequestMetrics> services = new CopyOnWriteArrayList<>();
    private final AuthorizationMetrics authorizations = new AuthorizationMetrics();

    /**
     * Creates the request metrics of a service.
     *
     * @param service    the {@code service} label ({@code iam}, {@code sts})
     * @param operations the operations of its model, each an {@code action} label
     */
    public RequestMetrics service(String service, Collection<String> operations) {
        RequestMetrics metrics = new RequestMetrics(service, operations);
        services.add(metrics);
        return metrics;
    }

    /** Where the authorization decisions are counted. */
    public AuthorizationMetrics authorizations() {
        return authorizations;
    }

    /** The metrics now, in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        PrometheusText text = new PrometheusText();
        text.family(REQUESTS, "counter", "API requests answered, by service, action, HTTP status and AWS error code.");
        for (RequestMetrics service : services) {
            service.writeCounts(text, REQUESTS);
        }
        text.family(REQUEST_DURATION, "histogram", "Time from a parsed request to its encoded answer, by service and action.");
        for (RequestMetrics service : services) {
            service.writeLatency(text, REQUEST_DURATION);
        }
        text.family(DECISIONS, "counter",
                "Policy engine decisions on calls to the API, by IAM action and result (allow, explicit_deny, implicit_deny).");
        authorizations.write(text, DECISIONS);
        ProcessMetrics.write(text);
        return text.text();
    }
}
