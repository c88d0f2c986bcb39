package io.gatehouse.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A raw query string split into parameters, each decoded (to read the {@code X-Amz-*} parameters of a presigned
 * request) and re-encoded the canonical way (to sign). Empty {@code &&} pieces are skipped; a piece without
 * {@code =} is a parameter with an empty value.
 */
final class QueryString {

    /** The decoded name and value, and their canonical encoding. */
    record Parameter(String name, String value, String canonicalName, String canonicalValue) {
    }

    private static final Comparator<Parameter> CANONICAL_ORDER =
            Comparator.comparing(Parameter::canonicalName).thenComparing(Parameter::canonicalValue);

    private final List<Parameter> parameters;

    private QueryString(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    /** Parses a raw query; {@code null} when it has more than {@code maxParameters} parameters. */
    static QueryString parse(String rawQuery, int maxParameters) {
        if (rawQuery.isEmpty()) {
            return new QueryString(List.of());
        }
        byte[] query = rawQuery.getBytes(StandardCharsets.UTF_8);
        List<Parameter> parameters = new ArrayList<>();
        int start = 0;
        while (start <= query.length) {
            int end = start;
            int equals = -1;
            while (end < query.length && query[end] != '&') {
                if (equals < 0 && query[end] == '=') {
                    equals = end;
                }
                end++;
            }
            if (end > start) {
                if (parameters.size() == maxParameters) {
                    return null;
                }
                int nameEnd = equals < 0 ? end : equals;
                byte[] name = UriEncoding.decodeQueryComponent(query, start, nameEnd);
                byte[] value = equals < 0 ? new byte[0] : UriEncoding.decodeQueryComponent(query, equals + 1, end);
                parameters.add(new Parameter(new String(name, StandardCharsets.UTF_8),
                        new String(value, StandardCharsets.UTF_8), UriEncoding.encode(name), UriEncoding.encode(value)));
            }
            start = end + 1;
        }
        return new QueryString(parameters);
    }

    /** The decoded value of the first parameter with this (case-sensitive) name, or {@code null}. */
    String first(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter.value();
            }
        }
        return null;
    }

    /**
     * The canonical query string: parameters sorted by encoded name, then encoded value, joined with {@code &};
     * {@code X-Amz-Signature} left out when {@code presigned}.
     */
    String canonical(boolean presigned) {
        List<Parameter> sorted = new ArrayList<>(parameters.size());
        int length = 0;
        for (Parameter parameter : parameters) {
            if (!(presigned && parameter.name().equals("X-Amz-Signature"))) {
                sorted.add(parameter);
                length += parameter.canonicalName().length() + parameter.canonicalValue().length() + 2;
            }
        }
        sorted.sort(CANONICAL_ORDER);
        StringBuilder out = new StringBuilder(length);
        for (Parameter parameter : sorted) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(parameter.canonicalName()).append('=').append(parameter.canonicalValue());
        }
        return out.toString();
    }
}
