package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * An IAM group. Its members are recorded on the users ({@link User#groupNames()}); the account state indexes them.
 *
 * @param name               group name as created (unique per account, case-insensitively)
 * @param id                 the unique id ({@code AGPA…})
 * @param path               the path
 * @param created            creation time
 * @param inlinePolicies     inline policies in the order they were put
 * @param attachedPolicyArns attached managed policies in the order they were attached
 */
public record Group(String name, String id, String path, Instant created, List<InlinePolicy> inlinePolicies,
                    List<String> attachedPolicyArns) {

    public Group {
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
    }

    /** This group under another name and path (UpdateGroup); everything else, its id included, stays. */
    public Group moved(String newName, String newPath) {
        return new Group(newName, id, newPath, created, inlinePolicies, attachedPolicyArns);
    }
}
