package io.gatehouse.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * An AWS managed policy with its default version.
 *
 * @param name             the policy name, e.g. {@code ReadOnlyAccess}
 * @param path             the path, {@code /} or e.g. {@code /service-role/}
 * @param arn              e.g. {@code arn:aws:iam::aws:policy/ReadOnlyAccess}
 * @param defaultVersionId the default version, e.g. {@code v3}
 * @param createDate       when AWS created the policy
 * @param updateDate       when AWS last changed the policy
 * @param document         the default version's policy document as JSON text
 */
public record ManagedPolicy(
        String name,
        String path,
        String arn,
        String defaultVersionId,
        Instant createDate,
        Instant updateDate,
        String document) {

    public ManagedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(defaultVersionId, "defaultVersionId");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updateDate, "updateDate");
        Objects.requireNonNull(document, "document");
    }
}
