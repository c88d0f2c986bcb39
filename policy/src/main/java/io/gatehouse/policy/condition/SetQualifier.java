package io.gatehouse.policy.condition;

/** The set-operator prefix of a condition operator. */
public enum SetQualifier {
    /** No prefix: the key must be single-valued. */
    NONE,
    /** {@code ForAllValues:} every request value must satisfy the operator; true for a missing key or an empty set. */
    FOR_ALL_VALUES,
    /** {@code ForAnyValue:} at least one request value must satisfy the operator; false for a missing key or empty set. */
    FOR_ANY_VALUE
}
