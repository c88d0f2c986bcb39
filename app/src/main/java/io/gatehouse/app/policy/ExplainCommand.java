package io.gatehouse.app.policy;

import io.gatehouse.app.cases.EvaluationCase;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.StatementRef;
import io.gatehouse.policy.engine.TypeResult;
import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.request.Principal;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse policy explain}: decide one request and say, for a person, what decided it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Decide one case (a request with its policies, in the case format) and explain the decision: "
                + "what each kind of policy said, which statements applied, which context keys were missing."})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--id", paramLabel = "ID", description = "The case to explain when FILE holds several.")
    String id;

    @Parameters(paramLabel = "FILE", description = "A case file (JSON Lines, one case per line); - reads standard input.")
    String file;

    @Override
    public Integer call() {
        List<EvaluationCase> cases;
        try {
            cases = CaseFiles.read(file);
        } catch (IOException e) {
            return PolicyCommand.usageError(spec, "cannot read " + file + ": " + e.getMessage());
        }
        List<EvaluationCase> chosen = id == null ? cases : cases.stream().filter(c -> c.id().equals(id)).toList();
        if (chosen.size() != 1) {
            return PolicyCommand.usageError(spec, chosen.isEmpty()
                    ? "no case " + (id == null ? "in " + file : "with id " + id)
                    : file + " holds " + chosen.size() + " cases; choose one with --id");
        }
        EvaluationCase evaluationCase = chosen.get(0);
        PrintWriter out = spec.commandLine().getOut();
        if (!evaluationCase.isDecidable()) {
            out.println("Case " + evaluationCase.id() + " cannot be decided: " + evaluationCase.error());
            out.flush();
            return 1;
        }
        explain(out, evaluationCase.request(), evaluationCase.decide());
        if (evaluationCase.expected() != null) {
            out.println("Expected: " + evaluationCase.expected().text()
                    + (evaluationCase.expected() == evaluationCase.decide().outcome() ? " (agrees)" : " (DISAGREES)"));
        }
        out.flush();
        return 0;
    }

    static void explain(PrintWriter out, AuthorizationRequest request, Decision decision) {
        Principal principal = request.principal();
        String who = principal.kind() == Principal.Kind.ANONYMOUS ? "An anonymous caller" : principal.id();
        out.println("Request:  " + who + " calls " + request.action() + " on " + request.resource()
                + (request.resourceAccount() == null ? "" : " (resource account " + request.resourceAccount()
                + (request.isSameAccount() ? ", same account)" : ", cross-account)")));
        out.println("Decision: " + decision.outcome().text() + " — " + reason(decision));
        out.println("Policies:");
        for (PolicyType type : PolicyType.values()) {
            TypeResult result = decision.result(type);
            if (result != TypeResult.ABSENT) {
                out.printf("  %-9s %s%n", type.cliName(), describe(result));
            }
        }
        out.println("Statements that applied:" + (decision.matchedStatements().isEmpty() ? " none" : ""));
        for (StatementRef statement : decision.matchedStatements()) {
            out.println("  " + statement);
        }
        out.println("Context keys the policies asked for but the request lacks: "
                + (decision.missingContextKeys().isEmpty() ? "none" : String.join(", ", decision.missingContextKeys())));
    }

    private static String reason(Decision decision) {
        if (decision.serviceRule() != null && decision.decidedBy() == null) {
            return decision.serviceRule();
        }
        String kind = decision.decidedBy() == null ? "policy" : label(decision.decidedBy());
        return switch (decision.outcome()) {
            case ALLOWED -> "allowed by " + article(kind) + " " + kind;
            case EXPLICITLY_DENIED -> "an explicit deny in " + article(kind) + " " + kind;
            case IMPLICITLY_DENIED -> "no " + kind + " allows it"
                    + (decision.serviceRule() == null ? "" : " (" + decision.serviceRule() + ")");
        };
    }

    private static String label(PolicyType type) {
        return switch (type) {
            case IDENTITY -> "identity-based policy";
            case RESOURCE -> "resource-based policy";
            case TRUST -> "role trust policy";
            case BOUNDARY -> "permissions boundary";
            case SESSION -> "session policy";
            case SCP -> "service control policy";
            case RCP -> "resource control policy";
            case ENDPOINT -> "VPC endpoint policy";
        };
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String describe(TypeResult result) {
        return switch (result) {
            case ABSENT -> "none";
            case NOT_APPLICABLE -> "does not apply to this principal";
            case NO_MATCH -> "no statement applies (implicit deny)";
            case ALLOWED -> "allows";
            case DENIED -> "denies";
        };
    }
}
