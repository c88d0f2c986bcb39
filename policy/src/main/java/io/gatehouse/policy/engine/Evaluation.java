package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.condition.MissingKeySink;
import io.gatehouse.policy.document.Effect;
import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.request.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * The working state of one decision: which statements matched and which keys were missing. Created per
 * decision and confined to its thread; lists are allocated only when there is something to record.
 */
final class Evaluation implements MissingKeySink {

    /** Bit set by {@link #evaluate} when an Allow statement applied. */
    static final int ALLOW = 1;
    /** Bit set by {@link #evaluate} when a Deny statement applied. */
    static final int DENY = 2;

    private final AuthorizationRequest request;
    private final boolean principalHasBoundary;
    /** Matched statements: the first two in fields, so that the usual decision allocates no list of its own. */
    private StatementRef firstMatch;
    private StatementRef secondMatch;
    private List<StatementRef> moreMatches;
    /** Missing keys, the first in a field for the same reason. */
    private String firstMissing;
    private List<String> moreMissing;
    /** The strongest grant an applicable Allow in the last evaluated resource policy gave. */
    Grant grant = Grant.NONE;

    Evaluation(AuthorizationRequest request, boolean principalHasBoundary) {
        this.request = request;
        this.principalHasBoundary = principalHasBoundary;
    }

    /**
     * Evaluates every statement of a group against the request; returns {@link #ALLOW}/{@link #DENY} bits.
     * Statement parts are checked cheapest first: action (through the group's index), resource, principal, then
     * conditions.
     */
    int evaluate(PolicyGroup group) {
        int result = 0;
        Principal principal = request.principal();
        for (CompiledStatement statement : group.covering(request)) {
            if (!statement.matchesResource(request)) {
                continue;
            }
            Grant statementGrant = principalGrant(group.type, statement, principal);
            if (statementGrant == Grant.NONE || !statement.matchesConditions(request, this)) {
                continue;
            }
            record(statement.ref);
            if (statement.effect == Effect.DENY) {
                result |= DENY;
            } else {
                result |= ALLOW;
                // Only a resource-based policy's grant says how it named the caller; identity-side policies
                // (evaluated first) must not make a grant to the role or account look like one to the caller itself.
                boolean resourceBased = group.type == PolicyType.RESOURCE || group.type == PolicyType.TRUST;
                if (resourceBased && statementGrant.compareTo(grant) > 0) {
                    grant = statementGrant;
                }
            }
        }
        return result;
    }

    /**
     * How a statement's Principal/NotPrincipal covers the caller. Identity-based policies, boundaries, session
     * policies and SCPs apply to their principal whatever a (lenient) document says; in resource-based policies a
     * statement without a principal applies to no one; RCPs and endpoint policies without one apply to everyone.
     */
    private Grant principalGrant(PolicyType type, CompiledStatement statement, Principal principal) {
        boolean resourceBased = type == PolicyType.RESOURCE || type == PolicyType.TRUST;
        if (!resourceBased && type != PolicyType.RCP && type != PolicyType.ENDPOINT) {
            return Grant.DIRECT;
        }
        if (statement.principals == null) {
            return resourceBased ? Grant.NONE : Grant.DIRECT;
        }
        if (!statement.notPrincipal) {
            Grant named = statement.principals.match(principal);
            // PrivateLink Guide, "Control access to VPC endpoints using endpoint policies": an account as the
            // principal of an endpoint policy grants "the AWS account root user only".
            return type == PolicyType.ENDPOINT && named == Grant.ACCOUNT && principal.kind() != Principal.Kind.ROOT
                    ? Grant.NONE : named;
        }
        // IAM User Guide, "Permissions boundaries for IAM entities": a Deny with NotPrincipal always denies a
        // principal that has a permissions boundary, whatever NotPrincipal lists.
        boolean excluded = statement.principals.namesExactly(principal)
                && !(statement.effect == Effect.DENY && principalHasBoundary);
        return excluded ? Grant.NONE : Grant.DIRECT;
    }

    private void record(StatementRef ref) {
        if (firstMatch == null) {
            firstMatch = ref;
        } else if (secondMatch == null) {
            secondMatch = ref;
        } else {
            if (moreMatches == null) {
                moreMatches = new ArrayList<>(4);
            }
            moreMatches.add(ref);
        }
    }

    @Override
    public void keyMissing(String key) {
        if (firstMissing == null) {
            firstMissing = key;
            return;
        }
        if (firstMissing.equalsIgnoreCase(key)) {
            return;
        }
        if (moreMissing == null) {
            moreMissing = new ArrayList<>(4);
        }
        for (String known : moreMissing) {
            if (known.equalsIgnoreCase(key)) {
                return;
            }
        }
        moreMissing.add(key);
    }

    /** The matched statements as an unmodifiable list. */
    List<StatementRef> matched() {
        if (firstMatch == null) {
            return List.of();
        }
        if (secondMatch == null) {
            return List.of(firstMatch);
        }
        if (moreMatches == null) {
            return List.of(firstMatch, secondMatch);
        }
        StatementRef[] all = new StatementRef[moreMatches.size() + 2];
        all[0] = firstMatch;
        all[1] = secondMatch;
        for (int i = 0; i < moreMatches.size(); i++) {
            all[i + 2] = moreMatches.get(i);
        }
        return List.of(all);
    }

    /** The missing keys as an unmodifiable list. */
    List<String> missing() {
        if (firstMissing == null) {
            return List.of();
        }
        if (moreMissing == null) {
            return List.of(firstMissing);
        }
        List<String> all = new ArrayList<>(moreMissing.size() + 1);
        all.add(firstMissing);
        all.addAll(moreMissing);
        return List.copyOf(all);
    }
}
