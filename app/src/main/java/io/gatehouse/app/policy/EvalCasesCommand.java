package io.gatehouse.app.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.gatehouse.app.cases.EvaluationCase;
import io.gatehouse.policy.engine.Decision;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse policy eval-cases}: decide every case of a JSON Lines file (the format of
 * {@code ../shared/policy-eval/FORMAT.md}) and write one JSON line per case, in input order.
 */
@Command(name = "eval-cases", mixinStandardHelpOptions = true,
        description = {"Decide each case of a JSON Lines case file and write one JSON line per case to standard output:",
                "{\"id\":…,\"decision\":\"Allowed|ExplicitlyDenied|ImplicitlyDenied\",…}, or \"decision\":null with "
                        + "\"error\" when the case cannot be read. Policies that break IAM's grammar for their role but "
                        + "read as policies are decided, and the grammar's verdict is listed under \"grammarErrors\"."})
final class EvalCasesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--summary", description = "Print agreement with each case's expected.decision to standard error.")
    boolean summary;

    @Parameters(paramLabel = "FILE", description = "The case file (JSON Lines); - reads standard input.")
    String file;

    @Override
    public Integer call() throws IOException {
        List<EvaluationCase> cases;
        try {
            cases = CaseFiles.read(file);
        } catch (IOException e) {
            return PolicyCommand.usageError(spec, "cannot read " + file + ": " + e.getMessage());
        }
        int expected = 0;
        int agreed = 0;
        int errors = 0;
        int grammar = 0;
        List<String> disagreements = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (EvaluationCase evaluationCase : cases) {
                Decision decision = evaluationCase.isDecidable() ? evaluationCase.decide() : null;
                DecisionJson.write(json, evaluationCase, decision);
                json.flush();
                out.println();
                if (decision == null) {
                    errors++;
                } else if (!evaluationCase.grammarErrors().isEmpty()) {
                    grammar++;
                }
                if (evaluationCase.expected() != null) {
                    expected++;
                    if (decision != null && decision.outcome() == evaluationCase.expected()) {
                        agreed++;
                    } else {
                        disagreements.add(evaluationCase.id());
                    }
                }
            }
        }
        out.flush();
        if (summary) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("cases: %d, with expected decision: %d, agreed: %d (%.1f%%), undecidable: %d, "
                            + "decided despite IAM grammar errors: %d%n",
                    cases.size(), expected, agreed, expected == 0 ? 100.0 : 100.0 * agreed / expected, errors, grammar);
            disagreements.forEach(id -> err.println("disagrees: " + id));
            err.flush();
        }
        return 0;
    }
}
