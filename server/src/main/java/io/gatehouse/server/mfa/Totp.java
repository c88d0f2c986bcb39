package io.gatehouse.server.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them and virtual MFA apps produce them: HMAC-SHA1 over the
 * number of 30-second steps since the Unix epoch, dynamically truncated (RFC 4226) to six digits. A code is
 * accepted in the step it belongs to and one step either side, for clocks that drift a little.
 */
public final class Totp {

    /** Seconds per time step. */
    public static final long STEP_SECONDS = 30;
    /** Digits of a code. */
    public static final int DIGITS = 6;
    /** Steps either side of the current one whose codes are still accepted. */
    public static final int WINDOW = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {}

    /** The time step an instant falls in. */
    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of a step with {@link #DIGITS} digits. */
    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS);
    }

    /** The code of a step with the given number of digits (1 to 8), zero-padded. */
    public static String code(byte[] key, long step, int digits) {
        byte[] hash = hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step, within {@link #WINDOW} of {@code current}, whose code is {@code code}; the latest one should two
     * match. Every candidate is compared in constant time.
     */
    public static OptionalLong matchingStep(byte[] key, String code, long current) {
        long matched = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (same(code(key, step), code)) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /**
     * The step of {@code second} when {@code first} and {@code second} are the codes of two consecutive steps and
     * {@code second}'s step is within {@link #WINDOW} of {@code current}, as EnableMFADevice and ResyncMFADevice ask.
     */
    public static OptionalLong matchingPair(byte[] key, String first, String second, long current) {
        long matched = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            // Both comparisons always run, so that timing tells nothing about which code was wrong.
            boolean firstMatches = same(code(key, step - 1), first);
            boolean secondMatches = same(code(key, step), second);
            if (firstMatches & secondMatches) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java platform", e);
        }
    }
}
