package io.gatehouse.policy.parse;

/**
 * Checks every {@code Resource} and {@code NotResource} value with {@link ResourceArn}: shapes only
 * the legacy parser refuses are reported at {@link Stage#LEGACY}, the others at
 * {@link Stage#RESOURCE_FORMAT}. Trust policies are left out: they may not name resources at all.
 */
final class ResourceRule implements GrammarRule {

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        for (SourceStatement statement : document.statements()) {
            check(statement.resource(), context, findings);
            check(statement.notResource(), context, findings);
        }
    }

    private static void check(TextList resources, GrammarContext context, Findings findings) {
        if (resources == null) {
            return;
        }
        for (Text resource : resources.items()) {
            switch (ResourceArn.check(resource.value(), context.options().partition(), context.messages())) {
                case ResourceArn.Verdict.Valid valid -> { }
                case ResourceArn.Verdict.LegacyFailure failure ->
                        findings.report(Stage.LEGACY, context.messages().legacyParsing(), resource.path(), resource.at());
                case ResourceArn.Verdict.Malformed malformed ->
                        findings.report(Stage.RESOURCE_FORMAT, malformed.message(), resource.path(), resource.at());
            }
        }
    }
}
