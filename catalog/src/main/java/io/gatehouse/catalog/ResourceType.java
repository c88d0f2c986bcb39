package io.gatehouse.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A resource type of a service ("Resource types defined by ..." in the Service Authorization Reference).
 *
 * @param service       the service prefix, e.g. {@code s3}
 * @param name          the resource type name, e.g. {@code object}
 * @param arnFormat     the ARN pattern with {@code ${...}} variables, e.g.
 *                      {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}
 * @param conditionKeys keys that apply to every action on a resource of this type
 */
public record ResourceType(String service, String name, String arnFormat, List<ConditionKey> conditionKeys) {

    public ResourceType {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arnFormat, "arnFormat");
        conditionKeys = List.copyOf(conditionKeys);
    }
}
