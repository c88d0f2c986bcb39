package io.gatehouse.bench;

import io.gatehouse.app.cases.EvaluationCase;
import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.PolicyEngine;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.request.Principal;
import io.gatehouse.policy.request.RequestContext;
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
 * The cost of building the request, which {@link DecideBenchmark} leaves out: each operation builds an
 * {@link AuthorizationRequest} from plain strings, as a server does from what it decoded and authenticated
 * (the principal parsed from its ARN, every context value typed and parsed, the context map built), and
 * {@link #buildAndDecide} then decides it against the precompiled policies. Round-robin over a benchmark file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestBenchmark {

    /** The benchmark file: {@code small} or {@code realistic}. */
    @Param({"small", "realistic"})
    public String file;

    private RawRequest[] raw;
    private PolicySet[] policies;
    private int next;

    /** A context entry as strings: its key, declared type, and its value or values. */
    record RawEntry(String key, ContextType type, boolean multiValued, List<String> values) {

        ContextValue build() {
            return multiValued ? ContextValue.multi(type, values) : ContextValue.single(type, values.get(0));
        }
    }

    /** A request as strings, before the engine's types are built from it; {@code principal} null when anonymous. */
    record RawRequest(String principal, String action, String resource, String resourceAccount,
                      boolean wildcardOnlyAction, List<RawEntry> context) {

        static RawRequest of(AuthorizationRequest request) {
            List<RawEntry> context = request.context().entries().entrySet().stream()
                    .map(e -> new RawEntry(e.getKey(), e.getValue().type(), e.getValue().isMultiValued(),
                            e.getValue().values()))
                    .toList();
            Principal principal = request.principal();
            return new RawRequest(principal.kind() == Principal.Kind.ANONYMOUS ? null : principal.id(),
                    request.action(), request.resource(), request.resourceAccount(), request.wildcardOnlyAction(),
                    context);
        }

        AuthorizationRequest build() {
            RequestContext.Builder builder = RequestContext.builder();
            for (RawEntry entry : context) {
                builder.put(entry.key(), entry.build());
            }
            return AuthorizationRequest.builder()
                    .principal(principal == null ? Principal.ANONYMOUS : Principal.parse(principal))
                    .action(action)
                    .resource(resource)
                    .resourceAccount(resourceAccount)
                    .wildcardOnlyAction(wildcardOnlyAction)
                    .context(builder.build())
                    .build();
        }
    }

    @Setup
    public void load() {
        List<EvaluationCase> cases = BenchmarkInputs.cases(file);
        raw = cases.stream().map(c -> RawRequest.of(c.request())).toArray(RawRequest[]::new);
        policies = cases.stream().map(EvaluationCase::policies).toArray(PolicySet[]::new);
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == raw.length ? 0 : i + 1;
        return i;
    }

    /** Building the request alone. */
    @Benchmark
    public AuthorizationRequest build() {
        return raw[nextIndex()].build();
    }

    /** Building the request, then deciding it. */
    @Benchmark
    public Decision buildAndDecide() {
        int i = nextIndex();
        return PolicyEngine.decide(raw[i].build(), policies[i]);
    }
}
