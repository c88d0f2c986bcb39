package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * A map with string keys. On the wire its entries are {@code Name.entry.N.key} / {@code Name.entry.N.value} (or
 * {@code Name.N.key} when flattened); in XML {@code <Name><entry><key/><value/></entry></Name>}.
 *
 * @param key       the key reference ({@code key} unless renamed); its shape is a {@link StringShape}
 * @param value     the value reference ({@code value} unless renamed)
 * @param flattened whether the map is flattened
 * @param min       the minimum number of entries, or {@code null}
 * @param max       the maximum number of entries, or {@code null}
 */
public record MapShape(String name, Member key, Member value, boolean flattened, Long min, Long max) implements Shape {

    public MapShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!(key.shape() instanceof StringShape)) {
            throw new IllegalArgumentException(name + ": map keys must be strings");
        }
    }
}
