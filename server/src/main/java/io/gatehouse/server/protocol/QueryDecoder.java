package io.gatehouse.server.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the input {@link Struct} of a Query request from its parameter tree, following the model: scalars by
 * member name (or {@code locationName}), lists as {@code Name.member.N} (or {@code Name.N} when flattened), maps as
 * {@code Name.entry.N.key} / {@code .value}, nested structures as {@code Outer.Inner}.
 *
 * <p>Lists and maps take their elements in the order of N, which must be a positive decimal; gaps close up
 * ({@code member.1} and {@code member.3} make a list of two) and a name that is not such an index is ignored, like
 * every parameter the model does not know. {@code Name=} with an empty value and no elements is an empty list, as
 * botocore sends one. A value that does not parse as its type (an integer, boolean, timestamp or base64 blob) is
 * recorded as a violation at its path and left out.
 */
final class QueryDecoder {

    private static final int MAX_INDEX_DIGITS = 9;

    private final ValidationReport malformed;

    private QueryDecoder(ValidationReport malformed) {
        this.malformed = malformed;
    }

    /** The input of {@code shape} found in {@code parameters}; unparseable values go to {@code malformed}. */
    static Struct decode(StructureShape shape, ParamTree parameters, ValidationReport malformed) {
        return new QueryDecoder(malformed).structure(shape, parameters, "");
    }

    private Struct structure(StructureShape shape, ParamTree node, String prefix) {
        List<Member> members = shape.members();
        Object[] values = new Object[members.size()];
        for (int i = 0; i < values.length; i++) {
            Member member = members.get(i);
            ParamTree child = node.child(wireName(member));
            if (child != null) {
                values[i] = value(member.shape(), child, InputValidator.path(prefix, member.name()));
            }
        }
        return Struct.trusted(shape, values);
    }

    /**
     * The parameter name of a member. A flattened list whose element is renamed is sent under the element's name
     * (botocore's QuerySerializer replaces the last name segment).
     */
    private static String wireName(Member member) {
        if (member.shape() instanceof ListShape list && list.flattened() && list.member().renamed()) {
            return list.member().serializedName();
        }
        return member.serializedName();
    }

    private Object value(Shape shape, ParamTree node, String path) {
        return switch (shape) {
            case StructureShape structure -> structure(structure, node, path);
            case ListShape list -> list(list, node, path);
            case MapShape map -> map(map, node, path);
            default -> scalar(shape, node.value(), path);
        };
    }

    private List<Object> list(ListShape shape, ParamTree node, String path) {
        ParamTree elements = shape.flattened() ? node : node.child(shape.member().serializedName());
        Map<Integer, ParamTree> indexed = indexed(elements);
        if (indexed.isEmpty()) {
            return node.value() != null && node.value().isEmpty() ? List.of() : null;
        }
        List<Object> list = new ArrayList<>(indexed.size());
        for (ParamTree element : indexed.values()) {
            Object value = value(shape.member().shape(), element, path + "." + (list.size() + 1) + ".member");
            if (value != null) {
                list.add(value);
            }
        }
        return Collections.unmodifiableList(list);
    }

    private Map<String, Object> map(MapShape shape, ParamTree node, String path) {
        Map<Integer, ParamTree> indexed = indexed(shape.flattened() ? node : node.child("entry"));
        if (indexed.isEmpty()) {
            return node.value() != null && node.value().isEmpty() ? Map.of() : null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (ParamTree entry : indexed.values()) {
            ParamTree key = entry.child(shape.key().serializedName());
            ParamTree value = entry.child(shape.value().serializedName());
            if (key != null && key.value() != null && value != null && !map.containsKey(key.value())) {
                Object decoded = value(shape.value().shape(), value, path + "." + key.value());
                if (decoded != null) {
                    map.put(key.value(), decoded);
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** The children named by a positive decimal index, in index order; the first of two equal indexes wins. */
    private static Map<Integer, ParamTree> indexed(ParamTree node) {
        if (node == null) {
            return Map.of();
        }
        TreeMap<Integer, ParamTree> indexed = new TreeMap<>();
        for (Map.Entry<String, ParamTree> child : node.children().entrySet()) {
            int index = index(child.getKey());
            if (index > 0) {
                indexed.putIfAbsent(index, child.getValue());
            }
        }
        return indexed;
    }

    private static int index(String segment) {
        if (segment.isEmpty() || segment.length() > MAX_INDEX_DIGITS) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private Object scalar(Shape shape, String text, String path) {
        if (text == null) {
            return null;
        }
        try {
            return switch (shape) {
                case StringShape s -> text;
                case NumberShape n when n.wide() -> Long.parseLong(text);
                case NumberShape n -> Integer.parseInt(text);
                case BooleanShape b -> bool(text);
                case TimestampShape t -> timestamp(t, text);
                case BlobShape b -> Base64.getDecoder().decode(text);
                default -> throw new IllegalStateException("not a scalar: " + shape);
            };
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            malformed.add(path, shape, text, "Member must be a valid " + typeName(shape));
            return null;
        }
    }

    private static Boolean bool(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(text);
    }

    private static Instant timestamp(TimestampShape shape, String text) {
        return switch (shape.format()) {
            case TimestampShape.UNIX -> Instant.ofEpochMilli(
                    new BigDecimal(text).movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact());
            case TimestampShape.RFC_822 -> OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            default -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        };
    }

    private static String typeName(Shape shape) {
        return switch (shape) {
            case NumberShape n -> n.wide() ? "long" : "integer";
            case BooleanShape b -> "boolean";
            case TimestampShape t -> "timestamp";
            default -> "base64 blob";
        };
    }
}
