package io.gatehouse.server.iam;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IAM's tag rules: at most 50 tags per resource, keys unique without regard to case, a tag for a key already
 * present replaces it, and keys starting with {@code aws:} are reserved. Lengths and characters are checked by the
 * model.
 */
final class Tags {

    /** IAM's quota of tags per resource. */
    static final int MAX_TAGS = 50;

    private Tags() {}

    /** The tags a request carries, refused when two keys differ only by case. */
    static List<Tag> fromRequest(List<Struct> requested) {
        List<Tag> tags = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Struct tag : requested) {
            String key = tag.string("Key");
            if (!keys.add(Names.key(key))) {
                throw AwsError.INVALID_INPUT.exception("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            if (Names.key(key).startsWith("aws:")) {
                throw AwsError.INVALID_INPUT.exception("User-defined tag keys can't start with \"aws:\"."
                        + " This prefix is reserved for AWS tags.");
            }
            tags.add(new Tag(key, tag.string("Value")));
        }
        return tags;
    }

    /** {@code existing} with {@code added} merged in (a key already present is replaced), within the quota. */
    static List<Tag> merge(List<Tag> existing, List<Tag> added) {
        Map<String, Tag> merged = new LinkedHashMap<>();
        existing.forEach(t -> merged.put(Names.key(t.key()), t));
        added.forEach(t -> merged.put(Names.key(t.key()), t));
        if (merged.size() > MAX_TAGS) {
            throw AwsError.LIMIT_EXCEEDED.exception("The number of tags has reached the maximum limit.");
        }
        return List.copyOf(merged.values());
    }

    /** {@code existing} without the given keys (compared without regard to case). */
    static List<Tag> remove(List<Tag> existing, List<String> keys) {
        Set<String> removed = new HashSet<>();
        keys.forEach(k -> removed.add(Names.key(k)));
        return existing.stream().filter(t -> !removed.contains(Names.key(t.key()))).toList();
    }
}
