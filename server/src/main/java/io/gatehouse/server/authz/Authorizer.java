package io.gatehouse.server.authz;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.Outcome;
import io.gatehouse.policy.engine.PolicyEngine;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.request.RequestContext;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.metrics.AuthorizationMetrics;
import io.gatehouse.server.state.Arns;

/**
 * Authorizes calls to Gatehouse's own API with the policy engine and words denials as AWS does
 * ("User: ARN is not authorized to perform: ACTION on resource: ARN because no identity-based policy allows the
 * ACTION action").
 */
public final class Authorizer {

    private Authorizer() {}

    /**
     * Decides whether {@code caller} may perform {@code action} on the target, counts the decision, and returns it;
     * throws {@link AwsError#ACCESS_DENIED} with AWS's message when the caller may not.
     *
     * @param metrics where the decision is counted by action and result
     */
    public static Decision authorize(Caller caller, PolicySet policies, String action, Target target,
                                     String resourceAccount, RequestContext context, AuthorizationMetrics metrics) {
        Decision decision = decide(caller, policies, action, target, resourceAccount, context, metrics);
        if (!decision.isAllowed()) {
            throw denial(caller, action, shown(caller, target), decision);
        }
        return decision;
    }

    /**
     * Decides whether {@code caller} may perform {@code action} on the target and counts the decision, without
     * throwing: for operations whose denials AWS words otherwise (STS's AssumeRole family).
     */
    public static Decision decide(Caller caller, PolicySet policies, String action, Target target,
                                  String resourceAccount, RequestContext context, AuthorizationMetrics metrics) {
        String canonicalResource = target.arn();
        AuthorizationRequest request = AuthorizationRequest.builder()
                .principal(caller.principal())
                .action(action)
                .resource(canonicalResource)
                .resourceAccount(resourceAccount)
                .wildcardOnlyAction("*".equals(canonicalResource))
                .context(context)
                .build();
        Decision decision = PolicyEngine.decide(request, policies);
        metrics.record(action, decision.outcome());
        return decision;
    }

    /**
     * {@link #notAllowed(Caller, String, String)} for a target: the AccessDenied of a caller who has no policies at
     * all (the user of a session was deleted).
     */
    public static AwsException notAllowed(Caller caller, String action, Target target) {
        return notAllowed(caller, action, shown(caller, target));
    }

    private static String shown(Caller caller, Target target) {
        return target.shown() != null ? target.shown() : Arns.render(target.arn(), caller.partition());
    }

    /**
     * The AccessDenied of a caller no identity-based policy allows the action, for an operation that refuses without
     * deciding (its target is not there) and must not be told apart from a denial.
     */
    public static AwsException notAllowed(Caller caller, String action, String shownResource) {
        return AwsError.ACCESS_DENIED.exception("User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + shownResource + " because no " + label(PolicyType.IDENTITY) + " allows the "
                + action + " action");
    }

    /** The AccessDenied AWS returns for this decision. */
    static AwsException denial(Caller caller, String action, String resource, Decision decision) {
        String prefix = "User: " + caller.arn() + " is not authorized to perform: " + action + " on resource: " + resource;
        PolicyType type = decision.decidedBy() == null ? PolicyType.IDENTITY : decision.decidedBy();
        String reason = decision.outcome() == Outcome.EXPLICITLY_DENIED
                ? " with an explicit deny in " + article(type) + " " + label(type)
                : " because no " + label(type) + " allows the " + action + " action";
        return AwsError.ACCESS_DENIED.exception(prefix + reason);
    }

    private static String label(PolicyType type) {
        return switch (type) {
            case IDENTITY -> "identity-based policy";
            case RESOURCE, TRUST -> "resource-based policy";
            case BOUNDARY -> "permissions boundary";
            case SESSION -> "session policy";
            case SCP -> "service control policy";
            case RCP -> "resource control policy";
            case ENDPOINT -> "VPC endpoint policy";
        };
    }

    private static String article(PolicyType type) {
        return type == PolicyType.IDENTITY ? "an" : "a";
    }
}
