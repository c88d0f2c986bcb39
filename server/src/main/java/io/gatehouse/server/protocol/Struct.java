package io.gatehouse.server.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable value of a {@link StructureShape}: a decoded request, or a response an operation builds.
 *
 * <p>Values by shape: {@link String} for strings, {@link Integer} or {@link Long} for numbers, {@link Boolean},
 * {@link Instant} for timestamps, {@code byte[]} for blobs (copied in and out), {@link List} for lists,
 * {@link Map} with string keys in insertion order for maps, and {@code Struct} for nested structures.
 *
 * <p>Every accessor names a member of the structure's shape and must match its type; anything else is a
 * programming error and throws {@link IllegalArgumentException}, so tests catch a misspelt member at once.
 * An absent scalar or structure reads as {@code null}; an absent list or map reads as empty ({@link #has} tells
 * the two apart). {@link #toString()} masks sensitive values.
 */
public final class Struct {

    private final StructureShape shape;
    private final Object[] values;

    private Struct(StructureShape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** A value built by the decoder, whose values already fit the shape; the array is taken over. */
    static Struct trusted(StructureShape shape, Object[] values) {
        return new Struct(shape, values);
    }

    /** A builder for a value of the given shape. */
    public static Builder builder(StructureShape shape) {
        return new Builder(shape);
    }

    public StructureShape shape() {
        return shape;
    }

    /** Whether the member has a value (an empty list counts as a value). */
    public boolean has(String member) {
        return values[position(member)] != null;
    }

    /** A string member, or {@code null}. */
    public String string(String member) {
        return (String) get(member, StringShape.class);
    }

    /** An {@code integer} member, or {@code null}. */
    public Integer integer(String member) {
        int i = position(member);
        if (!(shape.members().get(i).shape() instanceof NumberShape number) || number.wide()) {
            throw wrongType(member, "integer");
        }
        return (Integer) values[i];
    }

    /** A {@code long} member, or {@code null}. */
    public Long longValue(String member) {
        int i = position(member);
        if (!(shape.members().get(i).shape() instanceof NumberShape number) || !number.wide()) {
            throw wrongType(member, "long");
        }
        return (Long) values[i];
    }

    /** A boolean member, or {@code null}. */
    public Boolean bool(String member) {
        return (Boolean) get(member, BooleanShape.class);
    }

    /** A timestamp member, or {@code null}. */
    public Instant timestamp(String member) {
        return (Instant) get(member, TimestampShape.class);
    }

    /** A copy of a blob member, or {@code null}. */
    public byte[] blob(String member) {
        byte[] bytes = (byte[]) get(member, BlobShape.class);
        return bytes == null ? null : bytes.clone();
    }

    /** A nested structure, or {@code null}. */
    public Struct struct(String member) {
        return (Struct) get(member, StructureShape.class);
    }

    /** A list member of any element type; empty when absent. */
    public List<Object> list(String member) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) get(member, ListShape.class);
        return list == null ? List.of() : list;
    }

    /** A list of strings; empty when absent. */
    public List<String> strings(String member) {
        return elements(member, StringShape.class);
    }

    /** A list of structures; empty when absent. */
    public List<Struct> structs(String member) {
        return elements(member, StructureShape.class);
    }

    /** A map member, in the order of its entries; empty when absent. */
    public Map<String, Object> map(String member) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) get(member, MapShape.class);
        return map == null ? Map.of() : map;
    }

    /** The value at a member position, as stored; for the codec. */
    Object valueAt(int position) {
        return values[position];
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> elements(String member, Class<? extends Shape> elementType) {
        int i = position(member);
        if (!(shape.members().get(i).shape() instanceof ListShape list)
                || !elementType.isInstance(list.member().shape())) {
            throw wrongType(member, "list of " + elementType.getSimpleName());
        }
        List<T> value = (List<T>) values[i];
        return value == null ? List.of() : value;
    }

    private Object get(String member, Class<? extends Shape> type) {
        int i = position(member);
        if (!type.isInstance(shape.members().get(i).shape())) {
            throw wrongType(member, type.getSimpleName());
        }
        return values[i];
    }

    private int position(String member) {
        int i = shape.indexOf(member);
        if (i < 0) {
            shape.member(member); // throws, naming the members the shape has
        }
        return i;
    }

    private IllegalArgumentException wrongType(String member, String wanted) {
        return new IllegalArgumentException(shape.name() + "." + member + " is a "
                + shape.member(member).shape().getClass().getSimpleName() + ", not " + wanted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Struct other && other.shape == shape && Arrays.deepEquals(other.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.deepHashCode(values);
    }

    /** The members that have values, with sensitive values masked. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(shape.name()).append('{');
        String separator = "";
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                Member member = shape.members().get(i);
                out.append(separator).append(member.name()).append('=');
                show(out, member.shape(), values[i]);
                separator = ", ";
            }
        }
        return out.append('}').toString();
    }

    private static void show(StringBuilder out, Shape shape, Object value) {
        switch (shape) {
            case StringShape string when string.sensitive() -> out.append("***");
            case BlobShape blob when blob.sensitive() -> out.append("***");
            case BlobShape blob -> out.append('<').append(((byte[]) value).length).append(" bytes>");
            case ListShape list -> {
                out.append('[');
                String separator = "";
                for (Object element : (List<?>) value) {
                    show(out.append(separator), list.member().shape(), element);
                    separator = ", ";
                }
                out.append(']');
            }
            case MapShape map -> {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    out.append(separator).append(entry.getKey()).append('=');
                    show(out, map.value().shape(), entry.getValue());
                    separator = ", ";
                }
                out.append('}');
            }
            default -> out.append(value);
        }
    }

    /**
     * Builds a {@link Struct}, checking every member name and value type against the shape as it goes: a response
     * naming a member its shape lacks fails at once with {@link IllegalArgumentException}, not on the wire.
     */
    public static final class Builder {

        private final StructureShape shape;
        private final Object[] values;

        private Builder(StructureShape shape) {
            this.shape = Objects.requireNonNull(shape, "shape");
            this.values = new Object[shape.members().size()];
        }

        /**
         * Sets a member; {@code null} clears it.
         *
         * @throws IllegalArgumentException when the shape has no such member or the value does not fit it
         */
        public Builder set(String member, Object value) {
            Shape target = shape.member(member).shape();
            values[shape.indexOf(member)] = value == null ? null : accept(target, value, shape.name() + "." + member);
            return this;
        }

        /**
         * A builder for the structure a member holds: the member's own structure, the element structure of a list
         * member, or the value structure of a map member.
         */
        public Builder child(String member) {
            Shape target = shape.member(member).shape();
            if (target instanceof ListShape list) {
                target = list.member().shape();
            } else if (target instanceof MapShape map) {
                target = map.value().shape();
            }
            if (target instanceof StructureShape structure) {
                return new Builder(structure);
            }
            throw new IllegalArgumentException(shape.name() + "." + member + " holds no structure");
        }

        public Struct build() {
            return new Struct(shape, values.clone());
        }

        /** The value as stored, after checking it fits the shape; lists and maps are copied. */
        private static Object accept(Shape shape, Object value, String where) {
            return switch (shape) {
                case StringShape s when value instanceof String -> value;
                case NumberShape n when !n.wide() && value instanceof Integer -> value;
                case NumberShape n when n.wide() && value instanceof Long -> value;
                case NumberShape n when n.wide() && value instanceof Integer i -> i.longValue();
                case BooleanShape b when value instanceof Boolean -> value;
                case TimestampShape t when value instanceof Instant -> value;
                case BlobShape b when value instanceof byte[] bytes -> bytes.clone();
                case StructureShape s when value instanceof Struct struct && struct.shape == s -> value;
                case ListShape list when value instanceof List<?> elements -> {
                    List<Object> copy = new ArrayList<>(elements.size());
                    for (Object element : elements) {
                        copy.add(accept(list.member().shape(), Objects.requireNonNull(element, where), where));
                    }
                    yield Collections.unmodifiableList(copy);
                }
                case MapShape map when value instanceof Map<?, ?> entries -> {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> entry : entries.entrySet()) {
                        if (!(entry.getKey() instanceof String key)) {
                            throw new IllegalArgumentException(where + ": map keys must be strings");
                        }
                        copy.put(key, accept(map.value().shape(), Objects.requireNonNull(entry.getValue(), where),
                                where));
                    }
                    yield Collections.unmodifiableMap(copy);
                }
                default -> throw new IllegalArgumentException(where + " is a " + shape.getClass().getSimpleName()
                        + " (" + shape.name() + "), not " + value.getClass().getSimpleName());
            };
        }
    }
}
