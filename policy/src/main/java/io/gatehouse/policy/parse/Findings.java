package io.gatehouse.policy.parse;

import io.gatehouse.policy.PolicyProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems found in one document and orders them the way IAM would report them: by
 * {@link Stage}, then by place in the document (problems of the whole document first), then in the
 * order they were found.
 */
final class Findings {

    private record Finding(Stage stage, int sequence, PolicyProblem problem) {}

    private static final Comparator<Finding> IAM_ORDER = Comparator.comparing(Finding::stage)
            .thenComparingInt((Finding f) -> f.problem().line())
            .thenComparingInt(f -> f.problem().column())
            .thenComparingInt(Finding::sequence);

    private final List<Finding> found = new ArrayList<>();

    void report(Stage stage, Message message, String path, Position at) {
        found.add(new Finding(stage, found.size(),
                new PolicyProblem(message.code(), message.text(), at.line(), at.column(), path)));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems, IAM's answer first. */
    List<PolicyProblem> inIamOrder() {
        return found.stream().sorted(IAM_ORDER).map(Finding::problem).toList();
    }
}
