package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.RequestContext;

/**
 * {@code Null}: {@code "true"} holds when the key is absent from the request, {@code "false"} when it is present
 * (an empty multi-valued key is present). Several values are ORed; a value that is neither holds never.
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
        return context.get(lookupKey) == null ? acceptsAbsent : acceptsPresent;
    }
}
