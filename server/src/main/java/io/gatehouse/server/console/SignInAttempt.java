package io.gatehouse.server.console;

import java.time.Instant;

/**
 * A sign-in request as it arrived over HTTP, before its body is read.
 *
 * @param body        the request body as sent (bounded by the HTTP layer)
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param sourceIp    the client's address
 * @param userAgent   the {@code User-Agent} header, or {@code null}
 * @param secure      whether it came over TLS (the session cookie is then {@code Secure})
 * @param loginTo     where the client signed in ({@code scheme://host/}), for the audit event's {@code LoginTo}
 * @param time        when it arrived
 */
public record SignInAttempt(byte[] body, String contentType, String sourceIp, String userAgent, boolean secure,
                            String loginTo, Instant time) {

    @Override
    public String toString() {
        // The body holds a password.
        return "SignInAttempt[" + sourceIp + ", " + time + "]";
    }
}
