package io.gatehouse.server.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that seals every stored secret, with a short public id derived from it (the first 4 bytes of
 * SHA-256 over a label and the key) so that a sealed value names the key it needs and a wrong key is reported as
 * such. {@link #toString()} shows the id only.
 */
public final class MasterKey {

    /** Key length in bytes. */
    public static final int LENGTH = 32;
    static final int ID_LENGTH = 4;

    private static final byte[] ID_LABEL = "gatehouse master key id\0".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key;
    private final byte[] id;

    private MasterKey(byte[] key) {
        this.key = key;
        this.id = idOf(key);
    }

    /**
     * A master key from its 32 bytes (copied).
     *
     * @throws IllegalArgumentException if there are not exactly 32 bytes
     */
    public static MasterKey of(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a master key is " + LENGTH + " bytes");
        }
        return new MasterKey(key.clone());
    }

    /** A new random master key. */
    static MasterKey generate(SecureRandom random) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new MasterKey(key);
    }

    /** The key's public id, 8 hex digits. */
    public String id() {
        return HexFormat.of().formatHex(id);
    }

    byte[] idBytes() {
        return id.clone();
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    /** The key in the form of the key file and the environment variable: base64 of its 32 bytes. */
    String encoded() {
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id() + "]";
    }

    private static byte[] idOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            return Arrays.copyOf(sha256.digest(key), ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
