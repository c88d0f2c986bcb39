package io.gatehouse.server.protocol;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Pagination markers: opaque to clients, they carry the position after which the next page starts and a checksum
 * of the operation that issued them, so that a marker from another operation, or any made-up string, is refused
 * with IAM's {@code ValidationError: Invalid Marker.} rather than silently restarting the listing.
 *
 * <p>Layout before URL-safe base64 without padding: one version byte, the CRC-32 of the operation name, the UTF-8
 * position. A marker is not a secret and needs no signature: a forged position only moves where a listing starts,
 * and every listed entity is still subject to authorization.
 */
final class Markers {

    /** IAM's markerType allows 320 characters, so the encoded marker must fit. */
    static final int MAX_LENGTH = 320;

    static final String INVALID = "Invalid Marker.";

    private static final byte VERSION = 1;
    private static final int HEADER = 5;

    private Markers() {
    }

    /**
     * The marker for a position.
     *
     * @throws IllegalArgumentException when the position is too long to fit a marker: choose a shorter sort key
     */
    static String encode(String operation, String position) {
        byte[] key = position.getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(HEADER + key.length)
                .put(VERSION).putInt(checksum(operation)).put(key);
        String marker = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
        if (marker.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a position of " + key.length + " bytes does not fit a marker");
        }
        return marker;
    }

    /**
     * The position a marker carries.
     *
     * @throws AwsException {@code ValidationError: Invalid Marker.} for anything this operation did not issue
     */
    static String decode(String operation, String marker) {
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(marker);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        if (payload.length < HEADER || buffer.get() != VERSION || buffer.getInt() != checksum(operation)) {
            throw invalid();
        }
        try {
            CharBuffer position = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer);
            return position.toString();
        } catch (CharacterCodingException e) {
            throw invalid();
        }
    }

    private static int checksum(String operation) {
        CRC32 crc = new CRC32();
        crc.update(operation.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private static AwsException invalid() {
        return AwsError.VALIDATION_ERROR.exception(INVALID);
    }
}
