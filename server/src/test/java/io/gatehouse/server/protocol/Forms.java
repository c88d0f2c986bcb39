package io.gatehouse.server.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test input: form bodies as the HTTP layer hands them to the protocol. */
final class Forms {

    private Forms() {
    }

    /** {@code a=1&b=2&a=3} as URL-decoded names with their values in order. */
    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return parameters;
        }
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
