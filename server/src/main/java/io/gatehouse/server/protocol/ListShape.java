package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * A list. On the wire its elements are {@code Name.member.N} (or {@code Name.N} when flattened), and in XML
 * {@code <Name><member>…</member></Name>} (or repeated {@code <Name>} elements when flattened).
 *
 * @param member    the element reference; its {@code serializedName} is {@code member} unless the model renames it
 * @param flattened whether the list is flattened
 * @param min       the minimum number of elements, or {@code null}
 * @param max       the maximum number of elements, or {@code null}
 */
public record ListShape(String name, Member member, boolean flattened, Long min, Long max) implements Shape {

    public ListShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(member, "member");
    }
}
