package io.gatehouse.policy.parse;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.document.PrincipalKind;
import java.util.Map;

/**
 * Resource-based policies name who they apply to: a role trust policy in {@code Principal}; a
 * resource or endpoint policy in {@code Principal} or {@code NotPrincipal}
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html: "It must contain
 * a Principal element"). An element that lists no principal at all counts as missing. Each value
 * must have a form its kind allows ({@link PrincipalValues}); a trust policy takes no canonical users.
 */
final class PrincipalRequiredRule implements GrammarRule {

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        boolean trust = context.type() == PolicyType.TRUST;
        for (SourceStatement statement : document.statements()) {
            SourcePrincipal named = statement.principal() != null || trust
                    ? statement.principal() : statement.notPrincipal();
            if (named == null || !named.wildcard() && isEmpty(named)) {
                findings.report(Stage.POLICY_TYPE, context.messages().principalMissing(),
                        named == null ? Paths.member(statement.path(), "Principal") : named.path(),
                        named == null ? statement.at() : named.at());
            }
            checkValues(statement.principal(), trust, context, findings);
            checkValues(statement.notPrincipal(), trust, context, findings);
        }
    }

    private static boolean isEmpty(SourcePrincipal principal) {
        return principal.kinds().values().stream().allMatch(list -> list.items().isEmpty());
    }

    private static void checkValues(SourcePrincipal principal, boolean trust, GrammarContext context, Findings findings) {
        if (principal == null) {
            return;
        }
        for (Map.Entry<PrincipalKind, TextList> entry : principal.kinds().entrySet()) {
            PrincipalKind kind = entry.getKey();
            for (Text value : entry.getValue().items()) {
                boolean allowed = !(trust && kind == PrincipalKind.CANONICAL_USER);
                if (!allowed || !PrincipalValues.isValid(kind, value.value())) {
                    findings.report(Stage.POLICY_TYPE, context.messages().principalNotValid(kind, value.value()),
                            value.path(), value.at());
                }
            }
        }
    }
}
