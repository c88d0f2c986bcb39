package io.gatehouse.server.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The constraints of a shape, worded as AWS words them. One value is checked length first (maximum, then minimum),
 * then pattern, then enum, then range.
 *
 * <p>A string longer than its maximum is not matched against its pattern: the model's length limits then bound the
 * work of every regular expression (IAM's path pattern repeats a group, which Java matches recursively and would
 * overflow the stack on a long enough value).
 */
final class Constraints {

    static final String NOT_NULL = "Member must not be null";

    private Constraints() {
    }

    /** Reports each constraint of {@code shape} that {@code value} (not null) breaks. */
    static void check(Shape shape, Object value, Consumer<String> broken) {
        switch (shape) {
            case StringShape string -> {
                String s = (String) value;
                long length = s.codePointCount(0, s.length());
                length(string.min(), string.max(), length, broken);
                boolean tooLong = string.max() != null && length > string.max();
                if (string.regex() != null && !tooLong && !string.regex().matcher(s).matches()) {
                    broken.accept(pattern(string));
                }
                if (!string.enumValues().isEmpty() && !string.enumValues().contains(s)) {
                    broken.accept(enumeration(string));
                }
            }
            case NumberShape number -> {
                long n = ((Number) value).longValue();
                if (number.max() != null && n > number.max()) {
                    broken.accept(valueAtMost(number.max()));
                }
                if (number.min() != null && n < number.min()) {
                    broken.accept(valueAtLeast(number.min()));
                }
            }
            case ListShape list -> length(list.min(), list.max(), ((List<?>) value).size(), broken);
            case MapShape map -> length(map.min(), map.max(), ((Map<?, ?>) value).size(), broken);
            case BlobShape blob -> length(blob.min(), blob.max(), ((byte[]) value).length, broken);
            default -> {
                // booleans, timestamps and structures carry no constraints of their own
            }
        }
    }

    /** Whether {@code value} breaks any constraint of {@code shape}. */
    static boolean breaks(Shape shape, Object value) {
        boolean[] broken = {false};
        check(shape, value, c -> broken[0] = true);
        return broken[0];
    }

    /**
     * Every constraint of an element shape, as a list or map names them when one of its scalar elements breaks
     * any: {@code [Member must have length less than or equal to 128, Member must have length greater than or equal
     * to 1, Member must satisfy regular expression pattern: …, Member must not be null]}.
     */
    static String all(Shape shape) {
        List<String> all = new ArrayList<>();
        switch (shape) {
            case StringShape string -> {
                if (string.max() != null) {
                    all.add(lengthAtMost(string.max()));
                }
                if (string.min() != null) {
                    all.add(lengthAtLeast(string.min()));
                }
                if (string.pattern() != null) {
                    all.add(pattern(string));
                }
                if (!string.enumValues().isEmpty()) {
                    all.add(enumeration(string));
                }
            }
            case NumberShape number -> {
                if (number.max() != null) {
                    all.add(valueAtMost(number.max()));
                }
                if (number.min() != null) {
                    all.add(valueAtLeast(number.min()));
                }
            }
            case BlobShape blob -> {
                if (blob.max() != null) {
                    all.add(lengthAtMost(blob.max()));
                }
                if (blob.min() != null) {
                    all.add(lengthAtLeast(blob.min()));
                }
            }
            default -> {
                // no scalar constraints
            }
        }
        all.add(NOT_NULL);
        return "[" + String.join(", ", all) + "]";
    }

    private static void length(Long min, Long max, long length, Consumer<String> broken) {
        if (max != null && length > max) {
            broken.accept(lengthAtMost(max));
        }
        if (min != null && length < min) {
            broken.accept(lengthAtLeast(min));
        }
    }

    private static String lengthAtMost(long max) {
        return "Member must have length less than or equal to " + max;
    }

    private static String lengthAtLeast(long min) {
        return "Member must have length greater than or equal to " + min;
    }

    private static String valueAtMost(long max) {
        return "Member must have value less than or equal to " + max;
    }

    private static String valueAtLeast(long min) {
        return "Member must have value greater than or equal to " + min;
    }

    private static String pattern(StringShape string) {
        return "Member must satisfy regular expression pattern: " + string.pattern();
    }

    private static String enumeration(StringShape string) {
        return "Member must satisfy enum value set: [" + String.join(", ", string.enumValues()) + "]";
    }
}
