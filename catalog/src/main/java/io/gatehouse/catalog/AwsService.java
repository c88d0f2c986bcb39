package io.gatehouse.catalog;

import java.util.List;
import java.util.Objects;

/**
 * An AWS service and what the Service Authorization Reference defines for it.
 *
 * @param prefix        the service prefix (namespace) of its actions, e.g. {@code s3}
 * @param name          the service's name, e.g. {@code Amazon S3}
 * @param actions       its actions, ordered by name
 * @param resourceTypes its resource types, ordered by name
 * @param conditionKeys the condition keys its actions and resource types use, ordered by name
 */
public record AwsService(
        String prefix,
        String name,
        List<AwsAction> actions,
        List<ResourceType> resourceTypes,
        List<ConditionKey> conditionKeys) {

    public AwsService {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(name, "name");
        actions = List.copyOf(actions);
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }
}
