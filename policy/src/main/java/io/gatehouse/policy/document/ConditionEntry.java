package io.gatehouse.policy.document;

import java.util.List;

/**
 * One condition key under one condition operator, as written: {@code "StringLike": {"s3:prefix": ["home/*"]}}
 * gives {@code operator = "StringLike"}, {@code key = "s3:prefix"}, {@code values = ["home/*"]}.
 *
 * <p>Values are kept as the strings AWS sees: JSON numbers and booleans in a condition become their
 * JSON text ({@code 3600}, {@code true}).
 *
 * @param operator the operator with any {@code ForAllValues:}/{@code ForAnyValue:} prefix and {@code IfExists} suffix
 * @param key      the condition key as written (keys compare case-insensitively when evaluated)
 * @param values   one or more values, in document order
 */
public record ConditionEntry(String operator, String key, List<String> values) {

    public ConditionEntry {
        values = List.copyOf(values);
    }
}
