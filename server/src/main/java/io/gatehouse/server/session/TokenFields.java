package io.gatehouse.server.session;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The field encodings of session tokens: {@code s8} (a 1-byte length, then UTF-8), {@code s16} (a 2-byte big-endian
 * length, then UTF-8) and {@code i64} times (signed 8-byte Unix seconds).
 */
final class TokenFields {

    private TokenFields() {}

    static void shortString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xff) {
            throw new IllegalArgumentException("too long for a token field: " + bytes.length + " bytes");
        }
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    static void longString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xffff) {
            throw new IllegalArgumentException("too long for a token field: " + bytes.length + " bytes");
        }
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    static void time(ByteArrayOutputStream out, Instant time) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(time.getEpochSecond()).array());
    }

    static String shortString(ByteBuffer in) {
        return string(in, in.get() & 0xff);
    }

    static String longString(ByteBuffer in) {
        return string(in, in.getShort() & 0xffff);
    }

    private static String string(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Instant time(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong());
    }
}
