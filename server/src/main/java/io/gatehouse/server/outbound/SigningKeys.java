package io.gatehouse.server.outbound;

import io.gatehouse.server.crypto.SecretBox;
import io.gatehouse.server.crypto.StoredKeyRing;
import io.gatehouse.server.store.Store;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token signing keys of a data directory or database: one {@link SigningKeyRing} per issuer (so a token of one
 * account never verifies against another account's JWKS), each kept in the store's settings as
 * {@value #SETTING_PREFIX}{@code ISSUER-ID}, sealed under the master key, made when its account first enables outbound
 * identity federation (or, for an issuer whose ring is missing, at its first use), and rotated by {@link #rotate(String)} (the command line's
 * {@code gatehouse keys rotate-token-signing-keys}). A rotation by another process reaches a running server within
 * {@link StoredKeyRing#REFRESH}. Thread-safe.
 */
public final class SigningKeys {

    /** What the store setting of an issuer's ring is named, before the issuer id. */
    public static final String SETTING_PREFIX = "token-signing-keys:";

    private static final StoredKeyRing.Format<SigningKeyRing> FORMAT = new StoredKeyRing.Format<>(
            SigningKeyRing::first, SigningKeyRing::rotated, SigningKeyRing::encode, SigningKeyRing::decode,
            SigningKeyRing::describe);

    private final Store store;
    private final SecretBox box;
    private final Clock clock;
    private final Map<String, StoredKeyRing<SigningKeyRing>> rings = new ConcurrentHashMap<>();

    private SigningKeys(Store store, SecretBox box, Clock clock) {
        this.store = store;
        this.box = box;
        this.clock = clock;
    }

    /** The store's signing keys; each issuer's ring is read (or made) when it is first needed. */
    public static SigningKeys open(Store store, SecretBox box, Clock clock) {
        return new SigningKeys(store, box, clock);
    }

    /** An issuer's keys, made now if the store has none (an RSA key takes a moment to generate). */
    public SigningKeyRing ring(String issuerId) {
        return stored(issuerId).ring();
    }

    /**
     * Whether a key id is one of an issuer's keys; never makes a ring, so unauthenticated requests that ask cost no key
     * generation.
     */
    public boolean holds(String issuerId, String keyId) {
        SigningKeyRing ring = stored(issuerId).peek();
        return ring != null && ring.holds(keyId);
    }

    /**
     * Rotates an issuer's keys: the next keys, published since the last rotation, sign the tokens issued from now on;
     * the JWKS keeps the keys current until now for the tokens they signed and drops the ones before them.
     */
    public SigningKeyRing rotate(String issuerId) {
        return stored(issuerId).rotate();
    }

    private StoredKeyRing<SigningKeyRing> stored(String issuerId) {
        return rings.computeIfAbsent(issuerId, id -> StoredKeyRing.open(SETTING_PREFIX + id,
                "token signing keys of issuer " + id, FORMAT, store, box, clock, false));
    }
}
