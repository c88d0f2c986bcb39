package io.gatehouse.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.policy.engine.Decision;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agreement with the shared corpus converted from iam-simulate's test suite ({@code ../shared/policy-eval/}),
 * which must stay outside the repository: the test runs when the file is there and is skipped otherwise.
 *
 * <p>Every case must decide as it expects, except the ones listed in {@link #KNOWN_DISAGREEMENTS}, each with the
 * AWS documentation that shows the expectation is not what AWS does. A listed case that starts agreeing fails the
 * test too, so the list stays true.
 */
class SharedCorpusAgreementTest {

    private static final String NULL_VARIABLE = "The negated operator compares the request value with a policy "
            + "variable that has no value; AWS treats such a value as null and says negated operators match it (IAM User "
            + "Guide, \"IAM policy elements: Variables and tags\", \"Policy variables with no value\": \"Inverted condition "
            + "operators like StringNotEquals or StringNotLike do match against a null value, as the value of the "
            + "condition key they are testing against is not equal to or like the effectively null value.\"), so the "
            + "statement applies and the request is allowed.";

    /** Case id to the reason its expectation is not AWS's behaviour. */
    static final Map<String, String> KNOWN_DISAGREEMENTS = Map.ofEntries(
            Map.entry("iamsim/operator/string/StringNotEquals.test.ts#5", NULL_VARIABLE),
            Map.entry("iamsim/operator/string/StringNotEqualsIgnoreCase.test.ts#4", NULL_VARIABLE),
            Map.entry("iamsim/operator/string/StringNotLike.test.ts#6", NULL_VARIABLE),
            Map.entry("iamsim/operator/arn/ArnNotLike.test.ts#11", NULL_VARIABLE),
            Map.entry("iamsim/core/sessionPolicies.json#7", "A resource policy that names the session ARN grants to the "
                    + "session directly; session policies do not limit it (IAM User Guide, \"Session policies\": when a "
                    + "resource-based policy specifies the ARN of the session, \"the permissions from the resource-based "
                    + "policy are added after the session is created. The resource-based policy permissions are not "
                    + "limited by the session policies\"; STS API Reference, GetFederationToken: \"If that policy "
                    + "specifically references the federated user session in the Principal element of the policy, the "
                    + "session has the permissions allowed by the policy. These permissions are granted in addition to "
                    + "the permissions that are granted by the session policies.\")."));

    private static Path corpus() {
        return Path.of(System.getProperty("gatehouse.root", "."), "..", "shared", "policy-eval", "iam-simulate-cases.jsonl");
    }

    @Test
    void decidesEverySharedCaseAsExpectedExceptTheDocumentedDisagreements() throws IOException {
        Path file = corpus();
        assumeTrue(Files.isRegularFile(file), "shared corpus not present at " + file);
        List<EvaluationCase> cases;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            cases = new CaseReader().readAll(reader);
        }
        List<String> unexpected = new ArrayList<>();
        List<String> agreeingDespiteList = new ArrayList<>();
        int agreed = 0;
        for (EvaluationCase c : cases) {
            Decision decision = c.isDecidable() ? c.decide() : null;
            boolean agrees = decision != null && decision.outcome() == c.expected();
            if (agrees) {
                agreed++;
                if (KNOWN_DISAGREEMENTS.containsKey(c.id())) {
                    agreeingDespiteList.add(c.id());
                }
            } else if (!KNOWN_DISAGREEMENTS.containsKey(c.id())) {
                unexpected.add(c.id() + ": expected " + c.expected() + ", got "
                        + (decision == null ? "error " + c.error() : decision.outcome() + " " + decision.matchedStatements()));
            }
        }
        System.out.printf("shared corpus: %d of %d cases agree; %d documented disagreements%n",
                agreed, cases.size(), KNOWN_DISAGREEMENTS.size());
        assertThat(unexpected).as("cases that disagree without a documented reason").isEmpty();
        assertThat(agreeingDespiteList).as("listed disagreements that now agree: remove them from the list").isEmpty();
        assertThat(agreed + KNOWN_DISAGREEMENTS.size()).isEqualTo(cases.size());
    }
}
