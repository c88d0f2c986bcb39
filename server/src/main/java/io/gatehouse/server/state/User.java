package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * An IAM user.
 *
 * @param name                   user name as created (unique per account, case-insensitively)
 * @param id                     the unique id ({@code AIDA…})
 * @param path                   the path, {@code /} by default
 * @param created                creation time
 * @param permissionsBoundaryArn the managed policy that bounds the user, or {@code null}
 * @param tags                   tags in the order they were added
 * @param inlinePolicies         inline policies in the order they were put
 * @param attachedPolicyArns     attached managed policies in the order they were attached
 * @param groupNames             groups the user belongs to, in the order it was added
 * @param passwordLastUsed       when the user last signed in with a password, or {@code null}
 */
public record User(String name, String id, String path, Instant created, String permissionsBoundaryArn,
                   List<Tag> tags, List<InlinePolicy> inlinePolicies, List<String> attachedPolicyArns,
                   List<String> groupNames, Instant passwordLastUsed) {

    public User {
        tags = List.copyOf(tags);
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
        groupNames = List.copyOf(groupNames);
    }

    /** This user under another name and path (UpdateUser); everything else, its id included, stays. */
    public User moved(String newName, String newPath) {
        return new User(newName, id, newPath, created, permissionsBoundaryArn, tags, inlinePolicies, attachedPolicyArns,
                groupNames, passwordLastUsed);
    }

    public User withPermissionsBoundaryArn(String boundaryArn) {
        return new User(name, id, path, created, boundaryArn, tags, inlinePolicies, attachedPolicyArns, groupNames,
                passwordLastUsed);
    }

    public User withTags(List<Tag> newTags) {
        return new User(name, id, path, created, permissionsBoundaryArn, newTags, inlinePolicies, attachedPolicyArns,
                groupNames, passwordLastUsed);
    }

    /** This user after signing in with its password at {@code time}. */
    public User withPasswordLastUsed(Instant time) {
        return new User(name, id, path, created, permissionsBoundaryArn, tags, inlinePolicies, attachedPolicyArns,
                groupNames, time);
    }

    public User withGroupNames(List<String> newGroupNames) {
        return new User(name, id, path, created, permissionsBoundaryArn, tags, inlinePolicies, attachedPolicyArns,
                newGroupNames, passwordLastUsed);
    }
}
