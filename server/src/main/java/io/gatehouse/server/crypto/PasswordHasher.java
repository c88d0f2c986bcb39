package io.gatehouse.server.crypto;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import io.gatehouse.server.error.AwsError;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Hashes passwords with Argon2id and verifies them. A hash is stored in the PHC string form
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), which carries its own parameters, so hashes made with older
 * parameters keep verifying after the configuration changes; {@link Verification#needsRehash()} tells the caller
 * (sign-in) to store a fresh hash of the password it has just verified.
 *
 * <p>Hashing is deliberately slow: call it outside the state writer's thread. Thread-safe. At most
 * {@link #concurrency()} hashes or verifications run at once (each takes the configured memory, 19 MiB by default,
 * and a core for tens of milliseconds); a call that finds them all taken waits up to {@link #MAX_WAIT} and is then
 * refused with {@code Throttling}, so a burst of password calls costs bounded memory and leaves the cores to the rest.
 */
public final class PasswordHasher {

    /** Bytes of random salt per hash (RFC 9106 recommends 16). */
    static final int SALT_BYTES = 16;
    /** Bytes of hash output (RFC 9106's recommended tag length). */
    static final int HASH_BYTES = 32;

    /** How long a call waits for a free slot before it is refused. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final PasswordHashing parameters;
    private final Argon2Function function;
    private final SecureRandom random = new SecureRandom();
    private final int concurrency;
    private final Duration maxWait;
    private final Semaphore slots;

    /** A hasher running at most as many hashes at once as the machine has cores (at least two). */
    public PasswordHasher(PasswordHashing parameters) {
        this(parameters, Math.max(2, Runtime.getRuntime().availableProcessors()), MAX_WAIT);
    }

    PasswordHasher(PasswordHashing parameters, int concurrency, Duration maxWait) {
        this.parameters = parameters;
        this.function = Argon2Function.getInstance(parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
        this.concurrency = concurrency;
        this.maxWait = maxWait;
        this.slots = new Semaphore(concurrency, true);
    }

    /** How many hashes or verifications may run at once. */
    public int concurrency() {
        return concurrency;
    }

    /** How many are running now. */
    int running() {
        return concurrency - slots.availablePermits();
    }

    /** What verifying a password against a stored hash found. */
    public record Verification(boolean matches, boolean needsRehash) {}

    /** The parameters new hashes are made with. */
    public PasswordHashing parameters() {
        return parameters;
    }

    /** A new hash of the password, with a random salt, in PHC string form. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            return inSlot(() -> function.hash(bytes, salt).getResult());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Whether the password is the one a stored hash was made from, and whether that hash should be replaced by a
     * new one (it is not Argon2id version 1.3 with at least the configured parameters). A stored value that is not
     * an Argon2id hash matches nothing.
     */
    public Verification verify(String password, String storedHash) {
        Argon2Function stored;
        try {
            stored = Argon2Function.getInstanceFromHash(storedHash);
        } catch (RuntimeException notArgon2) {
            return new Verification(false, true);
        }
        if (stored.getVariant() != Argon2.ID) {
            return new Verification(false, true);
        }
        boolean matches = inSlot(() -> stored.check(password, storedHash));
        PasswordHashing used = new PasswordHashing(stored.getMemory(), stored.getIterations(), stored.getParallelism());
        boolean weaker = parameters.strongerThan(used) || stored.getVersion() != Argon2Function.ARGON2_VERSION_13;
        return new Verification(matches, matches && weaker);
    }

    /** Runs one hash computation once a slot is free; refuses with {@code Throttling} after the longest wait. */
    <T> T inSlot(Supplier<T> computation) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw AwsError.THROTTLING.exception();
        }
        try {
            return computation.get();
        } finally {
            slots.release();
        }
    }
}
