package io.gatehouse.server.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape read strictly by the rules of the Prometheus text format (version 0.0.4), for tests: every line is a
 * {@code # HELP}, a {@code # TYPE} or a well-formed sample of a family whose TYPE came before it; a family's lines
 * stand together; no series appears twice; and every histogram's buckets are cumulative, end in {@code +Inf} and
 * agree with its {@code _count}. Reading fails with {@link IllegalArgumentException} naming the offending line.
 */
public final class PrometheusScrape {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)})? (\\S+)(?: (-?\\d+))?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Pattern VALUE = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?Inf|NaN");

    /** One sample: its name, labels (unescaped) and value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, String> helps = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private PrometheusScrape() {}

    /** Reads a scrape; throws {@link IllegalArgumentException} at its first violation of the format. */
    public static PrometheusScrape parse(String text) {
        PrometheusScrape scrape = new PrometheusScrape();
        scrape.read(text);
        return scrape;
    }

    /** Every family's type, by family name. */
    public Map<String, String> types() {
        return types;
    }

    /** Every family's help text, by family name. */
    public Map<String, String> helps() {
        return helps;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The value of the series with exactly these labels, or 0 when it is not there (a counter not yet counted). */
    public double value(String name, String... labelNamesAndValues) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labelNamesAndValues.length; i += 2) {
            wanted.put(labelNamesAndValues[i], labelNamesAndValues[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted))
                .mapToDouble(Sample::value).findFirst().orElse(0);
    }

    private void read(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text does not end with a line feed");
        }
        Set<String> finished = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            String family;
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                family = m.group(1);
                if (helps.put(family, m.group(2)) != null) {
                    throw error(number, line, "a second HELP for " + family);
                }
            } else if ((m = TYPE.matcher(line)).matches()) {
                family = m.group(1);
                if (types.put(family, m.group(2)) != null) {
                    throw error(number, line, "a second TYPE for " + family);
                }
                if (finished.contains(family) || family.equals(current) && hasSamples(family)) {
                    throw error(number, line, "TYPE after the samples of " + family);
                }
            } else if (line.startsWith("#")) {
                continue; // a comment
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                family = familyOf(name);
                if (family == null) {
                    throw error(number, line, "a sample of no declared family");
                }
                if (!VALUE.matcher(m.group(3)).matches()) {
                    throw error(number, line, "not a number: " + m.group(3));
                }
                Map<String, String> labels = labels(m.group(2), number, line);
                if (!series.add(name + labels)) {
                    throw error(number, line, "a series that appeared before");
                }
                samples.add(new Sample(name, labels, Double.parseDouble(m.group(3).replace("Inf", "Infinity"))));
            } else {
                throw error(number, line, "neither a comment nor a sample");
            }
            if (!family.equals(current)) {
                if (current != null) {
                    finished.add(current);
                }
                if (finished.contains(family)) {
                    throw error(number, line, "lines of " + family + " do not stand together");
                }
                current = family;
            }
        }
        for (String family : types.keySet()) {
            if (!helps.containsKey(family)) {
                throw new IllegalArgumentException("no HELP for " + family);
            }
            if ("histogram".equals(types.get(family))) {
                checkHistogram(family);
            }
        }
    }

    private boolean hasSamples(String family) {
        return samples.stream().anyMatch(s -> Objects.equals(familyOf(s.name()), family));
    }

    /** The family a sample name belongs to: its own, or the histogram's or summary's it is a part of. */
    private String familyOf(String name) {
        if (types.containsKey(name) && !"histogram".equals(types.get(name))) {
            return name;
        }
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (name.endsWith(suffix)) {
                String family = name.substring(0, name.length() - suffix.length());
                String type = types.get(family);
                if ("histogram".equals(type) || "summary".equals(type) && !suffix.equals("_bucket")) {
                    return family;
                }
            }
        }
        return null;
    }

    private static Map<String, String> labels(String text, int number, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw error(number, line, "malformed labels at " + text.substring(at));
            }
            if (labels.put(m.group(1), unescape(m.group(2))) != null) {
                throw error(number, line, "label " + m.group(1) + " twice");
            }
            at = m.end();
            if (at < text.length()) {
                if (text.charAt(at) != ',') {
                    throw error(number, line, "labels not separated by a comma");
                }
                at++;
            }
        }
        return labels;
    }

    private static String unescape(String value) {
        return value.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private void checkHistogram(String family) {
        Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
        for (Sample sample : samples) {
            if (sample.name().equals(family + "_bucket")) {
                Map<String, String> series = new LinkedHashMap<>(sample.labels());
                if (series.remove("le") == null) {
                    throw new IllegalArgumentException(family + "_bucket without le: " + sample);
                }
                buckets.computeIfAbsent(series, s -> new ArrayList<>()).add(sample);
            }
        }
        buckets.forEach((series, list) -> {
            double bound = Double.NEGATIVE_INFINITY;
            double count = 0;
            for (Sample bucket : list) {
                double le = Double.parseDouble(bucket.labels().get("le").replace("Inf", "Infinity"));
                if (le <= bound || bucket.value() < count) {
                    throw new IllegalArgumentException(family + " buckets not ascending and cumulative at " + bucket);
                }
                bound = le;
                count = bucket.value();
            }
            if (bound != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(family + series + " has no +Inf bucket");
            }
            String[] labels = series.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                    .toArray(String[]::new);
            if (value(family + "_count", labels) != count) {
                throw new IllegalArgumentException(family + series + ": _count is not the +Inf bucket");
            }
            if (samples.stream().noneMatch(s -> s.name().equals(family + "_sum") && s.labels().equals(series))) {
                throw new IllegalArgumentException(family + series + " has no _sum");
            }
        });
    }

    private static IllegalArgumentException error(int number, String line, String problem) {
        return new IllegalArgumentException("line " + number + ": " + problem + ": " + line);
    }
}
