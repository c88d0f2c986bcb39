package io.gatehouse.policy.condition;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Parsers for the typed values conditions compare: numbers, dates, IP addresses, booleans, base64 binaries.
 * Each returns {@code null} for text that is not of its type; none throws and none does I/O (addresses are
 * parsed as literals, never looked up).
 */
public final class Values {

    private static final int MAX_NUMBER_LENGTH = 256;
    private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

    private Values() {}

    /** A decimal or integer number ({@code 3600}, {@code -1.5}, {@code 1e3}), or {@code null}. */
    public static BigDecimal parseNumber(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_NUMBER_LENGTH) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            // Exponents this large are not numbers any request carries; refuse them rather than compute with them.
            return Math.abs(value.scale()) > 1000 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A date: epoch seconds ({@code 1717243200}), or ISO 8601 date-time with or without fraction and offset
     * ({@code 2024-06-01T12:00:00Z}, {@code 2024-06-01T12:00:00.123+02:00}, {@code 2024-06-01T12:00:00} as UTC),
     * or a date alone ({@code 2024-06-01}, as its midnight UTC). Returns {@code null} for anything else.
     */
    public static Instant parseDate(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        if (isEpoch(text)) {
            try {
                long epoch = Long.parseLong(text);
                // Epoch seconds; a value of 12 digits or more can only be milliseconds (seconds that large lie past
                // the year 5000), as JavaScript-style clients write it.
                return Math.abs(epoch) >= EPOCH_MILLIS_THRESHOLD ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
            } catch (NumberFormatException | DateTimeException e) {
                return null;
            }
        }
        Instant utc = parseUtcDateTime(text);
        if (utc != null) {
            return utc;
        }
        try {
            if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String upper = text.replace('t', 'T').replace('z', 'Z');
            if (upper.endsWith("Z") || hasOffset(upper)) {
                return OffsetDateTime.parse(upper).toInstant();
            }
            return LocalDateTime.parse(upper).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The form AWS itself writes into request contexts, {@code yyyy-MM-ddTHH:mm:ssZ} with an optional fraction,
     * read without the general parser (which allocates several objects per value); {@code null} for any other form.
     */
    private static Instant parseUtcDateTime(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, 20, fractionDigits);
            for (int i = fractionDigits; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || hour > 23 || minute > 59 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code count} digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isEpoch(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length() || text.length() - start > 18) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasOffset(String text) {
        int t = text.indexOf('T');
        return text.indexOf('+', t) > 0 || text.indexOf('-', t) > 0;
    }

    /** {@code true}/{@code false} in any letter case, else {@code null}. */
    public static Boolean parseBool(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Base64-decoded bytes, or {@code null} when the text is not base64. */
    public static byte[] parseBinary(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * An IPv4 or IPv6 address literal as 4 or 16 bytes; an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is
     * returned as its 4 IPv4 bytes. Returns {@code null} for anything that is not an address literal.
     */
    public static byte[] parseAddress(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return parseIpv4(text);
        }
        byte[] v6 = parseIpv6(text);
        if (v6 != null && isIpv4Mapped(v6)) {
            return new byte[] {v6[12], v6[13], v6[14], v6[15]};
        }
        return v6;
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    static byte[] parseIpv4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part == 4) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    static byte[] parseIpv6(String text) {
        int zone = text.indexOf('%');
        if (zone >= 0) {
            return null;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        if (doubleColon < 0) {
            return fillGroups(text, out, 0, 16) == 16 ? out : null;
        }
        String head = text.substring(0, doubleColon);
        String tail = text.substring(doubleColon + 2);
        byte[] tailBytes = new byte[16];
        int headLength = head.isEmpty() ? 0 : fillGroups(head, out, 0, 14);
        int tailLength = tail.isEmpty() ? 0 : fillGroups(tail, tailBytes, 0, 14);
        if (headLength < 0 || tailLength < 0 || headLength + tailLength > 14) {
            return null;
        }
        System.arraycopy(tailBytes, 0, out, 16 - tailLength, tailLength);
        return out;
    }

    /** Writes colon-separated groups (the last may be dotted IPv4) into out; returns bytes written or -1. */
    private static int fillGroups(String text, byte[] out, int offset, int max) {
        String[] groups = text.split(":", -1);
        int pos = offset;
        for (int g = 0; g < groups.length; g++) {
            String group = groups[g];
            if (g == groups.length - 1 && group.indexOf('.') >= 0) {
                byte[] v4 = parseIpv4(group);
                if (v4 == null || pos + 4 > max) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, pos, 4);
                pos += 4;
                continue;
            }
            if (group.isEmpty() || group.length() > 4 || pos + 2 > max) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < group.length(); i++) {
                int digit = Character.digit(group.charAt(i), 16);
                if (digit < 0) {
                    return -1;
                }
                value = value * 16 + digit;
            }
            out[pos++] = (byte) (value >> 8);
            out[pos++] = (byte) value;
        }
        return pos - offset;
    }
}
