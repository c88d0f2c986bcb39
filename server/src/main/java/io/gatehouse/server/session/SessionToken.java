package io.gatehouse.server.session;

import java.util.Objects;

/**
 * Everything a session token holds: the session and the secret access key that signs its requests. The secret never
 * appears in {@link #toString()}.
 *
 * @param session         the session
 * @param secretAccessKey the temporary secret access key (40 characters)
 */
public record SessionToken(Session session, String secretAccessKey) {

    public SessionToken {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "SessionToken[session=" + session + ", secretAccessKey=<redacted>]";
    }
}
