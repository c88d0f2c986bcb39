package io.gatehouse.server.crypto;

/**
 * The Argon2id parameters new password hashes are made with.
 *
 * <p>The defaults are OWASP's first recommended Argon2id configuration (Password Storage Cheat Sheet): 19 MiB of
 * memory, 2 iterations, 1 lane. One lane suits a 2-core server that also answers other requests while it hashes;
 * one hash then takes about 50 to 150 ms on such a machine. Raise memory first when the server has more to give.
 *
 * @param memoryKib   memory per hash in KiB (at least 8 per lane, as Argon2 requires)
 * @param iterations  passes over the memory (at least 1)
 * @param parallelism lanes (at least 1)
 */
public record PasswordHashing(int memoryKib, int iterations, int parallelism) {

    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    public static final PasswordHashing DEFAULT =
            new PasswordHashing(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);

    public PasswordHashing {
        if (parallelism < 1 || parallelism > 255) {
            throw new IllegalArgumentException("Argon2 parallelism must be from 1 to 255, not " + parallelism);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("Argon2 iterations must be at least 1, not " + iterations);
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 memory must be at least 8 KiB per lane, not " + memoryKib + " KiB");
        }
    }

    /** Whether a hash made with {@code other} is weaker than one made with these parameters in any of them. */
    boolean strongerThan(PasswordHashing other) {
        return memoryKib > other.memoryKib || iterations > other.iterations || parallelism > other.parallelism;
    }
}
