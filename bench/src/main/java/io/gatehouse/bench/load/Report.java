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

    /** The summary as a Markdown table. */
    void summary() {
        out.println();
        StringBuilder head = new StringBuilder("| scenario |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (Target target : targets) {
            String t = target.label();
            head.append(' ').append(t).append(" calls/s | ").append(t).append(" p50 ms | ").append(t)
                    .append(" p99 ms | ").append(t).append(" errors | ").append(t).append(" server CPU µs/call |");
            rule.append(" ---: | ---: | ---: | ---: | ---: |");
        }
        boolean ratio = targets.size() >= 2;
        if (ratio) {
            head.append(' ').append(targets.get(0).label()).append('/').append(targets.get(1).label()).append(" |");
            rule.append(" ---: |");
        }
        head.append(" driver CPU µs/call |");
        rule.append(" ---: |");
        out.println(head);
        out.println(rule);
        for (Map.Entry<Scenario, Map<String, List<LoadRun.Measurement>>> entry : runs.entrySet()) {
            StringBuilder row = new StringBuilder("| ").append(entry.getKey().title()).append(" |");
            List<Double> driver = new ArrayList<>();
            for (Target target : targets) {
                List<LoadRun.Measurement> ms = entry.getValue().getOrDefault(target.label(), List.of());
                row.append(String.format(Locale.ROOT, " %,.0f | %.2f | %.2f | %d | %s |",
                        median(ms, LoadRun.Measurement::callsPerSecond),
                        median(ms, m -> m.percentileMillis(50)), median(ms, m -> m.percentileMillis(99)),
                        ms.stream().mapToLong(LoadRun.Measurement::errors).sum(),
                        micros(median(ms, m -> m.cpuMicrosPerCall(m.serverNanos())))));
                ms.forEach(m -> driver.add(m.cpuMicrosPerCall(m.driverNanos())));
            }
            if (ratio) {
                List<LoadRun.Measurement> a = entry.getValue().getOrDefault(targets.get(0).label(), List.of());
                List<LoadRun.Measurement> b = entry.getValue().getOrDefault(targets.get(1).label(), List.of());
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    ratios.add(a.get(i).callsPerSecond() / b.get(i).callsPerSecond());
                }
                row.append(String.format(Locale.ROOT, " **%.1f×** |", median(ratios)));
            }
            row.append(' ').append(micros(median(driver))).append(" |");
            out.println(row);
        }
        out.println();
        for (Target target : targets) {
            out.println(target.label() + " verifies signatures (refused a request signed with a wrong secret): "
                    + (target.verifiesSignatures() ? "yes" : "no"));
        }
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
