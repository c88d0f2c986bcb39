package io.gatehouse.bench;

import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.document.PolicyDocument;
import io.gatehouse.policy.engine.CompiledPolicy;
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
 * Time to make one policy document ready for decisions, averaged over the distinct documents of a benchmark file
 * taken round-robin (small: one document of 3 statements; realistic: 11 documents of 10 statements):
 * {@link #parseAndCompile} from JSON text with the strict grammar of the policy's type, {@link #compile} from an
 * already parsed document.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {

    /** The benchmark file: {@code small} or {@code realistic}. */
    @Param({"small", "realistic"})
    public String file;

    private BenchmarkInputs.PolicyText[] texts;
    private PolicyDocument[] documents;
    private int next;

    @Setup
    public void load() {
        List<BenchmarkInputs.PolicyText> policies = BenchmarkInputs.policyDocuments(file);
        texts = policies.toArray(BenchmarkInputs.PolicyText[]::new);
        documents = new PolicyDocument[texts.length];
        for (int i = 0; i < texts.length; i++) {
            documents[i] = parse(texts[i]);
        }
    }

    private static PolicyDocument parse(BenchmarkInputs.PolicyText text) {
        return switch (PolicyParser.parse(text.json(), text.type())) {
            case ParseResult.Valid valid -> valid.document();
            case ParseResult.Invalid invalid -> throw new IllegalStateException(invalid.first().message());
        };
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        return i;
    }

    /** Parsing the JSON text strictly, then compiling. */
    @Benchmark
    public CompiledPolicy parseAndCompile() {
        BenchmarkInputs.PolicyText text = texts[nextIndex()];
        return CompiledPolicy.compile("bench", text.type(), parse(text));
    }

    /** Compiling a parsed document. */
    @Benchmark
    public CompiledPolicy compile() {
        int i = nextIndex();
        return CompiledPolicy.compile("bench", texts[i].type(), documents[i]);
    }
}
