package io.gatehouse.server.http;

import io.gatehouse.server.api.Api;
import io.gatehouse.server.api.ApiResponse;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.util.function.Supplier;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers the requests Helidon refuses before any route sees them (a malformed request line, header section or
 * framing, a request line or body over the limits) with an AWS error document instead of Helidon's own empty or
 * plain-text page. Helidon's message is never passed on: it may quote the request or name the server's insides.
 * The connection is closed after the answer, since the request's framing can no longer be trusted.
 */
final class AwsDirectHandler implements DirectHandler {

    /** The API, known once the server starts; requests arrive only after. */
    private final Supplier<Api> api;
    private final HttpLimits limits;
    private final RequestDeadlines deadlines;

    AwsDirectHandler(Supplier<Api> api, HttpLimits limits, RequestDeadlines deadlines) {
        this.api = api;
        this.limits = limits;
        this.deadlines = deadlines;
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        deadlines.received();
        // Helidon reports a request line it choked on (say, control characters in the method) as its own
        // internal error, raised before it knew any request; that is the client's doing all the same
        boolean unreadRequest = eventType == EventType.INTERNAL_ERROR && request.method().isEmpty();
        ApiResponse answer = api.get().refuse(unreadRequest ? malformed() : errorFor(defaultStatus));
        return TransportResponse.builder()
                .status(Status.create(answer.status()))
                .header(HeaderNames.CONTENT_TYPE, answer.contentType())
                .header(HeaderNames.create("x-amzn-RequestId"), answer.requestId())
                .entity(answer.body())
                .keepAlive(false)
                .build();
    }

    /**
     * The AWS error for what Helidon refused. Its refusals of client input are all 4xx, except for a protocol
     * version other than HTTP/1.1 (505) and a transfer coding other than chunked (501), which are the client's
     * doing too; a 5xx otherwise is the server's own failure.
     */
    private AwsException errorFor(Status status) {
        return switch (status.code()) {
            case 408 -> AwsError.REQUEST_TIMEOUT.exception();
            case 413 -> limits.bodyTooLarge();
            case 414 -> AwsError.REQUEST_ENTITY_TOO_LARGE.exception("The request line exceeds "
                    + limits.maxRequestLineBytes() + " bytes.");
            case 501 -> AwsError.MALFORMED_HTTP_REQUEST.exception("Only the chunked transfer coding is supported.");
            case 505 -> AwsError.MALFORMED_HTTP_REQUEST.exception("Only HTTP/1.1 is supported.");
            case 503 -> AwsError.SERVICE_UNAVAILABLE.exception();
            default -> status.code() >= 500 ? AwsError.SERVICE_FAILURE.exception() : malformed();
        };
    }

    private AwsException malformed() {
        return AwsError.MALFORMED_HTTP_REQUEST.exception("The request is not well-formed HTTP/1.1, or its header "
                + "section exceeds " + limits.maxHeaderBytes() + " bytes.");
    }
}
