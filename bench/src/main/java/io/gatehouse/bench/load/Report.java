package io.gatehouse.bench.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a load benchmark: a line per run as it ends, then a summary per scenario and server (medians over
 * the rounds) with, when two servers were measured, the first one's throughput over the second one's (the median of
 * the per-round ratios, which holds better than a ratio of medians when the machine's speed drifts).
 */
final class Report {

    private final PrintStream out;
    private final List<Target> targets;
    private final Map<Scenario, Map<String, List<LoadRun.Measurement>>> runs = new EnumMap<>(Scenario.class);

    Report(PrintStream out, List<Target> targets) {
        this.out = out;
        this.targets = targets;
    }

    void add(int round, Scenario scenario, Target target, LoadRun.Measurement m) {
        runs.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                .computeIfAbsent(target.label(), l -> new ArrayList<>()).add(m);
        out.printf(Locale.ROOT, "round %d  %-22s %-10s %,10.0f calls/s  p50 %6.2f  p90 %6.2f  p99 %6.2f  max %7.2f ms"
                        + "  errors %d  cpu/call: driver %s, server %s%n",
                round, scenario.title(), target.label(), m.callsPerSecond(), m.percentileMillis(50),
                m.percentileMillis(90), m.percentileMillis(99), m.maxMillis(), m.errors(),
                micros(m.cpuMicrosPerCall(m.driverNanos())), micros(m.cpuMicrosPerCall(m.serverNanos())));
        if (m.firstError() != null) {
            out.println("    first error: " + m.firstError());
        }
    }

    /** The summary as a Markdown table: a row per scenario and server, the ratio on the first server's row. */
    void summary() {
        boolean ratio = targets.size() >= 2;
        out.println();
        out.println("| scenario | server | calls/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU µs/call "
                + "| driver CPU µs/call |" + (ratio ? " " + targets.get(0).label() + "/" + targets.get(1).label() + " |" : ""));
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (ratio ? " ---: |" : ""));
        for (Map.Entry<Scenario, Map<String, List<LoadRun.Measurement>>> entry : runs.entrySet()) {
            for (Target target : targets) {
                List<LoadRun.Measurement> ms = entry.getValue().getOrDefault(target.label(), List.of());
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                        "| %s | %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %d | %s | %s |",
                        entry.getKey().title(), target.label(), median(ms, LoadRun.Measurement::callsPerSecond),
                        median(ms, m -> m.percentileMillis(50)), median(ms, m -> m.percentileMillis(90)),
                        median(ms, m -> m.percentileMillis(99)), median(ms, LoadRun.Measurement::maxMillis),
                        ms.stream().mapToLong(LoadRun.Measurement::errors).sum(),
                        micros(median(ms, m -> m.cpuMicrosPerCall(m.serverNanos()))),
                        micros(median(ms, m -> m.cpuMicrosPerCall(m.driverNanos())))));
                if (ratio) {
                    row.append(target == targets.get(0) ? String.format(Locale.ROOT, " **%.1f×** |", ratio(entry.getValue()))
                            : " |");
                }
                out.println(row);
            }
        }
        out.println();
        for (Target target : targets) {
            out.println(target.label() + " verifies signatures (refused a request signed with a wrong secret): "
                    + (target.verifiesSignatures() ? "yes" : "no"));
        }
    }

    /** The median over the rounds of the first server's calls/s over the second's. */
    private double ratio(Map<String, List<LoadRun.Measurement>> byTarget) {
        List<LoadRun.Measurement> a = byTarget.getOrDefault(targets.get(0).label(), List.of());
        List<LoadRun.Measurement> b = byTarget.getOrDefault(targets.get(1).label(), List.of());
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(a.get(i).callsPerSecond() / b.get(i).callsPerSecond());
        }
        return median(ratios);
    }

    private static String micros(double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static double median(List<LoadRun.Measurement> ms, ToDoubleFunction<LoadRun.Measurement> f) {
        return median(ms.stream().map(f::applyAsDouble).toList());
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
