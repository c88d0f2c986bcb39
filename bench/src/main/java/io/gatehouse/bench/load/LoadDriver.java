package io.gatehouse.bench.load;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The server load benchmark's driver: signed AWS Query calls in closed loops over persistent HTTP/1.1 connections,
 * against one server or several in the same run. For each round, each scenario runs against each server in turn
 * (so the servers alternate and share the machine's drift), with a warm-up and then a measured window.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.gatehouse.bench.load.LoadDriver \
 *     --target gatehouse=http://127.0.0.1:8080 --target moto=http://127.0.0.1:5000 \
 *     --access-key AKIA... --secret-key ... --duration 20 --connections 16
 * </pre>
 *
 * Before measuring, each server gets a correctly and a wrongly signed call (the report says which servers refuse the
 * latter) and the seeded users ({@code bench-user-000} ...), then every scenario for the warm-up time, unmeasured. See {@code docs/benchmarks.md}, "Server load".
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        Clock clock = Clock.systemUTC();
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, URI> entry : options.targets().entrySet()) {
            Long pid = options.serverPids().get(entry.getKey());
            targets.add(new Target(entry.getKey(), entry.getValue(),
                    new Signer(entry.getValue(), options.accessKeyId(), options.secretAccessKey(), options.region()),
                    ProcessCpu.of(pid == null ? 0 : pid)));
        }
        for (Target target : targets) {
            target.prepare(options.users(), clock);
        }
        System.out.printf("%d connections, %d s warm-up, %d s measured, %d seeded users, %d round(s); driver sees %d CPUs%n",
                options.connections(), options.warmup().toSeconds(), options.duration().toSeconds(), options.users(),
                options.rounds(), Runtime.getRuntime().availableProcessors());
        Report report = new Report(System.out, targets);
        byte[] id = new byte[4];
        new SecureRandom().nextBytes(id);
        String run = HexFormat.of().formatHex(id);
        // A first pass of every scenario, not measured, so that the first scenario of round 1 does not meet a
        // server (or a driver) whose JIT has only just started on the code the others will find compiled.
        for (Scenario scenario : options.scenarios()) {
            for (Target target : targets) {
                new LoadRun(target.address(), scenario.workload(target, clock, options.users(), run + "-0"),
                        options.connections(), target.cpu()).run(options.warmup(), Duration.ZERO);
            }
        }
        for (int round = 1; round <= options.rounds(); round++) {
            for (Scenario scenario : options.scenarios()) {
                for (Target target : targets) {
                    Workload workload = scenario.workload(target, clock, options.users(),
                            run + "-" + round);
                    LoadRun.Measurement m = new LoadRun(target.address(), workload, options.connections(), target.cpu())
                            .run(options.warmup(), options.duration());
                    report.add(round, scenario, target, m);
                }
            }
        }
        report.summary();
    }
}
