package io.gatehouse.policy.parse;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Statement ids (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html):
 * in the policies IAM stores a Sid holds only ASCII letters and digits; in IAM and Organizations
 * policies non-empty Sids are unique. S3, KMS and other services accept other characters and
 * repeats in their own policies, so resource and endpoint policies are not checked.
 */
final class SidRule implements GrammarRule {

    private static final Pattern ALPHANUMERIC = Pattern.compile("[0-9A-Za-z]*");

    @Override
    public void check(SourceDocument document, GrammarContext context, Findings findings) {
        boolean iamStored = context.isIamStored();
        if (!iamStored && !context.isOrganizations()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (SourceStatement statement : document.statements()) {
            Text sid = statement.sid();
            if (sid == null) {
                continue;
            }
            if (iamStored && !ALPHANUMERIC.matcher(sid.value()).matches()) {
                findings.report(Stage.SID, context.messages().sidCharacters(), sid.path(), sid.at());
            }
            if (!sid.value().isEmpty() && !seen.add(sid.value())) {
                findings.report(Stage.SID, context.messages().sidUnique(), sid.path(), sid.at());
            }
        }
    }
}
