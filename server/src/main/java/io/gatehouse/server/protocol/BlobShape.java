package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * Binary data, base64 on the wire.
 *
 * @param min       the minimum length in bytes, or {@code null}
 * @param max       the maximum length in bytes, or {@code null}
 * @param sensitive whether the value is secret
 */
public record BlobShape(String name, Long min, Long max, boolean sensitive) implements Shape {

    public BlobShape {
        Objects.requireNonNull(name, "name");
    }
}
