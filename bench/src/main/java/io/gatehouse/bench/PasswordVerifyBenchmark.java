package io.gatehouse.bench;

import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.crypto.PasswordHashing;
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
 * One Argon2id verification of a password against its stored hash ({@link PasswordHasher#verify}), the cost that
 * bounds console sign-ins per core: with one thread, its rate is the sign-ins one core can check per second. The
 * parameters default to the server's ({@link PasswordHashing#DEFAULT}); {@code -p memoryKib=…} measures others.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PasswordVerifyBenchmark {

    @Param({"" + PasswordHashing.DEFAULT_MEMORY_KIB})
    public int memoryKib;

    @Param({"" + PasswordHashing.DEFAULT_ITERATIONS})
    public int iterations;

    private PasswordHasher hasher;
    private String hash;

    @Setup
    public void hash() {
        hasher = new PasswordHasher(new PasswordHashing(memoryKib, iterations, PasswordHashing.DEFAULT_PARALLELISM));
        hash = hasher.hash("Correct-Horse-9");
    }

    @Benchmark
    public boolean verify() {
        return hasher.verify("Correct-Horse-9", hash).matches();
    }
}
