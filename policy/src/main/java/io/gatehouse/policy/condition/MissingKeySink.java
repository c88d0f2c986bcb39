package io.gatehouse.policy.condition;

/** Told about each condition key a condition asked for that the request context lacks. */
@FunctionalInterface
public interface MissingKeySink {

    /** Ignores missing keys. */
    MissingKeySink IGNORE = key -> {};

    /** @param key the key as the policy spells it */
    void keyMissing(String key);
}
