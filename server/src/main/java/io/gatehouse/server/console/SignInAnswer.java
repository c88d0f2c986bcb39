package io.gatehouse.server.console;

import java.time.Duration;

/**
 * What the sign-in endpoint answers: an HTTP status, a JSON body, and the session cookie or the time to wait when
 * there is one.
 *
 * @param status     the HTTP status
 * @param json       the body ({@code application/json})
 * @param cookie     a {@code Set-Cookie} value, or {@code null}
 * @param retryAfter how long a throttled client must wait ({@code Retry-After}, whole seconds), or {@code null}
 */
public record SignInAnswer(int status, String json, String cookie, Duration retryAfter) {

    /** An answer without a cookie or a wait. */
    static SignInAnswer of(int status, String json) {
        return new SignInAnswer(status, json, null, null);
    }

    /** {@code Retry-After} in whole seconds, rounded up (at least 1), or {@code null}. */
    public String retryAfterSeconds() {
        if (retryAfter == null) {
            return null;
        }
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Long.toString(Math.max(1, seconds));
    }

    @Override
    public String toString() {
        // The body and the cookie may hold credentials.
        return "SignInAnswer[" + status + "]";
    }
}
