package io.gatehouse.server.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What signature verification needs to know about an HTTP request, independent of the HTTP server.
 *
 * <p>Strings are Unicode text whose bytes on the wire are UTF-8 (percent-encoding left as it came): {@code rawPath}
 * and {@code rawQuery} are exactly as in the request line (not decoded), header values as received.
 *
 * @param method   the HTTP method ({@code POST})
 * @param rawPath  the path as in the request line, still percent-encoded ({@code /})
 * @param rawQuery the query string without {@code ?}, still percent-encoded; empty when there is none
 * @param headers  the header fields; names are matched without regard to case, values keep their order
 * @param payload  the body
 */
public record SigV4Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           Payload payload) {

    public SigV4Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = caseInsensitiveCopy(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(payload, "payload");
    }

    /** The values of a header, in request order; empty when the header is absent. */
    public List<String> headerValues(String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }

    /** The first value of a header, or {@code null} when it is absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            List<String> values = copy.computeIfAbsent(Objects.requireNonNull(header.getKey(), "header name"),
                    name -> new ArrayList<>(1));
            for (String value : header.getValue()) {
                values.add(Objects.requireNonNull(value, "header value"));
            }
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }
}
