package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.request.RequestContext;

/**
 * {@code Null}: {@code "true"} holds when the key is absent from the request or has no value, {@code "false"} when
 * it has a value. A multi-valued key with an empty set has no value: the IAM User Guide ("Multivalued context key
 * examples") uses {@code Null: false} to keep "missing context keys or context keys with empty values" from
 * satisfying {@code ForAllValues}. Several values are ORed; a value that is neither holds never.
 */
final class NullCondition implements Condition {

    private final String key;
    private final String lookupKey;
    private final boolean acceptsAbsent;
    private final boolean acceptsPresent;

    NullCondition(String key, String lookupKey, boolean acceptsAbsent, boolean acceptsPresent) {
        this.key = key;
        this.lookupKey = lookupKey;
        this.acceptsAbsent = acceptsAbsent;
        this.acceptsPresent = acceptsPresent;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public boolean test(RequestContext context, MissingKeySink missing) {
        ContextValue value = context.get(lookupKey);
        boolean absent = value == null || value.size() == 0;
        return absent ? acceptsAbsent : acceptsPresent;
    }
}
