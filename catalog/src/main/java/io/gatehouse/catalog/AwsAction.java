package io.gatehouse.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An action of an AWS service, as the Service Authorization Reference lists it.
 *
 * @param service          the service prefix, e.g. {@code s3}
 * @param name             the action name as AWS writes it, e.g. {@code GetObject}
 * @param accessLevel      the documented access level
 * @param resources        the resource types the action works on; empty for an action that supports only
 *                         {@code "Resource": "*"}
 * @param conditionKeys    keys that apply to the action whatever the resource (the table's rows without a
 *                         resource type)
 * @param dependentActions actions the caller must also be allowed to perform this one
 */
public record AwsAction(
        String service,
        String name,
        AccessLevel accessLevel,
        List<ActionResource> resources,
        List<ConditionKey> conditionKeys,
        List<String> dependentActions) {

    public AwsAction {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessLevel, "accessLevel");
        resources = List.copyOf(resources);
        conditionKeys = List.copyOf(conditionKeys);
        dependentActions = List.copyOf(dependentActions);
    }

    /** The name as a policy writes it, e.g. {@code s3:GetObject}. */
    public String fullName() {
        return service + ':' + name;
    }

    /**
     * Every condition key documented for the action: {@link #conditionKeys()}, then each resource row's
     * keys, then the keys of those resource types, without duplicates. Global keys are not included.
     */
    public List<ConditionKey> applicableConditionKeys() {
        Set<ConditionKey> keys = new LinkedHashSet<>(conditionKeys);
        for (ActionResource resource : resources) {
            keys.addAll(resource.conditionKeys());
        }
        for (ActionResource resource : resources) {
            keys.addAll(resource.type().conditionKeys());
        }
        return List.copyOf(keys);
    }

    /** Whether the action supports only {@code "Resource": "*"} (it has no resource types). */
    public boolean isWildcardOnly() {
        return resources.isEmpty();
    }
}
