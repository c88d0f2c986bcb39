package io.gatehouse.server.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A structure: named members in model order. Member lookup by name is a hash lookup; the order is the order of the
 * XML elements AWS writes and of the validation errors it reports. Immutable; compared by identity, since a model
 * holds one instance per structure.
 */
public final class StructureShape implements Shape {

    private final String name;
    private final List<Member> members;
    private final Map<String, Integer> index;

    StructureShape(String name, List<Member> members) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(members);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < this.members.size(); i++) {
            if (byName.put(this.members.get(i).name(), i) != null) {
                throw new IllegalArgumentException(name + " has two members named " + this.members.get(i).name());
            }
        }
        this.index = Map.copyOf(byName);
    }

    @Override
    public String name() {
        return name;
    }

    /** The members in model order. */
    public List<Member> members() {
        return members;
    }

    /** The position of a member in {@link #members()}, or -1 when the structure has no such member. */
    public int indexOf(String member) {
        Integer i = index.get(member);
        return i == null ? -1 : i;
    }

    /**
     * The member of the given name.
     *
     * @throws IllegalArgumentException when the structure has no such member: a programming error
     */
    public Member member(String member) {
        int i = indexOf(member);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no member " + member + "; its members are "
                    + members.stream().map(Member::name).toList());
        }
        return members.get(i);
    }

    @Override
    public String toString() {
        return "StructureShape[" + name + "]";
    }
}
