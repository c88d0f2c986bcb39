package io.gatehouse.server.http;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.time.Duration;
import java.util.Objects;

/**
 * What one client may cost the HTTP server: how large a request may be and how long the server waits for it.
 * Anything beyond is refused with an AWS error (or, for a request that cannot be read at all, by closing the
 * connection), so a hostile client never holds memory or a connection for long and others keep being served.
 *
 * @param maxBodyBytes        the largest request body accepted; IAM's largest documents fit many times over
 * @param maxRequestLineBytes the longest request line (method, URL, protocol)
 * @param maxHeaderBytes      the largest header section
 * @param requestTimeout      how long a client may take to send a request from the end of its request line to the
 *                            end of its body, however it trickles the bytes
 * @param idleTimeout         how long a connection may stay open without a request, or while the request line
 *                            trickles in
 */
public record HttpLimits(int maxBodyBytes, int maxRequestLineBytes, int maxHeaderBytes, Duration requestTimeout,
                         Duration idleTimeout) {

    /** The default {@link #requestTimeout()}, in seconds. */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 20;
    /** The default {@link #idleTimeout()}, in seconds. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

    /** The limits {@code gatehouse serve} runs with unless told otherwise. */
    public static final HttpLimits DEFAULT = new HttpLimits(1 << 20, 16 * 1024, 64 * 1024,
            Duration.ofSeconds(DEFAULT_REQUEST_TIMEOUT_SECONDS), Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS));

    public HttpLimits {
        if (maxBodyBytes < 1 || maxRequestLineBytes < 64 || maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("limits too small: body " + maxBodyBytes + ", request line "
                    + maxRequestLineBytes + ", headers " + maxHeaderBytes);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** These limits with other timeouts. */
    public HttpLimits withTimeouts(Duration request, Duration idle) {
        return new HttpLimits(maxBodyBytes, maxRequestLineBytes, maxHeaderBytes, request, idle);
    }

    /** The refusal of a body over {@link #maxBodyBytes()}. */
    AwsException bodyTooLarge() {
        return AwsError.REQUEST_ENTITY_TOO_LARGE.exception("The request body exceeds " + maxBodyBytes + " bytes.");
    }
}
