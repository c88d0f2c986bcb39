package io.gatehouse.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Percent-encoding as SigV4 canonicalises it: RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - _ . ~}) stay,
 * every other byte of the UTF-8 form becomes {@code %XY} with upper-case hex.
 */
final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    static boolean isUnreserved(int b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
                || b == '-' || b == '_' || b == '.' || b == '~';
    }

    /** Appends {@code bytes[from, to)} encoded; {@code '/'} stays when {@code keepSlash}. */
    static void encode(byte[] bytes, int from, int to, boolean keepSlash, StringBuilder out) {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            if (isUnreserved(b) || keepSlash && b == '/') {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >>> 4]).append(HEX[b & 0xf]);
            }
        }
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        encode(bytes, 0, bytes.length, false, out);
        return out.toString();
    }

    /**
     * Decodes {@code s[from, to)} as a query-string component: {@code %XY} is a byte, {@code +} a space (form
     * encoding, as AWS reads query strings), a {@code %} not followed by two hex digits stays a {@code %}.
     */
    static byte[] decodeQueryComponent(byte[] s, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = s[i];
            if (b == '%' && i + 2 < to) {
                int hi = hexValue(s[i + 1]);
                int lo = hexValue(s[i + 2]);
                if (hi >= 0 && lo >= 0) {
                    out[n++] = (byte) (hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            out[n++] = b == '+' ? (byte) ' ' : b;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * The canonical URI of a raw request path, as SigV4 gives it for services other than S3: empty and {@code .}
     * segments dropped, {@code ..} removing the segment before it (never above the root), a trailing slash kept,
     * then every segment percent-encoded once more (so {@code %20} on the wire becomes {@code %2520}).
     */
    static String canonicalPath(String rawPath) {
        if (rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        byte[] path = rawPath.getBytes(StandardCharsets.UTF_8);
        int[] starts = new int[path.length / 2 + 2];
        int[] ends = new int[starts.length];
        int kept = 0;
        int i = 0;
        while (i <= path.length) {
            int end = i;
            while (end < path.length && path[end] != '/') {
                end++;
            }
            int length = end - i;
            if (length == 0 || length == 1 && path[i] == '.') {
                // empty or "." segment: dropped
            } else if (length == 2 && path[i] == '.' && path[i + 1] == '.') {
                if (kept > 0) {
                    kept--;
                }
            } else {
                starts[kept] = i;
                ends[kept] = end;
                kept++;
            }
            i = end + 1;
        }
        if (kept == 0) {
            return "/";
        }
        StringBuilder out = new StringBuilder(path.length + 16);
        for (int s = 0; s < kept; s++) {
            out.append('/');
            encode(path, starts[s], ends[s], false, out);
        }
        if (path[path.length - 1] == '/') {
            out.append('/');
        }
        return out.toString();
    }
}
