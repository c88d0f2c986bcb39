package io.gatehouse.policy.parse;

/**
 * Identity-based policies (and session policies, permissions boundaries, SCPs) name no principal:
 * the principal is the identity the policy is attached to
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html;
 * Organizations User Guide, "SCP syntax": Principal and NotPrincipal are not supported).
 */
final class PrincipalForbiddenRule implements GrammarRule {

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        Message notAllowed = context.messages().principalNotAllowed();
        for (SourceStatement statement : document.statements()) {
            report(statement.principal(), notAllowed, findings);
            report(statement.notPrincipal(), notAllowed, findings);
        }
    }

    private static void report(SourcePrincipal principal, Message notAllowed, Findings findings) {
        if (principal != null) {
            findings.report(Stage.POLICY_TYPE, notAllowed, principal.path(), principal.at());
        }
    }
}
