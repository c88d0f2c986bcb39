package io.gatehouse.server.crypto;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Hashes passwords with Argon2id and verifies them. A hash is stored in the PHC string form
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), which carries its own parameters, so hashes made with older
 * parameters keep verifying after the configuration changes; {@link Verification#needsRehash()} tells the caller
 * (sign-in) to store a fresh hash of the password it has just verified.
 *
 * <p>Hashing is deliberately slow: call it outside the state writer's thread. Thread-safe.
 */
public final class PasswordHasher {

    /** Bytes of random salt per hash (RFC 9106 recommends 16). */
    static final int SALT_BYTES = 16;
    /** Bytes of hash output (RFC 9106's recommended tag length). */
    static final int HASH_BYTES = 32;

    private final PasswordHashing parameters;
    private final Argon2Function function;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(PasswordHashing parameters) {
        this.parameters = parameters;
        this.function = Argon2Function.getInstance(parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
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
            return function.hash(bytes, salt).getResult();
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
        boolean matches = stored.check(password, storedHash);
        PasswordHashing used = new PasswordHashing(stored.getMemory(), stored.getIterations(), stored.getParallelism());
        boolean weaker = parameters.strongerThan(used) || stored.getVersion() != Argon2Function.ARGON2_VERSION_13;
        return new Verification(matches, matches && weaker);
    }
}
