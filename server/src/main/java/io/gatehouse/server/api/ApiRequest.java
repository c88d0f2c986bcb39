package io.gatehouse.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request to the AWS API, as the transport hands it over.
 *
 * @param method          the HTTP method
 * @param rawPath         the path exactly as in the request line
 * @param rawQuery        the query string exactly as in the request line, without {@code ?}
 * @param headers         header fields (names case-insensitive when looked up through the signature request)
 * @param body            the body bytes (already bounded by the transport)
 * @param sourceIp        the peer address
 * @param secureTransport whether the request came over TLS
 * @param received        when the request arrived
 */
public record ApiRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                         String sourceIp, boolean secureTransport, Instant received) {

    /** The first value of a header, by any spelling of its name, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().getFirst();
            }
        }
        return null;
    }
}
