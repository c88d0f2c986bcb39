package io.gatehouse.policy.parse;

/**
 * What IAM's legacy parser refuses with {@code The policy failed legacy parsing}: an Effect not
 * spelled exactly {@code Allow} or {@code Deny}, a Date condition value that is no date, and a
 * resource ARN whose shape it cannot read (see {@link ResourceArn}).
 */
final class LegacyRule implements GrammarRule {

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        Message legacy = context.messages().legacyParsing();
        for (SourceStatement statement : document.statements()) {
            Text effect = statement.effect();
            if (effect != null && !effect.value().equals("Allow") && !effect.value().equals("Deny")) {
                findings.report(Stage.LEGACY, legacy, effect.path(), effect.at());
            }
            for (SourceCondition condition : statement.conditions()) {
                if (ConditionOperators.comparesDates(condition.operator().value())) {
                    for (Text value : condition.values().items()) {
                        if (!DateValues.isValid(value.value())) {
                            findings.report(Stage.LEGACY, legacy, value.path(), value.at());
                        }
                    }
                }
            }
        }
    }
}
