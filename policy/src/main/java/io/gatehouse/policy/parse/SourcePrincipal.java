package io.gatehouse.policy.parse;

import io.gatehouse.policy.document.PrincipalKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A {@code Principal} or {@code NotPrincipal} element as read.
 *
 * @param path     the element's path
 * @param at       where the element's name is
 * @param wildcard true for the bare string {@code "*"}
 * @param kinds    the values under each kind key, in document order
 */
record SourcePrincipal(String path, Position at, boolean wildcard, Map<PrincipalKind, TextList> kinds) {

    SourcePrincipal {
        kinds = Collections.unmodifiableMap(kinds.isEmpty()
                ? new EnumMap<>(PrincipalKind.class) : new EnumMap<>(kinds));
    }
}
