package io.gatehouse.server.outbound;

import io.gatehouse.server.crypto.SecretBox;
import io.gatehouse.server.crypto.StoredKeyRing;
import io.gatehouse.server.store.Store;
import java.time.Clock;

/**
 * The token signing keys of a data directory or database: one {@link SigningKeyRing} kept in the store's settings
 * ({@value #SETTING}), sealed under the master key, made when an account first enables outbound identity federation
 * (or a token or JWKS first needs it), and rotated by {@link #rotate()} (the command line's
 * {@code gatehouse keys rotate-token-signing-keys}). A rotation by another process reaches a running server within
 * {@link StoredKeyRing#REFRESH}. Thread-safe.
 */
public final class SigningKeys {

    /** The store setting that holds the sealed key ring. */
    public static final String SETTING = "token-signing-keys";

    private static final StoredKeyRing.Format<SigningKeyRing> FORMAT = new StoredKeyRing.Format<>(
            SigningKeyRing::first, SigningKeyRing::rotated, SigningKeyRing::encode, SigningKeyRing::decode,
            SigningKeyRing::describe);

    private final StoredKeyRing<SigningKeyRing> keys;

    private SigningKeys(StoredKeyRing<SigningKeyRing> keys) {
        this.keys = keys;
    }

    /** Reads the store's signing keys, if it has any yet; none are made before they are needed. */
    public static SigningKeys open(Store store, SecretBox box, Clock clock) {
        return new SigningKeys(StoredKeyRing.open(SETTING, "token signing keys", FORMAT, store, box, clock, false));
    }

    /** The keys in use, made now if the store has none (an RSA key takes a moment to generate). */
    public SigningKeyRing ring() {
        return keys.ring();
    }

    /**
     * Rotates the keys: new keys sign the tokens issued from now on, the JWKS keeps the old current keys for the tokens
     * they signed, and the keys before them are dropped from it.
     */
    public SigningKeyRing rotate() {
        return keys.rotate();
    }
}
