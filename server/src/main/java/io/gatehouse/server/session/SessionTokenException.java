package io.gatehouse.server.session;

/**
 * A session token cannot be used: it is malformed, of an unknown version, sealed under a session key this server does
 * not hold (never issued here, or rotated out), or tampered with. The message says which, for tests and debugging;
 * clients only ever see AWS's {@code InvalidClientTokenId}. It never contains the token or key material.
 */
public final class SessionTokenException extends RuntimeException {

    SessionTokenException(String message) {
        super(message, null, false, false);
    }
}
