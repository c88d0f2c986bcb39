package io.gatehouse.server.state;

import io.gatehouse.policy.engine.CompiledPolicy;
import java.time.Instant;
import java.util.List;

/**
 * An IAM role.
 *
 * @param name                   role name as created (unique per account, case-insensitively)
 * @param id                     the unique id ({@code AROA…})
 * @param path                   the path
 * @param created                creation time
 * @param trustPolicy            the trust policy document as sent
 * @param compiledTrustPolicy    the trust policy compiled for the engine
 * @param description            the description, or {@code null}
 * @param maxSessionDuration     the maximum session duration in seconds (3600 to 43200)
 * @param permissionsBoundaryArn the managed policy that bounds the role, or {@code null}
 * @param tags                   tags in the order they were added
 * @param inlinePolicies         inline policies in the order they were put
 * @param attachedPolicyArns     attached managed policies in the order they were attached
 * @param lastUsed               when and where the role was last used, or {@code null}
 */
public record Role(String name, String id, String path, Instant created, String trustPolicy,
                   CompiledPolicy compiledTrustPolicy, String description, int maxSessionDuration,
                   String permissionsBoundaryArn, List<Tag> tags, List<InlinePolicy> inlinePolicies,
                   List<String> attachedPolicyArns, LastUsed lastUsed) {

    public Role {
        tags = List.copyOf(tags);
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
    }

    /** When and in which region a role was last used. */
    public record LastUsed(Instant date, String region) {}

    /** Whether the role is a service-linked role (path {@code /aws-service-role/...}). */
    public boolean isServiceLinked() {
        return path.startsWith("/aws-service-role/");
    }
}
