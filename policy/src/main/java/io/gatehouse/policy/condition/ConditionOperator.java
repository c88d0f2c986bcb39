package io.gatehouse.policy.condition;

import java.util.Locale;

/**
 * A condition operator name taken apart: its family, whether it is negated, its set qualifier and whether it is an
 * {@code IfExists} form. {@code ForAnyValue:StringNotLikeIfExists} is family {@code STRING_LIKE}, negated,
 * {@code FOR_ANY_VALUE}, if-exists.
 *
 * @param family    the comparison family
 * @param negated   whether the operator is a negation ({@code StringNotEquals}, {@code NotIpAddress}, ...)
 * @param qualifier the {@code ForAllValues:}/{@code ForAnyValue:} prefix
 * @param ifExists  whether the name ends in {@code IfExists}
 */
public record ConditionOperator(Family family, boolean negated, SetQualifier qualifier, boolean ifExists) {

    /** The comparison families of the IAM condition language. */
    public enum Family {
        STRING_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_LIKE,
        NUMERIC_EQUALS, NUMERIC_LESS_THAN, NUMERIC_LESS_THAN_EQUALS, NUMERIC_GREATER_THAN, NUMERIC_GREATER_THAN_EQUALS,
        DATE_EQUALS, DATE_LESS_THAN, DATE_LESS_THAN_EQUALS, DATE_GREATER_THAN, DATE_GREATER_THAN_EQUALS,
        BOOL, BINARY_EQUALS, IP_ADDRESS, ARN_EQUALS, ARN_LIKE, NULL
    }

    /**
     * Parses an operator name exactly as AWS spells it (operator names are case-sensitive), or returns
     * {@code null} for a name AWS does not know.
     */
    public static ConditionOperator parse(String name) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = name;
        if (rest.startsWith("ForAllValues:")) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        } else if (rest.startsWith("ForAnyValue:")) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        }
        boolean ifExists = rest.endsWith("IfExists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        ConditionOperator base = base(rest, qualifier, ifExists);
        if (base == null || (base.family == Family.NULL && (ifExists || qualifier != SetQualifier.NONE))) {
            return null;
        }
        return base;
    }

    private static ConditionOperator base(String name, SetQualifier q, boolean ifExists) {
        return switch (name) {
            case "StringEquals" -> new ConditionOperator(Family.STRING_EQUALS, false, q, ifExists);
            case "StringNotEquals" -> new ConditionOperator(Family.STRING_EQUALS, true, q, ifExists);
            case "StringEqualsIgnoreCase" -> new ConditionOperator(Family.STRING_EQUALS_IGNORE_CASE, false, q, ifExists);
            case "StringNotEqualsIgnoreCase" -> new ConditionOperator(Family.STRING_EQUALS_IGNORE_CASE, true, q, ifExists);
            case "StringLike" -> new ConditionOperator(Family.STRING_LIKE, false, q, ifExists);
            case "StringNotLike" -> new ConditionOperator(Family.STRING_LIKE, true, q, ifExists);
            case "NumericEquals" -> new ConditionOperator(Family.NUMERIC_EQUALS, false, q, ifExists);
            case "NumericNotEquals" -> new ConditionOperator(Family.NUMERIC_EQUALS, true, q, ifExists);
            case "NumericLessThan" -> new ConditionOperator(Family.NUMERIC_LESS_THAN, false, q, ifExists);
            case "NumericLessThanEquals" -> new ConditionOperator(Family.NUMERIC_LESS_THAN_EQUALS, false, q, ifExists);
            case "NumericGreaterThan" -> new ConditionOperator(Family.NUMERIC_GREATER_THAN, false, q, ifExists);
            case "NumericGreaterThanEquals" -> new ConditionOperator(Family.NUMERIC_GREATER_THAN_EQUALS, false, q, ifExists);
            case "DateEquals" -> new ConditionOperator(Family.DATE_EQUALS, false, q, ifExists);
            case "DateNotEquals" -> new ConditionOperator(Family.DATE_EQUALS, true, q, ifExists);
            case "DateLessThan" -> new ConditionOperator(Family.DATE_LESS_THAN, false, q, ifExists);
            case "DateLessThanEquals" -> new ConditionOperator(Family.DATE_LESS_THAN_EQUALS, false, q, ifExists);
            case "DateGreaterThan" -> new ConditionOperator(Family.DATE_GREATER_THAN, false, q, ifExists);
            case "DateGreaterThanEquals" -> new ConditionOperator(Family.DATE_GREATER_THAN_EQUALS, false, q, ifExists);
            case "Bool" -> new ConditionOperator(Family.BOOL, false, q, ifExists);
            case "BinaryEquals" -> new ConditionOperator(Family.BINARY_EQUALS, false, q, ifExists);
            case "IpAddress" -> new ConditionOperator(Family.IP_ADDRESS, false, q, ifExists);
            case "NotIpAddress" -> new ConditionOperator(Family.IP_ADDRESS, true, q, ifExists);
            case "ArnEquals" -> new ConditionOperator(Family.ARN_EQUALS, false, q, ifExists);
            case "ArnNotEquals" -> new ConditionOperator(Family.ARN_EQUALS, true, q, ifExists);
            case "ArnLike" -> new ConditionOperator(Family.ARN_LIKE, false, q, ifExists);
            case "ArnNotLike" -> new ConditionOperator(Family.ARN_LIKE, true, q, ifExists);
            case "Null" -> new ConditionOperator(Family.NULL, false, q, ifExists);
            default -> null;
        };
    }

    /** Whether a name is a condition operator AWS knows. */
    public static boolean isKnown(String name) {
        return parse(name) != null;
    }

    static String lookupKey(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
