package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * A decoded, validated Query request.
 *
 * @param operation the operation its {@code Action} names
 * @param input     its parameters as a value of the operation's input shape
 */
public record QueryRequest(Operation operation, Struct input) {

    public QueryRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(input, "input");
        if (input.shape() != operation.input()) {
            throw new IllegalArgumentException(operation.name() + " takes " + operation.input().name() + ", not "
                    + input.shape().name());
        }
    }
}
