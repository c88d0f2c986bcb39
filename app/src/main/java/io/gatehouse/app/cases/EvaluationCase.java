package io.gatehouse.app.cases;

import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.Outcome;
import io.gatehouse.policy.engine.PolicyEngine;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.AuthorizationRequest;
import java.util.List;

/**
 * One case of the engine-neutral case format ({@code ../shared/policy-eval/FORMAT.md}), loaded and compiled:
 * a request and the policy set it is decided against, or the reason it cannot be decided.
 *
 * @param id            the case id
 * @param tags          the case's tags
 * @param expected      the expected outcome, or {@code null} when the case gives none
 * @param request       the request, or {@code null} when the case could not be read
 * @param policies      the compiled policies, or {@code null} when they could not be read
 * @param grammarErrors the problems IAM's grammar finds in the case's policies for the role each plays; the
 *                      policies are still decided when they can be read as policies at all
 * @param error         why the case cannot be decided, or {@code null}
 */
public record EvaluationCase(String id, List<String> tags, Outcome expected, AuthorizationRequest request,
                             PolicySet policies, List<String> grammarErrors, String error) {

    public EvaluationCase {
        tags = List.copyOf(tags);
        grammarErrors = List.copyOf(grammarErrors);
    }

    /** Whether the case can be decided. */
    public boolean isDecidable() {
        return error == null;
    }

    /** Decides the case; only for decidable cases. */
    public Decision decide() {
        return PolicyEngine.decide(request, policies);
    }
}
