package io.gatehouse.policy.parse;

/**
 * Permission statements name the resources they cover in {@code Resource} or {@code NotResource}
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html);
 * only a role trust policy has none.
 */
final class ResourcesRequiredRule implements GrammarRule {

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        for (SourceStatement statement : document.statements()) {
            TextList resources = statement.resource() != null ? statement.resource() : statement.notResource();
            if (resources == null || resources.items().isEmpty()) {
                findings.report(Stage.RESOURCES, context.messages().noResources(),
                        resources == null ? Paths.member(statement.path(), "Resource") : resources.path(),
                        resources == null ? statement.at() : resources.at());
            }
        }
    }
}
