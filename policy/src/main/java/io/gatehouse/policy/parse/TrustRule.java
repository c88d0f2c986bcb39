package io.gatehouse.policy.parse;

import java.util.Locale;

/**
 * A role trust policy says who may assume the role, so it names no resource (the role is the
 * resource) and only the actions of assuming a role and of what comes with it, the {@code sts:}
 * actions (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html,
 * "Trust policy").
 */
final class TrustRule implements GrammarRule {

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        Messages messages = context.messages();
        for (SourceStatement statement : document.statements()) {
            if (statement.resource() != null) {
                findings.report(Stage.POLICY_TYPE, messages.prohibitedField("Resource"),
                        statement.resource().path(), statement.resource().at());
            }
            if (statement.notResource() != null) {
                findings.report(Stage.POLICY_TYPE, messages.prohibitedField("NotResource"),
                        statement.notResource().path(), statement.notResource().at());
            }
            TextList actions = statement.action() != null ? statement.action() : statement.notAction();
            if (actions == null) {
                continue;
            }
            for (Text action : actions.items()) {
                if (!isTrustAction(action.value())) {
                    findings.report(Stage.POLICY_TYPE, messages.trustActions(), action.path(), action.at());
                }
            }
        }
    }

    private static boolean isTrustAction(String action) {
        return action.equals("*") || action.toLowerCase(Locale.ROOT).startsWith("sts:");
    }
}
