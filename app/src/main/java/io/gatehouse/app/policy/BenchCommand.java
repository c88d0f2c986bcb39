package io.gatehouse.app.policy;

import io.gatehouse.app.cases.EvaluationCase;
import io.gatehouse.policy.engine.PolicyEngine;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.AuthorizationRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse policy bench}: compile every case's policies once, then decide the cases' requests round-robin
 * on one thread, and print the rate. For comparing engines on the same input; the JMH benchmarks in {@code bench/}
 * measure the engine with more care.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Decide the requests of a case file round-robin on one thread for a while and print "
                + "'decisions/s: N' as the last line. Policies are compiled once, before timing."})
final class BenchCommand implements Callable<Integer> {

    private static final int BATCH = 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "How long to measure, after a warm-up of a fifth as long (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Parameters(paramLabel = "FILE", description = "The case file (JSON Lines).")
    String file;

    /** Keeps the JIT from discarding decisions nobody reads. */
    static volatile int sink;

    @Override
    public Integer call() {
        if (!(seconds > 0)) {
            return PolicyCommand.usageError(spec, "--seconds must be positive");
        }
        List<EvaluationCase> cases;
        try {
            cases = CaseFiles.read(file);
        } catch (IOException e) {
            return PolicyCommand.usageError(spec, "cannot read " + file + ": " + e.getMessage());
        }
        List<EvaluationCase> decidable = cases.stream().filter(EvaluationCase::isDecidable).toList();
        if (decidable.isEmpty()) {
            return PolicyCommand.usageError(spec, file + " has no case that can be decided");
        }
        AuthorizationRequest[] requests = decidable.stream().map(EvaluationCase::request).toArray(AuthorizationRequest[]::new);
        PolicySet[] policies = decidable.stream().map(EvaluationCase::policies).toArray(PolicySet[]::new);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("cases: %d (%d skipped: invalid policies)%n", decidable.size(), cases.size() - decidable.size());
        out.flush();
        run(requests, policies, (long) (seconds * 200_000_000L));
        long[] measured = run(requests, policies, (long) (seconds * 1_000_000_000L));
        double rate = measured[0] * 1e9 / measured[1];
        out.printf("decisions: %d in %.3f s%n", measured[0], measured[1] / 1e9);
        out.printf("decisions/s: %.0f%n", rate);
        out.flush();
        return 0;
    }

    /** Decides round-robin until {@code nanos} have passed; returns {decisions, elapsed nanos}. */
    private static long[] run(AuthorizationRequest[] requests, PolicySet[] policies, long nanos) {
        long start = System.nanoTime();
        long deadline = start + nanos;
        long decisions = 0;
        int next = 0;
        int accumulator = 0;
        long now;
        do {
            for (int i = 0; i < BATCH; i++) {
                accumulator += PolicyEngine.decide(requests[next], policies[next]).outcome().ordinal();
                if (++next == requests.length) {
                    next = 0;
                }
            }
            decisions += BATCH;
            now = System.nanoTime();
        } while (now < deadline);
        sink = accumulator;
        return new long[] {decisions, now - start};
    }
}
