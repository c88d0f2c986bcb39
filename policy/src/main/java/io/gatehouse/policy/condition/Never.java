package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.RequestContext;

/** A condition with an operator AWS does not know: it never holds, so its statement never applies. */
record Never(String key, String operator) implements Condition {

    @Override
    public boolean test(RequestContext context, MissingKeySink missing) {
        return false;
    }
}
