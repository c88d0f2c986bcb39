package io.gatehouse.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a request written as in the SigV4 test suite ({@code METHOD target HTTP/1.1}, header lines, body). */
final class RawRequests {

    private RawRequests() {
    }

    static SigV4Request parse(String text) {
        int headerEnd = text.indexOf("\n\n");
        String head = text.substring(0, headerEnd);
        String body = text.substring(headerEnd + 2);
        String[] lines = head.split("\n");
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/1.1"));
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String last = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (Character.isWhitespace(line.charAt(0))) {
                headers.get(last).add(line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            last = line.substring(0, colon);
            headers.computeIfAbsent(last, name -> new ArrayList<>()).add(line.substring(colon + 1));
        }
        return new SigV4Request(method, path, query, headers, Payload.of(body.getBytes(StandardCharsets.UTF_8)));
    }
}
