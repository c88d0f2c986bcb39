package io.gatehouse.server.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The body of a request as the signature sees it: the bytes themselves (hashed only once the cheaper checks have
 * passed) or their SHA-256 when the HTTP layer has already computed it.
 */
public sealed interface Payload {

    /** SHA-256 of the empty string, the payload hash of a request without a body. */
    String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** A request without a body. */
    static Payload empty() {
        return Digest.EMPTY;
    }

    /** A body given as bytes; the array is not copied and must not change while the request is verified. */
    static Payload of(byte[] body) {
        return new Body(ByteBuffer.wrap(body).asReadOnlyBuffer());
    }

    /**
     * A body given by its SHA-256 as 64 lower-case hex digits.
     *
     * @throws IllegalArgumentException if {@code sha256Hex} is not 64 lower-case hex digits
     */
    static Payload ofSha256Hex(String sha256Hex) {
        return new Digest(sha256Hex);
    }

    /** The SHA-256 of the body as 64 lower-case hex digits. */
    String sha256Hex();

    /** Whether the body is empty. */
    boolean isEmpty();

    /** A body held as bytes (a read-only view). */
    record Body(ByteBuffer bytes) implements Payload {
        public Body {
            bytes = bytes.asReadOnlyBuffer();
        }

        /** A read-only view of the body of its own, so that reading it leaves this payload unchanged. */
        @Override
        public ByteBuffer bytes() {
            return bytes.duplicate();
        }

        @Override
        public String sha256Hex() {
            MessageDigest sha256 = Sha256.digest();
            sha256.update(bytes.duplicate());
            return HexFormat.of().formatHex(sha256.digest());
        }

        @Override
        public boolean isEmpty() {
            return !bytes.hasRemaining();
        }
    }

    /** A body known by its SHA-256. */
    record Digest(String sha256Hex) implements Payload {
        static final Digest EMPTY = new Digest(EMPTY_SHA256);

        public Digest {
            Objects.requireNonNull(sha256Hex, "sha256Hex");
            if (!isLowerHex(sha256Hex, 64)) {
                throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits");
            }
        }

        @Override
        public boolean isEmpty() {
            return EMPTY_SHA256.equals(sha256Hex);
        }

        static boolean isLowerHex(String s, int length) {
            if (s.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
            return true;
        }
    }
}
