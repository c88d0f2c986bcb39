package io.gatehouse.policy.parse;

import io.gatehouse.policy.document.PolicyDocument;

/**
 * {@code Version} is {@code 2012-10-17} or {@code 2008-10-17} (IAM User Guide, "IAM JSON policy
 * elements: Version"); any other value is a syntax error. Managed policies
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html),
 * SCPs and RCPs (Organizations User Guide, "SCP syntax", "RCP syntax") must say {@code 2012-10-17}.
 */
final class VersionRule implements GrammarRule {

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        Text version = document.version();
        String value = version == null ? null : version.value();
        if (version != null && !PolicyDocument.VERSION_2012.equals(value)
                && !PolicyDocument.VERSION_2008.equals(value)) {
            findings.report(Stage.SYNTAX, context.messages().syntax(), version.path(), version.at());
        }
        boolean requiresCurrent = context.options().managed() || context.isOrganizations();
        if (requiresCurrent && !PolicyDocument.VERSION_2012.equals(value)) {
            findings.report(Stage.VERSION, context.messages().versionRequired(), "Version",
                    version == null ? Position.DOCUMENT : version.at());
        }
    }
}
