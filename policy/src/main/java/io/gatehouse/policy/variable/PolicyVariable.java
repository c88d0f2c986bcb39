package io.gatehouse.policy.variable;

import java.util.Locale;

/**
 * A policy variable such as {@code ${aws:username}} or {@code ${aws:PrincipalTag/team, 'none'}}.
 *
 * @param key          the context key as written (for messages)
 * @param lookupKey    the key in lower case: context keys compare case-insensitively, so the lookup form is
 *                     computed once here rather than per request
 * @param defaultValue the value used when the request has no single value for the key, or {@code null}
 */
public record PolicyVariable(String key, String lookupKey, String defaultValue) {

    public static PolicyVariable of(String key, String defaultValue) {
        return new PolicyVariable(key, key.toLowerCase(Locale.ROOT), defaultValue);
    }
}
