package io.gatehouse.policy.document;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a {@code Principal} or {@code NotPrincipal} element.
 *
 * @param wildcard true for the bare string {@code "*"} (everyone, including anonymous callers)
 * @param values   the values listed under each kind key, in document order; empty when {@code wildcard}
 */
public record PrincipalBlock(boolean wildcard, Map<PrincipalKind, List<String>> values) {

    /** {@code "Principal": "*"}. */
    public static final PrincipalBlock ANYONE = new PrincipalBlock(true, Map.of());

    public PrincipalBlock {
        EnumMap<PrincipalKind, List<String>> copy = new EnumMap<>(PrincipalKind.class);
        values.forEach((kind, list) -> copy.put(kind, List.copyOf(list)));
        values = Collections.unmodifiableMap(copy);
    }

    /** The values under one kind key, or an empty list. */
    public List<String> valuesOf(PrincipalKind kind) {
        return values.getOrDefault(kind, List.of());
    }
}
