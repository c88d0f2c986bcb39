package io.gatehouse.policy.request;

import io.gatehouse.policy.condition.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The value of one request-context key: a single value, or a set of values for a multi-valued key (which may be
 * empty and is still present). Values are kept as the strings AWS puts in the context; the typed forms a
 * declared type implies (numbers, instants, addresses) are parsed once here, so conditions never re-parse them.
 */
public final class ContextValue {

    private final ContextType type;
    private final boolean multiValued;
    private final String[] values;
    private final BigDecimal[] numbers;
    private final Instant[] instants;
    private final byte[][] addresses;

    private ContextValue(ContextType type, boolean multiValued, List<String> values) {
        this.type = type;
        this.multiValued = multiValued;
        this.values = values.toArray(String[]::new);
        this.numbers = type == ContextType.NUMERIC ? map(this.values, Values::parseNumber, BigDecimal[]::new) : null;
        this.instants = type == ContextType.DATE ? map(this.values, Values::parseDate, Instant[]::new) : null;
        this.addresses = type == ContextType.IP_ADDRESS ? map(this.values, Values::parseAddress, byte[][]::new) : null;
    }

    private static <T> T[] map(String[] values, java.util.function.Function<String, T> parse,
                               java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(values.length);
        for (int i = 0; i < values.length; i++) {
            out[i] = parse.apply(values[i]);
        }
        return out;
    }

    /** A single-valued entry. */
    public static ContextValue single(ContextType type, String value) {
        return new ContextValue(type, false, List.of(value));
    }

    /** A single-valued string entry. */
    public static ContextValue of(String value) {
        return single(ContextType.STRING, value);
    }

    /** A multi-valued entry (an {@code ArrayOf...} type); the set may be empty. */
    public static ContextValue multi(ContextType type, List<String> values) {
        return new ContextValue(type, true, values);
    }

    public ContextType type() {
        return type;
    }

    /** Whether the key is multi-valued; such a key needs a set operator ({@code ForAllValues}/{@code ForAnyValue}). */
    public boolean isMultiValued() {
        return multiValued;
    }

    /** Number of values (1 for a single-valued key). */
    public int size() {
        return values.length;
    }

    /** The i-th value as text. */
    public String value(int i) {
        return values[i];
    }

    /** The i-th value as a number, or {@code null} when it is not one. */
    public BigDecimal number(int i) {
        return numbers != null ? numbers[i] : Values.parseNumber(values[i]);
    }

    /** The i-th value as an instant, or {@code null} when it is not a date. */
    public Instant instant(int i) {
        return instants != null ? instants[i] : Values.parseDate(values[i]);
    }

    /** The i-th value as a 4- or 16-byte address, or {@code null} when it is not an IP address. */
    public byte[] address(int i) {
        return addresses != null ? addresses[i] : Values.parseAddress(values[i]);
    }

    /** All values as text. */
    public List<String> values() {
        return List.of(values);
    }

    @Override
    public String toString() {
        return multiValued ? "ArrayOf" + type.text() + List.of(values) : type.text() + "(" + values[0] + ")";
    }
}
