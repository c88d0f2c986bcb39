package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * An instance profile: a container for (at most) one role.
 *
 * @param name      instance profile name (unique per account, case-insensitively)
 * @param id        the unique id ({@code AIPA…})
 * @param path      the path
 * @param created   creation time
 * @param roleNames the roles it contains
 * @param tags      tags in the order they were added
 */
public record InstanceProfile(String name, String id, String path, Instant created, List<String> roleNames,
                              List<Tag> tags) {

    public InstanceProfile {
        roleNames = List.copyOf(roleNames);
        tags = List.copyOf(tags);
    }

    /** This instance profile holding other roles. */
    public InstanceProfile withRoleNames(List<String> newRoleNames) {
        return new InstanceProfile(name, id, path, created, newRoleNames, tags);
    }

    /** This instance profile with other tags. */
    public InstanceProfile withTags(List<Tag> newTags) {
        return new InstanceProfile(name, id, path, created, roleNames, newTags);
    }
}
