package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.request.Principal;
import java.util.List;

/**
 * Decides requests as AWS does (IAM User Guide, "Policy evaluation logic" and its pages on single-account and
 * cross-account evaluation, permissions boundaries, session policies, SCPs and RCPs):
 * <ol>
 *   <li>an applicable Deny in any policy denies;</li>
 *   <li>SCPs (every level from the root down) and VPC endpoint policies must allow; RCPs deny only, since
 *       {@code RCPFullAWSAccess} is attached at every level;</li>
 *   <li>within one account, identity-based and resource-based policies form a union: either may allow, with the
 *       permissions boundary and session policies limiting what identity policies (and a grant to a role) give,
 *       and a grant naming the calling user or session itself standing on its own;</li>
 *   <li>across accounts, the resource policy and the caller's identity-side policies must both allow;</li>
 *   <li>the account root user has every identity permission; anonymous callers, services and identity providers
 *       have only what resource policies grant them.</li>
 * </ol>
 * Deciding reads only the compiled, immutable policy set and the request: it never parses, lower-cases policy
 * text or builds a regular expression, and it is safe to call from any number of threads.
 */
public final class PolicyEngine {

    private PolicyEngine() {}

    /** Decides {@code request} against {@code policies}. */
    public static Decision decide(AuthorizationRequest request, PolicySet policies) {
        if (ServiceRules.needsNoPermission(request)) {
            return new Decision(Outcome.ALLOWED, null, PolicyResults.NONE, List.of(), List.of(),
                    "sts:GetCallerIdentity needs no permission");
        }
        Principal principal = request.principal();
        boolean iamPrincipal = principal.isAccountPrincipal();
        boolean root = principal.kind() == Principal.Kind.ROOT;
        Evaluation evaluation = new Evaluation(request, policies.hasPermissionsBoundary());
        int results = 0;

        int identity = iamPrincipal && !policies.identity.isEmpty() ? evaluation.evaluate(policies.identity) : 0;
        results = note(results, PolicyType.IDENTITY, !policies.identity.isEmpty(), iamPrincipal, identity);
        int boundary = iamPrincipal && !root && policies.boundary != null ? evaluation.evaluate(policies.boundary) : 0;
        results = note(results, PolicyType.BOUNDARY, policies.boundary != null, iamPrincipal && !root, boundary);
        int session = iamPrincipal && policies.session != null ? evaluation.evaluate(policies.session) : 0;
        results = note(results, PolicyType.SESSION, policies.session != null, iamPrincipal, session);

        int resource = 0;
        Grant grant = Grant.NONE;
        if (policies.resource != null) {
            resource = evaluation.evaluate(policies.resource);
            grant = (resource & Evaluation.ALLOW) != 0 ? evaluation.grant : Grant.NONE;
        }
        PolicyType resourceType = policies.resource == null ? PolicyType.RESOURCE : policies.resource.type;
        results = note(results, resourceType, policies.resource != null, true, resource);
        String publicAccessBlock = null;
        if (grant != Grant.NONE && ServiceRules.blocksPublicAccess(request, policies)) {
            grant = Grant.NONE;
            publicAccessBlock = ServiceRules.RESTRICT_PUBLIC_BUCKETS;
        }

        boolean scpsApply = !policies.scpLevels.isEmpty() && iamPrincipal && !isServiceLinkedRole(principal);
        int scp = scpsApply ? levels(evaluation, policies.scpLevels, true) : 0;
        results = note(results, PolicyType.SCP, !policies.scpLevels.isEmpty(), scpsApply, scp);
        boolean rcpsApply = !policies.rcpLevels.isEmpty() && ServiceRules.rcpsApply(request);
        int rcp = rcpsApply ? levels(evaluation, policies.rcpLevels, false) : 0;
        results = note(results, PolicyType.RCP, !policies.rcpLevels.isEmpty(), rcpsApply, rcp);
        int endpoint = policies.endpoints.isEmpty() ? 0 : levels(evaluation, policies.endpoints, true);
        results = note(results, PolicyType.ENDPOINT, !policies.endpoints.isEmpty(), true, endpoint);

        PolicyType denied = firstDenied(rcp, scp, resource, resourceType, identity, boundary, session, endpoint);
        if (denied != null) {
            return decision(Outcome.EXPLICITLY_DENIED, denied, results, evaluation, null);
        }
        String forbidden = ServiceRules.forbiddenChange(request);
        if (forbidden != null) {
            return decision(Outcome.IMPLICITLY_DENIED, null, results, evaluation, forbidden);
        }
        if (scpsApply && (scp & Evaluation.ALLOW) == 0) {
            return decision(Outcome.IMPLICITLY_DENIED, PolicyType.SCP, results, evaluation, null);
        }
        if (!policies.endpoints.isEmpty() && (endpoint & Evaluation.ALLOW) == 0) {
            return decision(Outcome.IMPLICITLY_DENIED, PolicyType.ENDPOINT, results, evaluation, null);
        }

        if (!iamPrincipal) {
            // Anonymous callers, services and identity providers have only what resource policies grant.
            return grant != Grant.NONE
                    ? decision(Outcome.ALLOWED, resourceType, results, evaluation, null)
                    : decision(Outcome.IMPLICITLY_DENIED, resourceType, results, evaluation, publicAccessBlock);
        }
        boolean identityAllows = root || (identity & Evaluation.ALLOW) != 0;
        boolean boundaryAllows = root || policies.boundary == null || (boundary & Evaluation.ALLOW) != 0;
        // A federated user session has no permissions unless session policies grant them (STS API Reference,
        // GetFederationToken: "if you do not pass any session policies, then the resulting federated user session
        // has no permissions"); other principals without session policies are not limited by them.
        boolean sessionAllows = policies.session == null
                ? principal.kind() != Principal.Kind.FEDERATED_USER : (session & Evaluation.ALLOW) != 0;
        boolean identityPath = identityAllows && boundaryAllows && sessionAllows;
        boolean resourceRequired = ServiceRules.resourcePolicyRequired(request);

        if (!request.isSameAccount()) {
            if (grant != Grant.NONE && identityPath) {
                return decision(Outcome.ALLOWED, PolicyType.IDENTITY, results, evaluation, null);
            }
            PolicyType missing = grant == Grant.NONE ? resourceType
                    : limitingType(identityAllows, boundaryAllows, sessionAllows);
            return decision(Outcome.IMPLICITLY_DENIED, missing, results, evaluation, publicAccessBlock);
        }

        boolean resourceGrantStands = grant == Grant.DIRECT
                || (grant == Grant.ROLE && boundaryAllows && sessionAllows);
        if (resourceGrantStands) {
            return decision(Outcome.ALLOWED, resourceType, results, evaluation, null);
        }
        if (identityPath && (!resourceRequired || grant != Grant.NONE)) {
            return decision(Outcome.ALLOWED, PolicyType.IDENTITY, results, evaluation,
                    resourceRequired ? "the resource policy must allow the account" : null);
        }
        PolicyType missing = resourceRequired && grant == Grant.NONE ? resourceType
                : limitingType(identityAllows, boundaryAllows, sessionAllows);
        return decision(Outcome.IMPLICITLY_DENIED, missing, results, evaluation,
                resourceRequired && grant == Grant.NONE ? "the resource policy must allow the request" : null);
    }

    /**
     * Evaluates Organizations levels or endpoint policies: any Deny denies; {@code everyLevelMustAllow} requires
     * an Allow at every level (SCPs, endpoints), otherwise an implicit full-access Allow is assumed (RCPs).
     */
    private static int levels(Evaluation evaluation, List<PolicyGroup> levels, boolean everyLevelMustAllow) {
        boolean allAllow = true;
        int denied = 0;
        for (PolicyGroup level : levels) {
            int bits = evaluation.evaluate(level);
            denied |= bits & Evaluation.DENY;
            allAllow &= (bits & Evaluation.ALLOW) != 0;
        }
        return denied | (allAllow || !everyLevelMustAllow ? Evaluation.ALLOW : 0);
    }

    /** Service-linked roles are not restricted by SCPs (AWS Organizations User Guide, "Service control policies"). */
    private static boolean isServiceLinkedRole(Principal principal) {
        return principal.kind() == Principal.Kind.ROLE && principal.id().contains(":role/aws-service-role/");
    }

    private static PolicyType limitingType(boolean identity, boolean boundary, boolean session) {
        return !identity ? PolicyType.IDENTITY : !boundary ? PolicyType.BOUNDARY : !session ? PolicyType.SESSION
                : PolicyType.RESOURCE;
    }

    /** The first kind, in AWS's evaluation order, in which a Deny applied, or {@code null}. */
    private static PolicyType firstDenied(int rcp, int scp, int resource, PolicyType resourceType, int identity,
                                          int boundary, int session, int endpoint) {
        if ((rcp & Evaluation.DENY) != 0) {
            return PolicyType.RCP;
        }
        if ((scp & Evaluation.DENY) != 0) {
            return PolicyType.SCP;
        }
        if ((resource & Evaluation.DENY) != 0) {
            return resourceType;
        }
        if ((identity & Evaluation.DENY) != 0) {
            return PolicyType.IDENTITY;
        }
        if ((boundary & Evaluation.DENY) != 0) {
            return PolicyType.BOUNDARY;
        }
        if ((session & Evaluation.DENY) != 0) {
            return PolicyType.SESSION;
        }
        return (endpoint & Evaluation.DENY) != 0 ? PolicyType.ENDPOINT : null;
    }

    private static int note(int results, PolicyType type, boolean present, boolean applies, int bits) {
        if (!present) {
            return results;
        }
        TypeResult result = !applies ? TypeResult.NOT_APPLICABLE
                : (bits & Evaluation.DENY) != 0 ? TypeResult.DENIED
                : (bits & Evaluation.ALLOW) != 0 ? TypeResult.ALLOWED : TypeResult.NO_MATCH;
        return PolicyResults.pack(results, type, result);
    }

    private static Decision decision(Outcome outcome, PolicyType decidedBy, int results,
                                     Evaluation evaluation, String serviceRule) {
        return new Decision(outcome, decidedBy, new PolicyResults(results), evaluation.matched(), evaluation.missing(),
                serviceRule);
    }
}
