package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * An {@code integer} or {@code long}, with its range. Values are {@link Integer} or {@link Long} respectively.
 *
 * @param wide whether the shape is a {@code long}
 * @param min  the smallest allowed value, or {@code null}
 * @param max  the largest allowed value, or {@code null}
 */
public record NumberShape(String name, boolean wide, Long min, Long max) implements Shape {

    public NumberShape {
        Objects.requireNonNull(name, "name");
    }
}
