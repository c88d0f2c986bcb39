package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.RequestContext;

/**
 * One compiled condition: an operator applied to one condition key with the policy's values. A statement's
 * conditions all must hold (several operators and several keys are ANDed; several values of one key are ORed,
 * which each implementation handles).
 *
 * <p>Implementations are immutable and thread-safe; {@link #test} allocates nothing.
 */
public interface Condition {

    /**
     * Whether the condition holds for the request.
     *
     * @param context the request context; it also supplies policy-variable values
     * @param missing told when the key is absent from the context
     */
    boolean test(RequestContext context, MissingKeySink missing);

    /** The condition key as the policy spells it. */
    String key();
}
