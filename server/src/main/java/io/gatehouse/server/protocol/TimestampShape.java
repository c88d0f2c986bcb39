package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * A point in time. The Query protocol writes ISO 8601 in UTC unless the model names another format.
 *
 * @param format {@code iso8601}, {@code rfc822} or {@code unixTimestamp}
 */
public record TimestampShape(String name, String format) implements Shape {

    static final String ISO_8601 = "iso8601";
    static final String RFC_822 = "rfc822";
    static final String UNIX = "unixTimestamp";

    public TimestampShape {
        Objects.requireNonNull(name, "name");
        if (!ISO_8601.equals(format) && !RFC_822.equals(format) && !UNIX.equals(format)) {
            throw new IllegalArgumentException(name + ": unknown timestamp format " + format);
        }
    }
}
