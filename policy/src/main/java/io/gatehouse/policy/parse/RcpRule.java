package io.gatehouse.policy.parse;

import java.util.List;

/**
 * Resource control policies (Organizations User Guide, "RCP syntax"): every statement names
 * {@code "Principal": "*"} and narrows it with conditions; {@code NotPrincipal} and {@code NotAction}
 * are not supported; {@code Allow} appears only in the form of the built-in {@code RCPFullAWSAccess}
 * (Principal, Action and Resource {@code *}, nothing else).
 */
final class RcpRule implements GrammarRule {

    private static final List<String> ALL = List.of("*");

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        Message unsupported = context.messages().organizationsUnsupported();
        for (SourceStatement statement : document.statements()) {
            SourcePrincipal principal = statement.principal();
            if (principal == null || !principal.wildcard()) {
                findings.report(Stage.POLICY_TYPE, unsupported,
                        principal == null ? Paths.member(statement.path(), "Principal") : principal.path(),
                        principal == null ? statement.at() : principal.at());
            }
            if (statement.notPrincipal() != null) {
                findings.report(Stage.POLICY_TYPE, unsupported, statement.notPrincipal().path(), statement.notPrincipal().at());
            }
            if (statement.notAction() != null) {
                findings.report(Stage.POLICY_TYPE, unsupported, statement.notAction().path(), statement.notAction().at());
            }
            Text effect = statement.effect();
            if (effect != null && effect.value().equalsIgnoreCase("Allow") && !isFullAccess(statement)) {
                findings.report(Stage.POLICY_TYPE, unsupported, effect.path(), effect.at());
            }
        }
    }

    private static boolean isFullAccess(SourceStatement statement) {
        return statement.principal() != null && statement.principal().wildcard()
                && statement.action() != null && statement.action().values().equals(ALL)
                && statement.resource() != null && statement.resource().values().equals(ALL)
                && statement.notResource() == null && statement.condition() == null;
    }
}
