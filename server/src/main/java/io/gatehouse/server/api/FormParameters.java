package io.gatehouse.server.api;

import io.gatehouse.server.error.AwsError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Query protocol parameters from a query string or an {@code application/x-www-form-urlencoded} body: pairs
 * split at {@code &} and {@code =}, {@code +} as space, percent-escapes decoded as UTF-8. Broken escapes or bytes
 * that are not UTF-8 are a {@code MalformedQueryString}; more than {@link #MAX_PARAMETERS} pairs are refused.
 */
final class FormParameters {

    /** Parameters one request may carry. */
    static final int MAX_PARAMETERS = 1000;

    private FormParameters() {}

    /** Adds the pairs of {@code encoded} to {@code into}. */
    static void decode(String encoded, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        int count = into.values().stream().mapToInt(List::size).sum();
        int start = 0;
        while (start <= encoded.length()) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end > start) {
                if (++count > MAX_PARAMETERS) {
                    throw AwsError.MALFORMED_QUERY_STRING.exception("The request has more than " + MAX_PARAMETERS
                            + " parameters.");
                }
                int equals = encoded.indexOf('=', start);
                String name;
                String value;
                if (equals < 0 || equals > end) {
                    name = unescape(encoded, start, end);
                    value = "";
                } else {
                    name = unescape(encoded, start, equals);
                    value = unescape(encoded, equals + 1, end);
                }
                into.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
    }

    static Map<String, List<String>> of(String query, String body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        decode(query, parameters);
        decode(body, parameters);
        return parameters;
    }

    private static String unescape(String text, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            char c = text.charAt(i);
            plain = c != '%' && c != '+';
        }
        if (plain) {
            return text.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < to ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < to ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw AwsError.MALFORMED_QUERY_STRING.exception("The query string contains an invalid escape.");
                }
                escaped.write(high * 16 + low);
                i += 2;
                continue;
            }
            flush(escaped, out);
            out.append(c == '+' ? ' ' : c);
        }
        flush(escaped, out);
        return out.toString();
    }

    /** Appends the UTF-8 text of a run of escaped bytes. */
    private static void flush(ByteArrayOutputStream escaped, StringBuilder out) {
        if (escaped.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(escaped.toByteArray())));
        } catch (CharacterCodingException e) {
            throw AwsError.MALFORMED_QUERY_STRING.exception("The query string is not valid UTF-8.");
        }
        escaped.reset();
    }
}
