package io.gatehouse.bench;

import io.gatehouse.app.cases.EvaluationCase;
import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.PolicyEngine;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.AuthorizationRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread decisions per second: one operation is one {@link PolicyEngine#decide} call, on the cases of a
 * benchmark file taken round-robin. Requests are built and policies parsed and compiled once, in setup, as a server
 * holds them in its authorization snapshot; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes one
 * decision allocates (its decision record included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecideBenchmark {

    /** The benchmark file: {@code small} or {@code realistic}. */
    @Param({"small", "realistic"})
    public String file;

    private AuthorizationRequest[] requests;
    private PolicySet[] policies;
    private int next;

    @Setup
    public void load() {
        List<EvaluationCase> cases = BenchmarkInputs.cases(file);
        requests = cases.stream().map(EvaluationCase::request).toArray(AuthorizationRequest[]::new);
        policies = cases.stream().map(EvaluationCase::policies).toArray(PolicySet[]::new);
    }

    @Benchmark
    public Decision decide() {
        int i = next;
        next = i + 1 == requests.length ? 0 : i + 1;
        return PolicyEngine.decide(requests[i], policies[i]);
    }
}
