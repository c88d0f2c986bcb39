package io.gatehouse.catalog;

import java.util.Objects;

/**
 * A condition key as AWS documents it. A name with a variable part is a template: the part in
 * {@code ${...}} or {@code <...>} stands for any non-empty text, as in {@code aws:ResourceTag/${TagKey}}
 * or {@code s3:ExistingObjectTag/<key>}; a policy writes {@code aws:ResourceTag/Project}.
 *
 * @param name the key name as AWS writes it (AWS compares condition key names case-insensitively)
 * @param type the type of the key's values
 */
public record ConditionKey(String name, ConditionKeyType type) {

    public ConditionKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Whether the name has a variable part ({@code ${TagKey}}, {@code <key>}, ...). */
    public boolean isTemplate() {
        return KeyTemplate.hasVariable(name);
    }
}
