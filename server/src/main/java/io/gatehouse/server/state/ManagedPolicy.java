package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * A customer managed policy. AWS managed policies are not stored per account: they come from the catalog.
 *
 * @param name             policy name (unique per account, case-insensitively)
 * @param id               the unique id ({@code ANPA…})
 * @param path             the path
 * @param description      the description, or {@code null}
 * @param created          creation time
 * @param updated          when the latest version was created (IAM's UpdateDate; the creation time while there is
 *                         one version)
 * @param defaultVersionId the id of the default version
 * @param versions         every version, oldest first (at most five)
 * @param nextVersion      the number the next version gets (versions are never renumbered)
 * @param tags             tags in the order they were added
 */
public record ManagedPolicy(String name, String id, String path, String description, Instant created,
                            Instant updated, String defaultVersionId, List<PolicyVersion> versions, int nextVersion,
                            List<Tag> tags) {

    public ManagedPolicy {
        versions = List.copyOf(versions);
        tags = List.copyOf(tags);
    }

    /** The default version. */
    public PolicyVersion defaultVersion() {
        return version(defaultVersionId);
    }

    /** The version with this id, or {@code null}. */
    public PolicyVersion version(String versionId) {
        for (PolicyVersion version : versions) {
            if (version.versionId().equals(versionId)) {
                return version;
            }
        }
        return null;
    }
}
