package io.gatehouse.server.session;

import io.gatehouse.server.crypto.SecretBox;
import io.gatehouse.server.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    /** What the sealed ring is bound to (a sealed value copied to another setting fails to open). */
    private static final String CONTEXT = "setting:" + SETTING;

    /** How old the keys in memory may get before they are read again from the store. */
    public static final Duration REFRESH = Duration.ofMinutes(1);
    /** The shortest time between two reads caused by tokens this server cannot open. */
    static final Duration RELOAD_SPACING = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SessionKeys.class);

    private final Store store;
    private final SecretBox box;
    private final Clock clock;
    private final SecureRandom random;
    private volatile SessionKeyRing ring;
    /** When ({@link System#nanoTime()}) the keys were last read from the store, or a read was last started. */
    private final AtomicLong lastRead = new AtomicLong(System.nanoTime());
    private final AtomicLong lastReload = new AtomicLong(System.nanoTime() - RELOAD_SPACING.toNanos());

    private SessionKeys(Store store, SecretBox box, Clock clock, SecureRandom random, SessionKeyRing ring) {
        this.store = store;
        this.box = box;
        this.clock = clock;
        this.random = random;
        this.ring = ring;
    }

    /**
     * Reads the store's session keys, creating the first key when it has none (in one transaction, so two processes
     * starting on a new database agree on it).
     *
     * @param box seals under the store's master key (already checked against the store)
     */
    public static SessionKeys open(Store store, SecretBox box, Clock clock) {
        SecureRandom random = new SecureRandom();
        String sealed = store.writer().run(tx -> tx.meta(SETTING).orElseGet(() -> {
            SessionKeyRing first = SessionKeyRing.first(random, clock.instant());
            String value = seal(box, first);
            tx.putMeta(SETTING, value);
            LOG.info("created session key {}", first.current().idHex());
            return value;
        }));
        return new SessionKeys(store, box, clock, random, open(box, sealed));
    }

    /** The keys in use; once they are {@link #REFRESH} old, this starts reading them again in the background. */
    public SessionKeyRing ring() {
        long last = lastRead.get();
        long now = System.nanoTime();
        if (now - last >= REFRESH.toNanos() && lastRead.compareAndSet(last, now)) {
            Thread.ofVirtual().name("gatehouse-session-keys").start(this::readQuietly);
        }
        return ring;
    }

    /**
     * Reads the keys from the store now, for a token this server could not open, unless that was done less than
     * {@link #RELOAD_SPACING} ago (so tokens made up by a client cost at most one read every few seconds).
     *
     * @return whether the keys were read
     */
    public boolean reloadForUnknownToken() {
        long last = lastReload.get();
        long now = System.nanoTime();
        if (now - last < RELOAD_SPACING.toNanos() || !lastReload.compareAndSet(last, now)) {
            return false;
        }
        read();
        return true;
    }

    /** Reads the keys from the store; a failure keeps the keys held and is logged. */
    private void readQuietly() {
        try {
            read();
        } catch (RuntimeException e) {
            LOG.warn("could not read the session keys again; keeping the ones held ({})", e.toString());
        }
    }

    private void read() {
        store.meta(SETTING).map(value -> open(box, value)).ifPresent(read -> ring = read);
        lastRead.set(System.nanoTime());
    }

    /**
     * Rotates the keys: a new current key seals new tokens from now on, the old current key stays valid for the
     * tokens it sealed, and the key before it is dropped (its tokens are refused). The new ring is durable before it
     * is used. The ring rotated is the one in the store, so a rotation by another process is not undone.
     *
     * @return the ring after the rotation
     */
    public SessionKeyRing rotate() {
        SessionKeyRing rotated = store.writer().run(tx -> {
            SessionKeyRing stored = tx.meta(SETTING).map(value -> open(box, value))
                    .orElseGet(() -> SessionKeyRing.first(random, clock.instant()));
            SessionKeyRing next = stored.rotated(random, clock.instant());
            tx.putMeta(SETTING, seal(box, next));
            return next;
        });
        ring = rotated;
        LOG.info("rotated session keys: current {}, previous {}", rotated.current().idHex(), rotated.previous().idHex());
        return rotated;
    }

    private static String seal(SecretBox box, SessionKeyRing ring) {
        return box.seal(CONTEXT, ring.encode().getBytes(StandardCharsets.UTF_8));
    }

    private static SessionKeyRing open(SecretBox box, String sealed) {
        return SessionKeyRing.decode(new String(box.open(CONTEXT, sealed), StandardCharsets.UTF_8));
    }
}
