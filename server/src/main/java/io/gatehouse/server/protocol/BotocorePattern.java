package io.gatehouse.server.protocol;

import java.util.regex.Pattern;

/**
 * Compiles the regular expressions of botocore models with the meaning the models intend.
 *
 * <p>The models write code points as backslash, {@code u} and four hex digits, as Java does, except for the
 * supplementary planes, which they write with five or six digits: STS's {@code arnType} pattern ends in the range
 * U+10000 to U+10FFFF written that way, the tail of the XML character range. Java would read the
 * five-digit escape as U+1000 followed by a literal {@code 0}, making a range from {@code 0} to U+10FF: it would
 * admit U+0080 and refuse every emoji. Such escapes are rewritten as Java's backslash-{@code x{10000}} form.
 * Everything else in the models is Java syntax already (word classes, Unicode properties, look-ahead).
 */
final class BotocorePattern {

    private static final int FIRST_SUPPLEMENTARY = 0x10000;

    private BotocorePattern() {
    }

    /** The pattern compiled for whole-value matching ({@link java.util.regex.Matcher#matches()}). */
    static Pattern compile(String botocorePattern) {
        return Pattern.compile(toJava(botocorePattern));
    }

    /** The pattern with its supplementary-plane escapes rewritten for Java. */
    static String toJava(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '\\' || i + 1 >= pattern.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = pattern.charAt(i + 1);
            if (next != 'u') {
                out.append(c).append(next); // an escape pair, copied whole: an escaped backslash before u is no escape
                i += 2;
                continue;
            }
            int digits = supplementaryDigits(pattern, i + 2);
            if (digits == 0) {
                out.append("\\u");
                i += 2;
            } else {
                out.append("\\x{").append(pattern, i + 2, i + 2 + digits).append('}');
                i += 2 + digits;
            }
        }
        return out.toString();
    }

    /**
     * How many hex digits from {@code start} spell a supplementary code point (6 or 5), or 0 when the escape is an
     * ordinary four-digit one.
     */
    private static int supplementaryDigits(String pattern, int start) {
        int hex = 0;
        while (hex < 6 && start + hex < pattern.length() && Character.digit(pattern.charAt(start + hex), 16) >= 0) {
            hex++;
        }
        for (int digits = hex; digits >= 5; digits--) {
            int value = Integer.parseInt(pattern.substring(start, start + digits), 16);
            if (value >= FIRST_SUPPLEMENTARY && value <= Character.MAX_CODE_POINT) {
                return digits;
            }
        }
        return 0;
    }
}
