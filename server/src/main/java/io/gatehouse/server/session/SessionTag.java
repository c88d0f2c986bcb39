package io.gatehouse.server.session;

import java.util.Objects;

/**
 * A session tag: {@code aws:PrincipalTag/KEY} in the requests the session makes. A transitive tag passes on to the
 * sessions this one gets by role chaining.
 *
 * @param key        the key, as the caller spelt it (keys compare without regard to case)
 * @param value      the value
 * @param transitive whether it passes on along a role chain
 */
public record SessionTag(String key, String value, boolean transitive) {

    public SessionTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
