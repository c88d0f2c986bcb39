package io.gatehouse.server.state;

/**
 * Seals secrets before they are stored and opens them when they are loaded (AES-256-GCM under the master key).
 * The associated data binds a sealed secret to what it protects, so a ciphertext moved to another record fails.
 */
public interface Secrets {

    /** The sealed form of {@code plaintext}, bound to {@code associatedData}. */
    String seal(String plaintext, String associatedData);

    /** The plaintext of a sealed secret; throws when it was tampered with or bound to something else. */
    String open(String sealed, String associatedData);
}
