package io.gatehouse.server.protocol;

import java.util.Objects;

/** A boolean: {@code true} or {@code false} on the wire. */
public record BooleanShape(String name) implements Shape {

    public BooleanShape {
        Objects.requireNonNull(name, "name");
    }
}
