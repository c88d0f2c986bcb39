package io.gatehouse.policy.parse;

import java.util.Set;

/**
 * The condition operators of the IAM policy language
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
 * a base operator, optionally prefixed by a set operator ({@code ForAnyValue:}, {@code ForAllValues:})
 * and suffixed by {@code IfExists}. Names are case-sensitive.
 */
final class ConditionOperators {

    private static final Set<String> BASE = Set.of(
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
            "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals",
            "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
            "DateGreaterThan", "DateGreaterThanEquals",
            "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
            "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");

    private static final String FOR_ANY_VALUE = "ForAnyValue:";
    private static final String FOR_ALL_VALUES = "ForAllValues:";
    private static final String IF_EXISTS = "IfExists";

    private ConditionOperators() {}

    static boolean isKnown(String operator) {
        return BASE.contains(base(operator));
    }

    /** Whether the operator compares dates, so that its values must parse as dates. */
    static boolean comparesDates(String operator) {
        String base = base(operator);
        return BASE.contains(base) && base.startsWith("Date");
    }

    /** The operator without its set-operator prefix and {@code IfExists} suffix. */
    private static String base(String operator) {
        String base = operator;
        if (base.startsWith(FOR_ANY_VALUE)) {
            base = base.substring(FOR_ANY_VALUE.length());
        } else if (base.startsWith(FOR_ALL_VALUES)) {
            base = base.substring(FOR_ALL_VALUES.length());
        }
        if (base.endsWith(IF_EXISTS)) {
            base = base.substring(0, base.length() - IF_EXISTS.length());
        }
        return base;
    }
}
