package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * A reference to a shape from a structure member, a list element or a map key or value.
 *
 * @param name           the member name in the model ({@code UserName}); for list elements {@code member}, for map
 *                       entries {@code key} and {@code value}
 * @param serializedName the name on the wire: the model's {@code locationName}, else {@code name}
 * @param shape          the member's shape
 * @param required       whether the enclosing structure requires the member
 */
public record Member(String name, String serializedName, Shape shape, boolean required) {

    public Member {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serializedName, "serializedName");
        Objects.requireNonNull(shape, "shape");
    }

    /** Whether the wire name differs from the default, that is, the model gives a {@code locationName}. */
    boolean renamed() {
        return !serializedName.equals(name);
    }
}
