package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * An operation of a service model.
 *
 * @param name          the operation name, which is also the {@code Action} of a request ({@code CreateUser})
 * @param input         the request structure; an empty structure when the operation takes no input
 * @param output        the response structure, or {@code null} when the response carries no result element
 * @param resultWrapper the element wrapping the result ({@code CreateUserResult}), or {@code null} with no output
 * @param paginator     how the operation pages, or {@code null} when it does not
 */
public record Operation(String name, StructureShape input, StructureShape output, String resultWrapper,
                        Paginator paginator) {

    public Operation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        if ((output == null) != (resultWrapper == null)) {
            throw new IllegalArgumentException(name + ": an output and its result wrapper go together");
        }
    }
}
