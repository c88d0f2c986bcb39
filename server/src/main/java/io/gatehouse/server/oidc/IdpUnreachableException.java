package io.gatehouse.server.oidc;

/**
 * The identity provider's discovery document or JWKS could not be fetched or read: refused connection, timeout, an
 * untrusted certificate, a status other than 200, a body too large or not the JSON expected. The message is for the
 * server's log, never for the client (it may name hosts and addresses of the operator's network).
 */
public final class IdpUnreachableException extends RuntimeException {

    public IdpUnreachableException(String message) {
        super(message);
    }

    public IdpUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
