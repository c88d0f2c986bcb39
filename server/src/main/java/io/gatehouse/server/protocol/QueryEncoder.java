package io.gatehouse.server.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes Query protocol response documents with one {@link StringBuilder} and no DOM, indented two spaces a level
 * as AWS writes them. Elements follow the output shape's member order; absent members are left out; an empty
 * structure or list is a self-closing element ({@code <UpdateRoleResult/>}, {@code <Users/>}).
 */
final class QueryEncoder {

    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** Indentation of up to 16 levels, appended in one piece. */
    private static final String SPACES = " ".repeat(32);

    private final StringBuilder out;

    private QueryEncoder(StringBuilder out) {
        this.out = out;
    }

    /** {@code <OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata></OpResponse>}. */
    static String response(String namespace, Operation operation, Struct output, String requestId) {
        StringBuilder out = new StringBuilder(512);
        QueryEncoder encoder = new QueryEncoder(out);
        out.append('<').append(operation.name()).append("Response xmlns=\"").append(namespace).append("\">\n");
        if (output != null) {
            encoder.structure(operation.resultWrapper(), output, 1);
        }
        out.append("  <ResponseMetadata>\n    <RequestId>");
        Xml.text(out, requestId);
        out.append("</RequestId>\n  </ResponseMetadata>\n</").append(operation.name()).append("Response>\n");
        return out.toString();
    }

    /** {@code <ErrorResponse xmlns><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}. */
    static String error(String namespace, String type, String code, String message, String requestId) {
        StringBuilder out = new StringBuilder(256 + message.length());
        out.append("<ErrorResponse xmlns=\"").append(namespace).append("\">\n  <Error>\n    <Type>");
        Xml.text(out, type);
        out.append("</Type>\n    <Code>");
        Xml.text(out, code);
        out.append("</Code>\n    <Message>");
        Xml.text(out, message);
        out.append("</Message>\n  </Error>\n  <RequestId>");
        Xml.text(out, requestId);
        out.append("</RequestId>\n</ErrorResponse>\n");
        return out.toString();
    }

    private void structure(String element, Struct struct, int depth) {
        List<Member> members = struct.shape().members();
        boolean empty = true;
        for (int i = 0; i < members.size(); i++) {
            Object value = struct.valueAt(i);
            if (value == null) {
                continue;
            }
            if (empty) {
                indent(depth).append('<').append(element).append(">\n");
                empty = false;
            }
            Member member = members.get(i);
            member(member.serializedName(), member.shape(), value, depth + 1);
        }
        if (empty) {
            indent(depth).append('<').append(element).append("/>\n");
        } else {
            indent(depth).append("</").append(element).append(">\n");
        }
    }

    private void member(String element, Shape shape, Object value, int depth) {
        switch (shape) {
            case StructureShape s -> structure(element, (Struct) value, depth);
            case ListShape list -> list(element, list, (List<?>) value, depth);
            case MapShape map -> map(element, map, (Map<?, ?>) value, depth);
            default -> {
                indent(depth).append('<').append(element).append('>');
                scalar(shape, value);
                out.append("</").append(element).append(">\n");
            }
        }
    }

    private void list(String element, ListShape list, List<?> values, int depth) {
        Member item = list.member();
        if (list.flattened()) {
            String name = item.renamed() ? item.serializedName() : element;
            for (Object value : values) {
                member(name, item.shape(), value, depth);
            }
            return;
        }
        if (values.isEmpty()) {
            indent(depth).append('<').append(element).append("/>\n");
            return;
        }
        indent(depth).append('<').append(element).append(">\n");
        for (Object value : values) {
            member(item.serializedName(), item.shape(), value, depth + 1);
        }
        indent(depth).append("</").append(element).append(">\n");
    }

    private void map(String element, MapShape map, Map<?, ?> entries, int depth) {
        if (map.flattened()) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                entry(element, map, entry, depth);
            }
            return;
        }
        if (entries.isEmpty()) {
            indent(depth).append('<').append(element).append("/>\n");
            return;
        }
        indent(depth).append('<').append(element).append(">\n");
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            entry("entry", map, entry, depth + 1);
        }
        indent(depth).append("</").append(element).append(">\n");
    }

    private void entry(String element, MapShape map, Map.Entry<?, ?> entry, int depth) {
        indent(depth).append('<').append(element).append(">\n");
        member(map.key().serializedName(), map.key().shape(), entry.getKey(), depth + 1);
        member(map.value().serializedName(), map.value().shape(), entry.getValue(), depth + 1);
        indent(depth).append("</").append(element).append(">\n");
    }

    private void scalar(Shape shape, Object value) {
        switch (shape) {
            case StringShape string when string.urlEncodedInResponses() -> Rfc3986.encode(out, (String) value);
            case StringShape string -> Xml.text(out, (String) value);
            case TimestampShape timestamp -> timestamp(timestamp, (Instant) value);
            case BlobShape blob -> out.append(Base64.getEncoder().encodeToString((byte[]) value));
            default -> out.append(value); // numbers and booleans print as AWS writes them
        }
    }

    /** ISO 8601 in UTC to the second ({@code 2024-01-02T03:04:05Z}), as IAM writes its dates. */
    private void timestamp(TimestampShape shape, Instant instant) {
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        switch (shape.format()) {
            case TimestampShape.UNIX -> out.append(seconds.getEpochSecond());
            case TimestampShape.RFC_822 -> out.append(RFC_822.format(seconds));
            default -> iso8601(seconds);
        }
    }

    /**
     * {@code DateTimeFormatter.ISO_INSTANT}'s text for a whole second, written by hand for years 0 to 9999: a listing
     * writes a date per entity, and the formatter took a fifth of a ListUsers call.
     */
    private void iso8601(Instant seconds) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            out.append(DateTimeFormatter.ISO_INSTANT.format(seconds));
            return;
        }
        digits(time.getYear(), 4).append('-');
        digits(time.getMonthValue(), 2).append('-');
        digits(time.getDayOfMonth(), 2).append('T');
        digits(time.getHour(), 2).append(':');
        digits(time.getMinute(), 2).append(':');
        digits(time.getSecond(), 2).append('Z');
    }

    private StringBuilder digits(int value, int width) {
        for (int divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }

    private StringBuilder indent(int depth) {
        if (depth * 2 <= SPACES.length()) {
            return out.append(SPACES, 0, depth * 2);
        }
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
        return out;
    }
}
