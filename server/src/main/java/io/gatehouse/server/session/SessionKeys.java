package io.gatehouse.server.session;

import io.gatehouse.server.crypto.SecretBox;
import io.gatehouse.server.crypto.StoredKeyRing;
import io.gatehouse.server.store.Store;
import java.time.Clock;
import java.time.Duration;

/**
 * The session keys of a data directory or database: kept in the store's settings as one value sealed under the
 * master key ({@value #SETTING}), created at the first start, held in memory as a {@link SessionKeyRing}, and
 * rotated by {@link #rotate()} (the command line's {@code gatehouse keys rotate-session-key}). Thread-safe.
 *
 * <p>A server reads the keys when it starts. A rotation made by this object takes effect here at once; one made by
 * another process on the same store (the command line beside a running server, another node) is read again within
 * {@link #REFRESH} (in the background, started by a use of the keys once they are due), and at once, at most every
 * {@link #RELOAD_SPACING}, when a token under a key this server does not hold arrives. So two rotations from the
 * command line end a running server's sessions within a minute, and a node accepts the tokens another node sealed
 * under a key it has just made.
 */
public final class SessionKeys {

    /** The store setting that holds the sealed key ring. */
    public static final String SETTING = "session-keys";
    /** How old the keys in memory may get before they are read again from the store. */
    public static final Duration REFRESH = StoredKeyRing.REFRESH;
    /** The shortest time between two reads caused by tokens this server cannot open. */
    static final Duration RELOAD_SPACING = Duration.ofSeconds(5);

    /** How session key rings are made, rotated and written. */
    private static final StoredKeyRing.Format<SessionKeyRing> FORMAT = new StoredKeyRing.Format<>(
            SessionKeyRing::first, SessionKeyRing::rotated, SessionKeyRing::encode, SessionKeyRing::decode,
            ring -> "current " + ring.current().idHex()
                    + (ring.previous() == null ? "" : ", previous " + ring.previous().idHex()));

    private final StoredKeyRing<SessionKeyRing> keys;

    private SessionKeys(StoredKeyRing<SessionKeyRing> keys) {
        this.keys = keys;
    }

    /**
     * Reads the store's session keys, creating the first key when it has none (in one transaction, so two processes
     * starting on a new database agree on it).
     *
     * @param box seals under the store's master key (already checked against the store)
     */
    public static SessionKeys open(Store store, SecretBox box, Clock clock) {
        return new SessionKeys(StoredKeyRing.open(SETTING, "session keys", FORMAT, store, box, clock, true));
    }

    /** The keys in use; once they are {@link #REFRESH} old, this starts reading them again in the background. */
    public SessionKeyRing ring() {
        return keys.ring();
    }

    /**
     * Reads the keys from the store now, for a token this server could not open, unless that was done less than
     * {@link #RELOAD_SPACING} ago (so tokens made up by a client cost at most one read every few seconds).
     *
     * @return whether the keys were read
     */
    public boolean reloadForUnknownToken() {
        return keys.reload(RELOAD_SPACING);
    }

    /**
     * Rotates the keys: a new current key seals new tokens from now on, the old current key stays valid for the
     * tokens it sealed, and the key before it is dropped (its tokens are refused). The new ring is durable before it
     * is used. The ring rotated is the one in the store, so a rotation by another process is not undone.
     *
     * @return the ring after the rotation
     */
    public SessionKeyRing rotate() {
        return keys.rotate();
    }
}
