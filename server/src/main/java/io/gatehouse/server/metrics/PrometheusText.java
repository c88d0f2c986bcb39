package io.gatehouse.server.metrics;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): each metric family as a {@code # HELP} and a
 * {@code # TYPE} line followed by its samples, {@code name{label="value",...} value}, one per line.
 *
 * <p>Label sets are rendered once, when a meter is created ({@link #labels}), and appended as they are on every
 * scrape.
 */
final class PrometheusText {

    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** Starts a family; its samples follow before the next family starts. */
    void family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ');
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** A sample; {@code labels} is {@code ""} or what {@link #labels} rendered. */
    void sample(String name, String labels, long value) {
        start(name, labels).append(value).append('\n');
    }

    /** A sample with a fractional value. */
    void sample(String name, String labels, double value) {
        start(name, labels).append(number(value)).append('\n');
    }

    /** A histogram bucket: the series' labels and its upper bound {@code le}. */
    void bucket(String name, String labels, String upperBound, long cumulativeCount) {
        out.append(name).append('{');
        if (!labels.isEmpty()) {
            out.append(labels).append(',');
        }
        out.append("le=\"").append(upperBound).append("\"} ").append(cumulativeCount).append('\n');
    }

    String text() {
        return out.toString();
    }

    private StringBuilder start(String name, String labels) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        return out.append(' ');
    }

    /**
     * Renders a label set, {@code name="value",...}, escaping the values as the format requires.
     *
     * @param namesAndValues label names and their values, alternately
     */
    static String labels(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("label names and values must pair up");
        }
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                labels.append(',');
            }
            labels.append(namesAndValues[i]).append("=\"");
            String value = namesAndValues[i + 1];
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                switch (c) {
                    case '\\' -> labels.append("\\\\");
                    case '"' -> labels.append("\\\"");
                    case '\n' -> labels.append("\\n");
                    default -> labels.append(c);
                }
            }
            labels.append('"');
        }
        return labels.toString();
    }

    /** A value as the format writes it (Go's float syntax: {@code +Inf}, {@code -Inf}, {@code NaN}). */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
