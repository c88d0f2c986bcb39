package io.gatehouse.server.protocol;

import java.util.List;
import java.util.Map;

/**
 * Checks a decoded request against the constraints of its model, in model order, reporting each violation at the
 * path AWS names: the member name with a lower-case first letter, {@code .N.member} for the N-th element of a list
 * of structures ({@code tags.1.member.key}) and {@code .key} for a map value structure. A list or map of scalars is
 * reported once, at the list, with every constraint of its elements ({@code Member must satisfy constraint: […]}).
 */
final class InputValidator {

    private final ValidationReport report;

    private InputValidator(ValidationReport report) {
        this.report = report;
    }

    /** Records the violations of {@code input} in {@code report}. */
    static void validate(Struct input, ValidationReport report) {
        new InputValidator(report).structure(input, "");
    }

    private void structure(Struct struct, String prefix) {
        List<Member> members = struct.shape().members();
        for (int i = 0; i < members.size() && !report.full(); i++) {
            Member member = members.get(i);
            String path = path(prefix, member.name());
            Object value = struct.valueAt(i);
            if (value == null) {
                if (member.required()) {
                    report.add(path, member.shape(), null, Constraints.NOT_NULL);
                }
            } else {
                value(member.shape(), value, path);
            }
        }
    }

    private void value(Shape shape, Object value, String path) {
        Constraints.check(shape, value, broken -> report.add(path, shape, value, broken));
        switch (shape) {
            case StructureShape s -> structure((Struct) value, path);
            case ListShape list -> elements(list, (List<?>) value, path);
            case MapShape map -> entries(map, (Map<?, ?>) value, path);
            default -> {
                // scalars are done
            }
        }
    }

    private void elements(ListShape list, List<?> elements, String path) {
        Shape element = list.member().shape();
        if (scalar(element)) {
            if (elements.stream().anyMatch(e -> Constraints.breaks(element, e))) {
                report.add(path, list, elements, "Member must satisfy constraint: " + Constraints.all(element));
            }
            return;
        }
        for (int i = 0; i < elements.size() && !report.full(); i++) {
            value(element, elements.get(i), path + "." + (i + 1) + ".member");
        }
    }

    private void entries(MapShape map, Map<?, ?> entries, String path) {
        Shape key = map.key().shape();
        if (entries.keySet().stream().anyMatch(k -> Constraints.breaks(key, k))) {
            report.add(path, map, entries, "Map keys must satisfy constraint: " + Constraints.all(key));
        }
        Shape value = map.value().shape();
        if (scalar(value)) {
            if (entries.values().stream().anyMatch(v -> Constraints.breaks(value, v))) {
                report.add(path, map, entries, "Map value must satisfy constraint: " + Constraints.all(value));
            }
            return;
        }
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            if (report.full()) {
                return;
            }
            value(value, entry.getValue(), path + "." + entry.getKey());
        }
    }

    private static boolean scalar(Shape shape) {
        return !(shape instanceof StructureShape || shape instanceof ListShape || shape instanceof MapShape);
    }

    /** AWS names a member by its model name with the first letter in lower case ({@code sAMLAssertion}). */
    static String path(String prefix, String member) {
        String name = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
