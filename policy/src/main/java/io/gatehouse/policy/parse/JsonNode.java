package io.gatehouse.policy.parse;

import java.util.List;

/** A JSON value read from a policy document, with the place where it starts. */
sealed interface JsonNode {

    /** Where the value starts. */
    Position at();

    /** A name in an object, where the name starts, and its value. */
    record Member(String name, Position at, JsonNode value) {}

    /** An object; members in document order, a repeated name as often as it was written. */
    record Obj(List<Member> members, Position at) implements JsonNode {
        public Obj {
            members = List.copyOf(members);
        }
    }

    record Arr(List<JsonNode> items, Position at) implements JsonNode {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(String value, Position at) implements JsonNode {}

    /** A number, kept as written (policy conditions compare the text AWS received). */
    record Num(String text, Position at) implements JsonNode {}

    record Bool(boolean value, Position at) implements JsonNode {}

    record Null(Position at) implements JsonNode {}
}
