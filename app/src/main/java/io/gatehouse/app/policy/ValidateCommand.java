package io.gatehouse.app.policy;

import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyProblem;
import io.gatehouse.policy.PolicyType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse policy validate}: check a document against IAM's grammar for its policy type. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a policy document as IAM would, and print each problem with IAM's error code, "
                + "message and location.", "Exit status: 0 valid, 1 invalid, 2 usage error."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "identity",
            description = "Policy type: identity, resource, trust, boundary, scp, rcp, session, endpoint (default: ${DEFAULT-VALUE}).")
    String type;

    @Parameters(paramLabel = "FILE", description = "The policy document (JSON); - reads standard input.")
    String file;

    @Override
    public Integer call() {
        PolicyType policyType = PolicyType.ofCliName(type);
        if (policyType == null) {
            return PolicyCommand.usageError(spec, "unknown policy type '" + type + "'; use one of "
                    + Arrays.stream(PolicyType.values()).map(PolicyType::cliName).toList());
        }
        String text;
        try {
            text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return PolicyCommand.usageError(spec, "cannot read " + file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        ParseResult result = PolicyParser.parse(text, policyType);
        if (result instanceof ParseResult.Invalid invalid) {
            for (PolicyProblem problem : invalid.problems()) {
                out.println(location(problem) + problem.code() + ": " + problem.message()
                        + (problem.path().isEmpty() ? "" : " (at " + problem.path() + ")"));
            }
            out.flush();
            return 1;
        }
        out.println(file + ": valid " + policyType.cliName() + " policy");
        out.flush();
        return 0;
    }

    private String location(PolicyProblem problem) {
        return problem.line() > 0 ? file + ":" + problem.line() + ":" + problem.column() + ": " : file + ": ";
    }
}
