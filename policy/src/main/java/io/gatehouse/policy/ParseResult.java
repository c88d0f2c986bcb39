package io.gatehouse.policy;

import io.gatehouse.policy.document.PolicyDocument;
import java.util.List;

/** The outcome of parsing a policy document: the document, or the problems that make it invalid. */
public sealed interface ParseResult {

    /** A document that satisfied every rule that was checked. */
    record Valid(PolicyDocument document) implements ParseResult {}

    /**
     * A document IAM would refuse. {@code problems} is never empty; the first is the one IAM reports.
     */
    record Invalid(List<PolicyProblem> problems) implements ParseResult {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid document has at least one problem");
            }
        }

        /** The problem IAM would report. */
        public PolicyProblem first() {
            return problems.get(0);
        }
    }
}
