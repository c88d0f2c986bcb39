package io.gatehouse.policy.parse;

import java.util.HashSet;
import java.util.Set;

/**
 * Statement shapes IAM's syntax check refuses: an element beside its negation ({@code Action} with
 * {@code NotAction}, {@code Resource} with {@code NotResource}, {@code Principal} with
 * {@code NotPrincipal}), and a condition operator that is not in the policy language. An operator
 * with an empty block is ignored, as IAM ignores it.
 */
final class StatementShapeRule implements GrammarRule {

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        Message syntax = context.messages().syntax();
        for (SourceStatement statement : document.statements()) {
            if (statement.action() != null && statement.notAction() != null) {
                findings.report(Stage.SYNTAX, syntax, statement.notAction().path(), statement.notAction().at());
            }
            if (statement.resource() != null && statement.notResource() != null) {
                findings.report(Stage.SYNTAX, syntax, statement.notResource().path(), statement.notResource().at());
            }
            if (statement.principal() != null && statement.notPrincipal() != null) {
                findings.report(Stage.SYNTAX, syntax, statement.notPrincipal().path(), statement.notPrincipal().at());
            }
            Set<String> reported = new HashSet<>();
            for (SourceCondition condition : statement.conditions()) {
                Text operator = condition.operator();
                if (!ConditionOperators.isKnown(operator.value()) && reported.add(operator.path())) {
                    findings.report(Stage.SYNTAX, syntax, operator.path(), operator.at());
                }
            }
        }
    }
}
