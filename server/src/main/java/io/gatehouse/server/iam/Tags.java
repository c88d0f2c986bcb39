package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * IAM's tag rules: at most 50 tags per resource, a tag for a key already present replaces it, and keys starting with
 * {@code aws:} are reserved. Users and roles tell keys apart without regard to case; the resources IAM learnt to tag
 * later (instance profiles, managed policies, MFA devices, identity providers, server certificates) keep keys that
 * differ only by case apart ({@link KeyCase}). Lengths and characters are checked by the model.
 */
final class Tags {

    /** IAM's quota of tags per resource. */
    static final int MAX_TAGS = 50;

    /** How a kind of resource compares tag keys, and how IAM words a reserved key for it. */
    enum KeyCase {
        /** Users and roles: {@code Team} and {@code team} are one key. */
        INSENSITIVE("User-defined tag keys can't start with \"aws:\". This prefix is reserved for AWS tags."),
        /** Instance profiles and the resources IAM learnt to tag later: {@code Team} and {@code team} are two keys. */
        SENSITIVE("Tag keys beginning with aws: are reserved for system use.");

        private final String reservedMessage;

        KeyCase(String reservedMessage) {
            this.reservedMessage = reservedMessage;
        }

        /** The form under which keys are compared. */
        private String compared(String key) {
            return this == INSENSITIVE ? Names.key(key) : key;
        }
    }

    private Tags() {}

    /** The tags a request carries, refused when two keys differ only by case. */
    static List<Tag> fromRequest(List<Struct> requested) {
        return fromRequest(requested, KeyCase.INSENSITIVE);
    }

    /** The tags a request carries for a resource that compares keys as {@code keyCase} says. */
    static List<Tag> fromRequest(List<Struct> requested, KeyCase keyCase) {
        List<Tag> tags = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Struct tag : requested) {
            String key = tag.string("Key");
            if (!keys.add(keyCase.compared(key))) {
                throw AwsError.INVALID_INPUT.exception("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            if (Names.key(key).startsWith("aws:")) {
                throw AwsError.INVALID_INPUT.exception(keyCase.reservedMessage);
            }
            tags.add(new Tag(key, tag.string("Value")));
        }
        return tags;
    }

    /** {@code existing} with {@code added} merged in (a key already present is replaced), within the quota. */
    static List<Tag> merge(List<Tag> existing, List<Tag> added) {
        return merge(existing, added, KeyCase.INSENSITIVE);
    }

    /** {@link #merge(List, List)} for a resource that compares keys as {@code keyCase} says. */
    static List<Tag> merge(List<Tag> existing, List<Tag> added, KeyCase keyCase) {
        Map<String, Tag> merged = new LinkedHashMap<>();
        existing.forEach(t -> merged.put(keyCase.compared(t.key()), t));
        added.forEach(t -> merged.put(keyCase.compared(t.key()), t));
        if (merged.size() > MAX_TAGS) {
            throw AwsError.LIMIT_EXCEEDED.exception("The number of tags has reached the maximum limit.");
        }
        return List.copyOf(merged.values());
    }

    /** {@code existing} without the given keys (compared without regard to case). */
    static List<Tag> remove(List<Tag> existing, List<String> keys) {
        return remove(existing, keys, KeyCase.INSENSITIVE);
    }

    /** {@link #remove(List, List)} for a resource that compares keys as {@code keyCase} says. */
    static List<Tag> remove(List<Tag> existing, List<String> keys, KeyCase keyCase) {
        Set<String> removed = new HashSet<>();
        keys.forEach(k -> removed.add(keyCase.compared(k)));
        return existing.stream().filter(t -> !removed.contains(keyCase.compared(t.key()))).toList();
    }

    /**
     * Writes one page of a resource's tags ({@code ListRoleTags}, {@code ListInstanceProfileTags}): {@code Tags} in
     * the order they were added, then {@code IsTruncated} and {@code Marker}. A marker carries the position of the
     * last tag shown.
     */
    static Struct page(Call call, List<Tag> tags) {
        PageRequest request = call.page();
        List<Integer> positions = IntStream.range(0, tags.size()).boxed().toList();
        Page<Integer> page = request.page(Listings.following(positions, request, Tags::position), Tags::position);
        Struct.Builder out = call.output();
        out.set("Tags", page.items().stream()
                .map(i -> out.child("Tags").set("Key", tags.get(i).key()).set("Value", tags.get(i).value()).build())
                .toList());
        return page.writeTo(out).build();
    }

    /** A tag's index, zero-padded so that positions sort as the tags do. */
    private static String position(int index) {
        return String.format("%03d", index);
    }
}
