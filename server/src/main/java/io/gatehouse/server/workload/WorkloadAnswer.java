package io.gatehouse.server.workload;

/**
 * What the container-credentials endpoint answers: an HTTP status and a JSON body (credentials, or
 * {@code {"code","message"}} for a refusal). The body may hold credentials: {@link #toString()} leaves it out.
 */
public record WorkloadAnswer(int status, String json) {

    @Override
    public String toString() {
        return "WorkloadAnswer[status=" + status + "]";
    }
}
