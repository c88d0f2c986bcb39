package io.gatehouse.server.session;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One 256-bit AES key that seals session tokens, with the 4-byte id a token names it by. The id is random, not
 * derived from the key, so it tells nothing about the key. {@link #toString()} shows the id only.
 *
 * @param id      the key id, as a token carries it
 * @param created when the key was made (it became the current key then)
 */
public record SessionKey(int id, Instant created, byte[] key) {

    /** Key length in bytes. */
    public static final int LENGTH = 32;

    public SessionKey {
        Objects.requireNonNull(created, "created");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a session key is " + LENGTH + " bytes");
        }
        key = key.clone();
    }

    /** A new random key with a random id, made at {@code created} (kept to the second, as it is stored). */
    static SessionKey generate(SecureRandom random, Instant created) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new SessionKey(random.nextInt(), created.truncatedTo(ChronoUnit.SECONDS), key);
    }

    /** The id as 8 hex digits, as logs and the command line show it. */
    public String idHex() {
        return HexFormat.of().toHexDigits(id);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionKey that && id == that.id && created.equals(that.created)
                && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(id);
    }

    @Override
    public String toString() {
        return "SessionKey[id=" + idHex() + ", created=" + created + "]";
    }
}
