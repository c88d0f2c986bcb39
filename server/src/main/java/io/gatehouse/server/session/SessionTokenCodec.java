package io.gatehouse.server.session;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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
 *   u8  principal kind (0 root, 1 user, 2 assumed role, 3 federated user)   s16 principal ARN
 *   s8  principal unique id            i64 issued at                i64 expires at
 *   u8  flags (bit 0: MFA authenticated; other bits 0)             [i64 MFA authenticated at, when bit 0]
 *   u8  extension count, then each extension: u8 type ‖ u16 length ‖ body, types ascending, each at most once:
 *       1 issuer (s16 ARN, s8 unique id; exactly for kinds 2 and 3)   2 source identity (s8)
 *       3 session policies and tags, packed ({@link SessionPacking})   4 federated provider (s16 provider ARN)
 *       5 identity provider keys: u8 n, then n × (s8 name, u8 multi-valued 0|1, u16 m, m × s16 value)
 * </pre>
 * A token that is not exactly this (bad base64 or not its canonical form, another version, a key the ring does not
 * hold, a failed tag, a payload that ends early or has bytes left over, an unknown principal kind, flag or extension,
 * extensions out of order or repeated, an issuer missing from a role or federated session or present on another, a
 * single-valued identity provider key without exactly one value)
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
    private static final int EXTENSION_ISSUER = 1;
    private static final int EXTENSION_SOURCE_IDENTITY = 2;
    private static final int EXTENSION_PACKED = 3;
    private static final int EXTENSION_FEDERATED_PROVIDER = 4;
    private static final int EXTENSION_FEDERATION_KEYS = 5;

    private final SecureRandom random = new SecureRandom();

    /** The token of {@code token}, sealed under {@code key}. */
    public String encode(SessionToken token, SessionKey key) {
        SessionAttributes attributes = token.session().attributes();
        return encode(token, key, attributes.hasPolicyOrTags()
                ? SessionPacking.pack(attributes.policies(), attributes.tags()) : null);
    }

    /** {@link #encode(SessionToken, SessionKey)} with the session's policies and tags packed already. */
    String encode(SessionToken token, SessionKey key, byte[] packed) {
        byte[] payload = payload(token, packed);
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

    private static byte[] payload(SessionToken token, byte[] packed) {
        Session session = token.session();
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        TokenFields.shortString(out, session.accessKeyId());
        TokenFields.shortString(out, token.secretAccessKey());
        TokenFields.shortString(out, session.accountId());
        out.write(session.principal().kind().code());
        TokenFields.longString(out, session.principal().arn());
        TokenFields.shortString(out, session.principal().uniqueId());
        TokenFields.time(out, session.issuedAt());
        TokenFields.time(out, session.expiresAt());
        out.write(session.mfaAuthenticated() ? MFA_FLAG : 0);
        if (session.mfaAuthenticated()) {
            TokenFields.time(out, session.mfaAuthenticatedAt());
        }
        extensions(out, session.attributes(), packed);
        return out.toByteArray();
    }

    /** The extension count, then each extension present, in ascending type order. */
    private static void extensions(ByteArrayOutputStream out, SessionAttributes attributes, byte[] packed) {
        List<byte[]> extensions = new ArrayList<>(4);
        if (attributes.issuer() != null) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(96);
            TokenFields.longString(body, attributes.issuer().arn());
            TokenFields.shortString(body, attributes.issuer().uniqueId());
            extensions.add(extension(EXTENSION_ISSUER, body.toByteArray()));
        }
        if (attributes.sourceIdentity() != null) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(64);
            TokenFields.shortString(body, attributes.sourceIdentity());
            extensions.add(extension(EXTENSION_SOURCE_IDENTITY, body.toByteArray()));
        }
        if (packed != null) {
            extensions.add(extension(EXTENSION_PACKED, packed));
        }
        if (attributes.federatedProvider() != null) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(96);
            TokenFields.longString(body, attributes.federatedProvider());
            extensions.add(extension(EXTENSION_FEDERATED_PROVIDER, body.toByteArray()));
        }
        if (!attributes.federationKeys().isEmpty()) {
            extensions.add(extension(EXTENSION_FEDERATION_KEYS, federationKeys(attributes.federationKeys())));
        }
        out.write(extensions.size());
        extensions.forEach(out::writeBytes);
    }

    private static byte[] federationKeys(List<FederationKey> keys) {
        if (keys.size() > 0xff) {
            throw new IllegalArgumentException("too many identity provider keys: " + keys.size());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        body.write(keys.size());
        for (FederationKey key : keys) {
            TokenFields.shortString(body, key.name());
            body.write(key.multiValued() ? 1 : 0);
            if (key.values().size() > 0xffff) {
                throw new IllegalArgumentException("too many values of " + key.name());
            }
            body.write(key.values().size() >>> 8);
            body.write(key.values().size());
            key.values().forEach(value -> TokenFields.longString(body, value));
        }
        return body.toByteArray();
    }

    private static List<FederationKey> federationKeys(ByteBuffer body) {
        int count = body.get() & 0xff;
        List<FederationKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = TokenFields.shortString(body);
            int multi = body.get() & 0xff;
            if (multi > 1) {
                throw new SessionTokenException("unknown identity provider key flag");
            }
            int valueCount = body.getShort() & 0xffff;
            if (multi == 0 && valueCount != 1) {
                throw new SessionTokenException("a single-valued identity provider key without one value");
            }
            List<String> values = new ArrayList<>(valueCount);
            for (int v = 0; v < valueCount; v++) {
                values.add(TokenFields.longString(body));
            }
            keys.add(new FederationKey(name, multi == 1, values));
        }
        return keys;
    }

    private static byte[] extension(int type, byte[] body) {
        if (body.length > 0xffff) {
            throw new IllegalArgumentException("extension too long: " + body.length + " bytes");
        }
        return ByteBuffer.allocate(3 + body.length).put((byte) type).putShort((short) body.length).put(body).array();
    }

    private static SessionToken read(ByteBuffer in) {
        String accessKeyId = TokenFields.shortString(in);
        String secret = TokenFields.shortString(in);
        String accountId = TokenFields.shortString(in);
        SessionPrincipal.Kind kind = SessionPrincipal.Kind.ofCode(in.get() & 0xff);
        if (kind == null) {
            throw new SessionTokenException("unknown principal kind");
        }
        String arn = TokenFields.longString(in);
        String uniqueId = TokenFields.shortString(in);
        Instant issuedAt = TokenFields.time(in);
        Instant expiresAt = TokenFields.time(in);
        int flags = in.get() & 0xff;
        if ((flags & ~MFA_FLAG) != 0) {
            throw new SessionTokenException("unknown flags");
        }
        Instant mfaAt = (flags & MFA_FLAG) != 0 ? TokenFields.time(in) : null;
        SessionAttributes attributes = readExtensions(in);
        if (in.hasRemaining()) {
            throw new SessionTokenException("bytes after the payload");
        }
        if (kind.hasIssuer() != (attributes.issuer() != null)) {
            throw new SessionTokenException("issuer does not fit the principal kind");
        }
        if (!kind.hasIssuer() && !attributes.equals(SessionAttributes.NONE)) {
            throw new SessionTokenException("extensions on a user session");
        }
        return new SessionToken(new Session(accessKeyId, accountId, new SessionPrincipal(kind, arn, uniqueId),
                issuedAt, expiresAt, mfaAt, attributes), secret);
    }

    /**
     * The extensions: each known type at most once, in ascending order, its body exactly its length. An unknown type
     * is refused, since an extension may restrict a session (a session policy) and ignoring it would widen it.
     */
    private static SessionAttributes readExtensions(ByteBuffer in) {
        int count = in.get() & 0xff;
        SessionIssuer issuer = null;
        String sourceIdentity = null;
        SessionPacking.Unpacked packed = null;
        String federatedProvider = null;
        List<FederationKey> federationKeys = List.of();
        int last = 0;
        for (int i = 0; i < count; i++) {
            int type = in.get() & 0xff;
            if (type <= last || type > EXTENSION_FEDERATION_KEYS) {
                throw new SessionTokenException(type > EXTENSION_FEDERATION_KEYS ? "unknown extensions"
                        : "extensions out of order");
            }
            last = type;
            byte[] bytes = new byte[in.getShort() & 0xffff];
            in.get(bytes);
            ByteBuffer body = ByteBuffer.wrap(bytes);
            switch (type) {
                case EXTENSION_ISSUER -> issuer = new SessionIssuer(TokenFields.longString(body),
                        TokenFields.shortString(body));
                case EXTENSION_SOURCE_IDENTITY -> sourceIdentity = TokenFields.shortString(body);
                case EXTENSION_FEDERATED_PROVIDER -> federatedProvider = TokenFields.longString(body);
                case EXTENSION_FEDERATION_KEYS -> federationKeys = federationKeys(body);
                default -> {
                    packed = SessionPacking.unpack(bytes);
                    body.position(bytes.length);
                }
            }
            if (body.hasRemaining()) {
                throw new SessionTokenException("bytes after an extension");
            }
        }
        return packed == null
                ? new SessionAttributes(issuer, SessionPolicies.NONE, List.of(), sourceIdentity, federatedProvider,
                        federationKeys)
                : new SessionAttributes(issuer, packed.policies(), packed.tags(), sourceIdentity, federatedProvider,
                        federationKeys);
    }
}
