package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import java.util.List;

/**
 * The engine's answer for one request: the outcome, what each kind of policy said, the statements that matched
 * and the condition keys the policies asked for that the request lacked.
 *
 * @param outcome            allowed, explicitly denied, or implicitly denied
 * @param decidedBy          the kind of policy that decided: for a denial the first kind (in AWS's evaluation
 *                           order) that denied or failed to allow, for an allow the kind that granted
 *                           ({@code IDENTITY} or {@code RESOURCE}); {@code null} when a service rule decided
 * @param results            what each kind of policy said; kinds the request does not carry are {@code ABSENT}
 * @param matchedStatements  every statement that applied to the request (Allow and Deny), in evaluation order
 * @param missingContextKeys condition keys that conditions asked for and the request context lacked, each once
 * @param serviceRule        when a service-specific rule decided or shaped the decision, what it was; else {@code null}
 */
public record Decision(
        Outcome outcome,
        PolicyType decidedBy,
        PolicyResults results,
        List<StatementRef> matchedStatements,
        List<String> missingContextKeys,
        String serviceRule) {

    public Decision {
        // copyOf returns lists that are already unmodifiable as they are, so a decision copies nothing.
        matchedStatements = List.copyOf(matchedStatements);
        missingContextKeys = List.copyOf(missingContextKeys);
    }

    /** What one kind of policy said. */
    public TypeResult result(PolicyType type) {
        return results.of(type);
    }

    public boolean isAllowed() {
        return outcome.isAllowed();
    }

    /** The matched statements with the given effect's kind of policy, e.g. the Deny statements that denied. */
    public List<StatementRef> statementsOf(PolicyType type) {
        return matchedStatements.stream().filter(s -> s.policyType() == type).toList();
    }
}
