package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.request.RequestContext;

/**
 * A value-comparing condition: one operator family ({@link ValueTest}) wrapped in the rules every family shares,
 * from the IAM User Guide ("Condition operators", "Single-valued vs. multivalued context keys"):
 * <ul>
 *   <li>a key absent from the request makes the condition false, except for negated operators (true), the
 *       {@code IfExists} forms (true) and {@code ForAllValues} (true);</li>
 *   <li>a negated operator holds when the request value matches none of the policy values;</li>
 *   <li>an operator without a set qualifier does not match a multi-valued key;</li>
 *   <li>{@code ForAnyValue}/{@code ForAllValues} apply the operator to each request value; a single-valued key
 *       is a set of one;</li>
 *   <li>a value that cannot be compared (not of the operator's type, or only unusable policy values) satisfies
 *       neither the operator nor its negation.</li>
 * </ul>
 */
final class KeyCondition implements Condition {

    private final String key;
    private final String lookupKey;
    private final SetQualifier qualifier;
    private final boolean negated;
    private final boolean ifExists;
    private final ValueTest test;

    KeyCondition(String key, String lookupKey, SetQualifier qualifier, boolean negated, boolean ifExists, ValueTest test) {
        this.key = key;
        this.lookupKey = lookupKey;
        this.qualifier = qualifier;
        this.negated = negated;
        this.ifExists = ifExists;
        this.test = test;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public boolean test(RequestContext context, MissingKeySink missing) {
        ContextValue value = context.get(lookupKey);
        if (value == null) {
            missing.keyMissing(key);
            if (ifExists) {
                return true;
            }
            return switch (qualifier) {
                case NONE -> negated;
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
            };
        }
        switch (qualifier) {
            case NONE -> {
                if (value.isMultiValued()) {
                    return false;
                }
                return holds(value, 0, context);
            }
            case FOR_ANY_VALUE -> {
                for (int i = 0; i < value.size(); i++) {
                    if (holds(value, i, context)) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                for (int i = 0; i < value.size(); i++) {
                    if (!holds(value, i, context)) {
                        return false;
                    }
                }
                return true;
            }
        }
    }

    private boolean holds(ContextValue value, int index, RequestContext context) {
        int result = test.compare(value, index, context);
        return result != ValueTest.INVALID && (result == ValueTest.MATCH) != negated;
    }
}
