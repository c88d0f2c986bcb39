package io.gatehouse.server.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets with AES-256-GCM under a {@link MasterKey}. Thread-safe.
 *
 * <p>A sealed secret is unpadded base64url of {@code version (1 byte, 1) ‖ key id (4) ‖ nonce (12) ‖ ciphertext ‖
 * tag (16)}. The nonce is random for every seal. The associated data is {@code version ‖ key id ‖ UTF-8(context)},
 * where the context names what the secret protects ({@code "access-key:AKIA…"}): a sealed value copied to another
 * row, or given a changed header, fails to open.
 */
public final class SecretBox {

    private static final byte VERSION = 1;
    private static final int HEADER_LENGTH = 1 + MasterKey.ID_LENGTH;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_LENGTH = HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final MasterKey key;
    private final byte[] header;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(MasterKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.header = ByteBuffer.allocate(HEADER_LENGTH).put(VERSION).put(key.idBytes()).array();
    }

    /** The id of the master key this box seals under. */
    public String keyId() {
        return key.id();
    }

    /**
     * Seals a secret for a context.
     *
     * @param context what the secret protects, for example {@code "access-key:AKIAIOSFODNN7EXAMPLE"}; not empty
     * @return the sealed form, safe to store
     */
    public String seal(String context, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(header, context));
            sealed = ByteBuffer.allocate(HEADER_LENGTH + NONCE_LENGTH + cipher.getOutputSize(plaintext.length))
                    .put(header).put(nonce).put(cipher.doFinal(plaintext)).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /**
     * Opens a secret sealed for the same context.
     *
     * @throws SecretBoxException if the value is malformed, sealed under another master key, tampered with, or
     *     sealed for another context
     */
    public byte[] open(String context, String sealed) {
        Objects.requireNonNull(sealed, "sealed");
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("sealed secret is not base64url");
        }
        if (bytes.length < MIN_LENGTH || bytes[0] != VERSION) {
            throw new SecretBoxException("sealed secret is malformed or of an unknown version");
        }
        byte[] sealedHeader = Arrays.copyOfRange(bytes, 0, HEADER_LENGTH);
        if (!Arrays.equals(sealedHeader, header)) {
            throw new SecretBoxException("sealed under master key "
                    + HexFormat.of().formatHex(sealedHeader, 1, HEADER_LENGTH) + ", not " + key.id());
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(TAG_BITS, bytes, HEADER_LENGTH, NONCE_LENGTH));
            cipher.updateAAD(associatedData(sealedHeader, context));
            int offset = HEADER_LENGTH + NONCE_LENGTH;
            return cipher.doFinal(bytes, offset, bytes.length - offset);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException("sealed secret failed authentication: tampered with, or for another context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] associatedData(byte[] header, String context) {
        if (context == null || context.isEmpty()) {
            throw new IllegalArgumentException("a secret is sealed for a non-empty context");
        }
        byte[] name = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + name.length).put(header).put(name).array();
    }
}
