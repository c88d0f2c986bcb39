package io.gatehouse.server.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as RFC 3986 defines it, which IAM uses for the policy documents it returns: every byte of the
 * UTF-8 form except the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, a space included
 * ({@code %20}, never {@code +}: botocore decodes with {@code unquote}, which leaves {@code +} alone).
 */
final class Rfc3986 {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Rfc3986() {
    }

    static void encode(StringBuilder out, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }
}
