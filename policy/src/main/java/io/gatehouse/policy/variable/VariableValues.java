package io.gatehouse.policy.variable;

/**
 * Where policy variables get their values during one decision: normally the request context.
 *
 * <p>AWS substitutes a variable only from a single-valued key that is present; a multi-valued or absent
 * key has no value (then the variable's default applies, if it has one).
 */
@FunctionalInterface
public interface VariableValues {

    /** No variable has a value. */
    VariableValues NONE = variable -> null;

    /**
     * The value of a context key for substitution, or {@code null} when the request has no single value for it.
     *
     * @param lookupKey the key in lower case ({@link PolicyVariable#lookupKey()})
     */
    String valueOf(String lookupKey);

    /** The value a variable stands for in this request, falling back to its default; {@code null} when it has none. */
    default String resolve(PolicyVariable variable) {
        String value = valueOf(variable.lookupKey());
        return value != null ? value : variable.defaultValue();
    }
}
