package io.gatehouse.catalog;

import io.gatehouse.policy.match.Wildcard;

/**
 * Matches condition key names written in a policy against a documented key whose name has variable
 * parts ({@code ${TagKey}}, {@code <key>}, ...): each variable part matches one or more characters, the
 * rest compares case-insensitively, as AWS compares condition key names.
 */
final class KeyTemplate {

    private final ConditionKey key;
    private final Wildcard pattern;

    KeyTemplate(ConditionKey key) {
        this.key = key;
        this.pattern = Wildcard.compile(toPattern(key.name()), true);
    }

    ConditionKey key() {
        return key;
    }

    /** Whether {@code name} is an instance of this template, e.g. {@code aws:ResourceTag/Project}. */
    boolean matches(String name) {
        return pattern.matches(name);
    }

    /** Whether a key name has a variable part. */
    static boolean hasVariable(String name) {
        return name.contains("${") || name.indexOf('<') >= 0;
    }

    /** The wildcard pattern of a template: each variable part becomes {@code ?*} (one character or more). */
    private static String toPattern(String name) {
        StringBuilder pattern = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            int end = variableEnd(name, i);
            if (end > i) {
                pattern.append("?*");
                i = end;
            } else if (c == '*' || c == '?') {
                throw new IllegalArgumentException("condition key name with a wildcard character: " + name);
            } else {
                pattern.append(c);
                i++;
            }
        }
        return pattern.toString();
    }

    /** The index after a variable part starting at {@code i}, or {@code i} when none starts there. */
    private static int variableEnd(String name, int i) {
        if (name.startsWith("${", i)) {
            int close = name.indexOf('}', i + 2);
            return close < 0 ? i : close + 1;
        }
        if (name.charAt(i) == '<') {
            int close = name.indexOf('>', i + 1);
            return close < 0 ? i : close + 1;
        }
        return i;
    }
}
