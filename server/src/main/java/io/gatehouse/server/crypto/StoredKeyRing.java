package io.gatehouse.server.crypto;

import io.gatehouse.server.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ring of server keys kept in one store setting, sealed under the master key (bound to the setting's name, so a
 * sealed value copied to another setting fails to open), held in memory and rotated in one transaction. The session
 * keys and the keys that sign outbound web identity tokens are such rings. Thread-safe.
 *
 * <p>A rotation made through this object takes effect here at once; one made by another process on the same store
 * (the command line beside a running server, another node) is read again within {@link #REFRESH} (in the background,
 * started by a use of the ring once it is due), or at once by {@link #reload(Duration)}.
 *
 * @param <R> the immutable ring
 */
public final class StoredKeyRing<R> {

    /**
     * How a ring is made, rotated and written.
     *
     * @param first    a first ring, for a store that has none
     * @param rotation a ring after a rotation
     * @param encode   the ring as text, to be sealed
     * @param decode   the ring {@code encode} wrote; throws {@link IllegalStateException} for text it cannot read
     * @param describe what the log says of a ring: key ids, never key material
     */
    public record Format<R>(BiFunction<SecureRandom, Instant, R> first, Rotation<R> rotation,
                            Function<R, String> encode, Function<String, R> decode, Function<R, String> describe) {}

    /** Makes the ring that follows {@code ring} at a rotation. */
    @FunctionalInterface
    public interface Rotation<R> {
        R rotated(R ring, SecureRandom random, Instant now);
    }

    /** How old a ring in memory may get before it is read again from the store. */
    public static final Duration REFRESH = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(StoredKeyRing.class);

    private final String setting;
    private final String what;
    private final Format<R> format;
    private final Store store;
    private final SecretBox box;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * Orders making, reading and rotating the ring. A lock rather than a monitor: these wait for the store, and a
     * virtual thread waiting inside {@code synchronized} pins its carrier on Java 21 to 23.
     */
    private final ReentrantLock lock = new ReentrantLock();
    /** The ring in use, or {@code null} while a lazily made ring was never needed. */
    private volatile R ring;
    /** When ({@link System#nanoTime()}) the ring was last read from the store, or a read was last started. */
    private final AtomicLong lastRead = new AtomicLong(System.nanoTime());
    private final AtomicLong lastReload;

    private StoredKeyRing(String setting, String what, Format<R> format, Store store, SecretBox box, Clock clock) {
        this.setting = setting;
        this.what = what;
        this.format = format;
        this.store = store;
        this.box = box;
        this.clock = clock;
        this.lastReload = new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());
    }

    /**
     * The ring kept in {@code setting}.
     *
     * @param what     what the log calls the ring ({@code session keys})
     * @param makeNow  whether a store without the ring gets one now (in one transaction, so two processes starting on a
     *                 new database agree on it); otherwise it is made at its first use
     * @param box      seals under the store's master key (already checked against the store)
     */
    public static <R> StoredKeyRing<R> open(String setting, String what, Format<R> format, Store store, SecretBox box,
                                            Clock clock, boolean makeNow) {
        StoredKeyRing<R> keys = new StoredKeyRing<>(setting, what, format, store, box, clock);
        keys.ring = makeNow ? keys.readOrMake() : store.meta(setting).map(keys::open).orElse(null);
        return keys;
    }

    /** The ring in use (made now if it never was); once it is {@link #REFRESH} old, it is read again in the background. */
    public R ring() {
        R held = ring;
        if (held == null) {
            lock.lock();
            try {
                if (ring == null) {
                    ring = readOrMake();
                    lastRead.set(System.nanoTime());
                }
                return ring;
            } finally {
                lock.unlock();
            }
        }
        refreshIfDue();
        return held;
    }

    /**
     * The ring in use, or {@code null} when it was never made: unlike {@link #ring()}, never makes one (for requests
     * that only ask whether a key is this ring's).
     */
    public R peek() {
        R held = ring;
        if (held != null) {
            refreshIfDue();
        }
        return held;
    }

    /** Starts reading the ring again in the background once it is {@link #REFRESH} old. */
    private void refreshIfDue() {
        long last = lastRead.get();
        long now = System.nanoTime();
        if (now - last >= REFRESH.toNanos() && lastRead.compareAndSet(last, now)) {
            Thread.ofVirtual().name("gatehouse-keys-" + setting).start(this::readQuietly);
        }
    }

    /**
     * Reads the ring from the store now, unless that was done less than {@code spacing} ago (so requests naming keys
     * this server does not hold cost at most one read per spacing).
     *
     * @return whether the ring was read
     */
    public boolean reload(Duration spacing) {
        long last = lastReload.get();
        long now = System.nanoTime();
        if (now - last < spacing.toNanos() || !lastReload.compareAndSet(last, now)) {
            return false;
        }
        read();
        return true;
    }

    /**
     * Rotates the ring in the store (so a rotation by another process is not undone) and uses the result from now on;
     * the new ring is durable before it is used. New keys are made before the store's transaction, which only checks
     * that the stored ring is still the one rotated (and starts again when another process rotated it meanwhile), so
     * a slow key generation never holds the store's writer.
     */
    public R rotate() {
        lock.lock();
        try {
            return rotateLocked();
        } finally {
            lock.unlock();
        }
    }

    private R rotateLocked() {
        while (true) {
            String before = store.meta(setting).orElse(null);
            R stored = before == null ? format.first().apply(random, clock.instant()) : open(before);
            R next = format.rotation().rotated(stored, random, clock.instant());
            String sealed = seal(next);
            boolean written = store.writer().run(tx -> {
                if (!Objects.equals(tx.meta(setting).orElse(null), before)) {
                    return false;
                }
                tx.putMeta(setting, sealed);
                return true;
            });
            if (written) {
                ring = next;
                lastRead.set(System.nanoTime());
                LOG.info("rotated the {}: {}", what, format.describe().apply(next));
                return next;
            }
        }
    }

    /** The stored ring, or a new one made (outside the transaction) and stored when the store has none. */
    private R readOrMake() {
        Optional<String> stored = store.meta(setting);
        if (stored.isPresent()) {
            return open(stored.get());
        }
        R first = format.first().apply(random, clock.instant());
        String value = seal(first);
        String kept = store.writer().run(tx -> tx.meta(setting).orElseGet(() -> {
            tx.putMeta(setting, value);
            return value;
        }));
        if (kept.equals(value)) {
            LOG.info("created the {}: {}", what, format.describe().apply(first));
            return first;
        }
        return open(kept); // another process made the ring first: use its
    }

    /** Reads the ring from the store; a failure keeps the ring held and is logged. */
    private void readQuietly() {
        try {
            read();
        } catch (RuntimeException e) {
            LOG.warn("could not read the {} again; keeping the ones held ({})", what, e.toString());
        }
    }

    /**
     * Reads the ring from the store. Under the same lock as {@link #rotate()}: a read that began before a rotation here
     * committed cannot put back the ring the rotation replaced.
     */
    private void read() {
        lock.lock();
        try {
            store.meta(setting).map(this::open).ifPresent(read -> ring = read);
            lastRead.set(System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    private String context() {
        return "setting:" + setting;
    }

    private String seal(R value) {
        return box.seal(context(), format.encode().apply(value).getBytes(StandardCharsets.UTF_8));
    }

    private R open(String sealed) {
        return format.decode().apply(new String(box.open(context(), sealed), StandardCharsets.UTF_8));
    }
}
