package io.gatehouse.server.crypto;

/**
 * A sealed secret cannot be opened: it is malformed, was sealed under another master key, or fails authentication
 * (tampered with, or opened for another context than it was sealed for). The message never contains key material
 * or plaintext.
 */
public final class SecretBoxException extends RuntimeException {

    SecretBoxException(String message) {
        super(message);
    }
}
