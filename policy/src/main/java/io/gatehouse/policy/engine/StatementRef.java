package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.document.Effect;

/**
 * Names one statement of one policy in a decision: which policy (type and name), which statement (index and Sid),
 * and its effect.
 *
 * @param policyType what kind of policy holds the statement
 * @param policyName the policy's name (or ARN) as given when it was compiled
 * @param index      the statement's zero-based position in its policy
 * @param sid        the statement's {@code Sid}, or {@code null}
 * @param effect     the statement's effect
 */
public record StatementRef(PolicyType policyType, String policyName, int index, String sid, Effect effect) {

    @Override
    public String toString() {
        return policyType.cliName() + " policy " + policyName + " statement " + index
                + (sid == null ? "" : " (" + sid + ")") + ": " + effect.text();
    }
}
