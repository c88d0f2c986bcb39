package io.gatehouse.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One resource type an action works on: a row of the action's entry in the Service Authorization
 * Reference's actions table.
 *
 * @param type             the resource type
 * @param required         whether every call of the action involves a resource of this type (marked
 *                         {@code *} by AWS); optional types apply to some calls only
 * @param conditionKeys    keys that apply to the action on this resource type specifically
 * @param dependentActions actions the caller must also be allowed, e.g. {@code iam:PassRole}
 */
public record ActionResource(
        ResourceType type, boolean required, List<ConditionKey> conditionKeys, List<String> dependentActions) {

    public ActionResource {
        Objects.requireNonNull(type, "type");
        conditionKeys = List.copyOf(conditionKeys);
        dependentActions = List.copyOf(dependentActions);
    }
}
