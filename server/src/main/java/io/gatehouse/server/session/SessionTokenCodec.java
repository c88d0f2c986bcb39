package io.gatehouse.server.session;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Writes and reads session tokens: self-contained, encrypted and authenticated with AES-256-GCM under a
 * {@link SessionKey}, so that checking one needs neither the database nor any state beyond the key ring. Thread-safe.
 *
 * <p>A token is unpadded base64url of
 * <pre>
 *   version (1 byte, 1) ‖ key id (4, big-endian) ‖ nonce (12, random) ‖ AES-GCM(payload) ‖ tag (16)
 * </pre>
 * with {@code version ‖ key id} as the associated data, so that neither can be changed without the tag failing. The
 * payload of version 1, in order (strings are UTF-8 after their length: {@code s8} a 1-byte length, {@code s16} a
 * 2-byte big-endian length; times are signed 8-byte Unix seconds):
 * <pre>
 *   s8  temporary access key id        s8  secret access key        s8  account id
 *   u8  principal kind (0 root, 1 user; 2 and 3 reserved)          s16 principal ARN
 *   s8  principal unique id            i64 issued at                i64 expires at
 *   u8  flags (bit 0: MFA authenticated; other bits 0)             [i64 MFA authenticated at, when bit 0]
 *   u8  extension count (0 in this version; reserved for session policies, tags and source identity)
 * </pre>
 * A token that is not exactly this (bad base64 or not its canonical form, another version, a key the ring does not
 * hold, a failed tag, a payload that ends early or has bytes left over, an unknown principal kind, flag or extension)
 * is refused with a {@link SessionTokenException}. docs/sessions.md describes the format and its reasons.
 */
public final class SessionTokenCodec {

    /** The token format written and read. */
    public static final int VERSION = 1;

    private static final int HEADER_LENGTH = 1 + 4;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_LENGTH = HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8;
    private static final int MFA_FLAG = 1;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random = new SecureRandom();

    /** The token of {@code token}, sealed under {@code key}. */
    public String encode(SessionToken token, SessionKey key) {
        byte[] payload = payload(token);
        byte[] header = ByteBuffer.allocate(HEADER_LENGTH).put((byte) VERSION).putInt(key.id()).array();
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(payload);
            byte[] bytes = ByteBuffer.allocate(HEADER_LENGTH + NONCE_LENGTH + sealed.length)
                    .put(header).put(nonce).put(sealed).array();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * What a token holds, if it is one this ring's keys sealed and nobody changed. Expiry is not checked here: the
     * caller compares {@link Session#expiresAt()} with its clock.
     *
     * @throws SessionTokenException if it is not such a token
     */
    public SessionToken decode(String token, SessionKeyRing ring) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new SessionTokenException("not base64url");
        }
        // One token, one text: unused bits in the last character would give a second spelling of the same bytes.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
            throw new SessionTokenException("not canonical base64url");
        }
        if (bytes.length < MIN_LENGTH) {
            throw new SessionTokenException("too short");
        }
        if (bytes[0] != VERSION) {
            throw new SessionTokenException("unknown version " + (bytes[0] & 0xff));
        }
        int keyId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        SessionKey key = ring.find(keyId);
        if (key == null) {
            throw new SessionTokenException("sealed under a session key this server does not hold");
        }
        byte[] payload;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(TAG_BITS, bytes, HEADER_LENGTH, NONCE_LENGTH));
            cipher.updateAAD(bytes, 0, HEADER_LENGTH);
            int offset = HEADER_LENGTH + NONCE_LENGTH;
            payload = cipher.doFinal(bytes, offset, bytes.length - offset);
        } catch (AEADBadTagException e) {
            throw new SessionTokenException("failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
        try {
            return read(ByteBuffer.wrap(payload));
        } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException e) {
            // Only a bug here could produce such a payload under a valid tag; refuse it all the same.
            throw new SessionTokenException("malformed payload");
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    private static byte[] payload(SessionToken token) {
        Session session = token.session();
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        shortString(out, session.accessKeyId());
        shortString(out, token.secretAccessKey());
        shortString(out, session.accountId());
        out.write(session.principal().kind().code());
        longString(out, session.principal().arn());
        shortString(out, session.principal().uniqueId());
        time(out, session.issuedAt());
        time(out, session.expiresAt());
        out.write(session.mfaAuthenticated() ? MFA_FLAG : 0);
        if (session.mfaAuthenticated()) {
            time(out, session.mfaAuthenticatedAt());
        }
        out.write(0); // extensions
        return out.toByteArray();
    }

    private static SessionToken read(ByteBuffer in) {
        String accessKeyId = shortString(in);
        String secret = shortString(in);
        String accountId = shortString(in);
        SessionPrincipal.Kind kind = SessionPrincipal.Kind.ofCode(in.get() & 0xff);
        if (kind == null) {
            throw new SessionTokenException("unknown principal kind");
        }
        String arn = longString(in);
        String uniqueId = shortString(in);
        Instant issuedAt = time(in);
        Instant expiresAt = time(in);
        int flags = in.get() & 0xff;
        if ((flags & ~MFA_FLAG) != 0) {
            throw new SessionTokenException("unknown flags");
        }
        Instant mfaAt = (flags & MFA_FLAG) != 0 ? time(in) : null;
        if (in.get() != 0) {
            // An extension may restrict the session (a session policy); one not understood must not be ignored.
            throw new SessionTokenException("unknown extensions");
        }
        if (in.hasRemaining()) {
            throw new SessionTokenException("bytes after the payload");
        }
        return new SessionToken(new Session(accessKeyId, accountId, new SessionPrincipal(kind, arn, uniqueId),
                issuedAt, expiresAt, mfaAt), secret);
    }

    private static void shortString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xff) {
            throw new IllegalArgumentException("too long for a token field: " + bytes.length + " bytes");
        }
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static void longString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xffff) {
            throw new IllegalArgumentException("too long for a token field: " + bytes.length + " bytes");
        }
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static void time(ByteArrayOutputStream out, Instant time) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(time.getEpochSecond()).array());
    }

    private static String shortString(ByteBuffer in) {
        return string(in, in.get() & 0xff);
    }

    private static String longString(ByteBuffer in) {
        return string(in, in.getShort() & 0xffff);
    }

    private static String string(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Instant time(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong());
    }
}
