package io.gatehouse.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the documented key for a condition key name as a policy writes it: an exact, case-insensitive
 * hash lookup first, then the templates of the key's namespace (the part before the first {@code :}).
 * When several keys share a name the first one given wins.
 */
final class ConditionKeyIndex {

    private final Map<String, ConditionKey> exact = new HashMap<>();
    private final Map<String, List<KeyTemplate>> templatesByNamespace = new HashMap<>();
    /** Templates whose namespace itself is variable, e.g. {@code agent.${Domain}.buildkite.dev:build_branch}. */
    private final List<KeyTemplate> variableNamespaceTemplates = new ArrayList<>();

    ConditionKeyIndex(List<ConditionKey> keys) {
        for (ConditionKey key : keys) {
            if (exact.putIfAbsent(Names.lower(key.name()), key) != null || !key.isTemplate()) {
                continue;
            }
            KeyTemplate template = new KeyTemplate(key);
            String namespace = namespace(key.name());
            if (KeyTemplate.hasVariable(namespace)) {
                variableNamespaceTemplates.add(template);
            } else {
                templatesByNamespace.computeIfAbsent(Names.lower(namespace), n -> new ArrayList<>()).add(template);
            }
        }
    }

    Optional<ConditionKey> find(String name) {
        ConditionKey key = exact.get(Names.lower(name));
        if (key != null) {
            return Optional.of(key);
        }
        List<KeyTemplate> sameNamespace = templatesByNamespace.getOrDefault(Names.lower(namespace(name)), List.of());
        Optional<ConditionKey> found = firstMatch(sameNamespace, name);
        return found.isPresent() ? found : firstMatch(variableNamespaceTemplates, name);
    }

    private static Optional<ConditionKey> firstMatch(List<KeyTemplate> templates, String name) {
        for (KeyTemplate template : templates) {
            if (template.matches(name)) {
                return Optional.of(template.key());
            }
        }
        return Optional.empty();
    }

    private static String namespace(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
