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
 * @param trustCode              the trust policy compiled for the engine (for a stored role, when first needed)
 * @param description            the description, or {@code null}
 * @param maxSessionDuration     the maximum session duration in seconds (3600 to 43200)
 * @param permissionsBoundaryArn the managed policy that bounds the role, or {@code null}
 * @param tags                   tags in the order they were added
 * @param inlinePolicies         inline policies in the order they were put
 * @param attachedPolicyArns     attached managed policies in the order they were attached
 * @param lastUsed               when and where the role was last used, or {@code null}
 */
public record Role(String name, String id, String path, Instant created, String trustPolicy,
                   PolicyCode trustCode, String description, int maxSessionDuration,
                   String permissionsBoundaryArn, List<Tag> tags, List<InlinePolicy> inlinePolicies,
                   List<String> attachedPolicyArns, LastUsed lastUsed) {

    public Role {
        tags = List.copyOf(tags);
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
    }

    /** A role whose trust policy was compiled already. */
    public Role(String name, String id, String path, Instant created, String trustPolicy,
                CompiledPolicy compiledTrustPolicy, String description, int maxSessionDuration,
                String permissionsBoundaryArn, List<Tag> tags, List<InlinePolicy> inlinePolicies,
                List<String> attachedPolicyArns, LastUsed lastUsed) {
        this(name, id, path, created, trustPolicy, PolicyCode.of(compiledTrustPolicy), description, maxSessionDuration,
                permissionsBoundaryArn, tags, inlinePolicies, attachedPolicyArns, lastUsed);
    }

    /** The trust policy compiled for the engine. */
    public CompiledPolicy compiledTrustPolicy() {
        return trustCode.compiled();
    }

    /** When and in which region a role was last used. */
    public record LastUsed(Instant date, String region) {}

    /** The path prefix of service-linked roles, which only CreateServiceLinkedRole may use. */
    public static final String SERVICE_LINKED_PATH = "/aws-service-role/";

    /** Whether the role is a service-linked role (path {@code /aws-service-role/...}). */
    public boolean isServiceLinked() {
        return path.startsWith(SERVICE_LINKED_PATH);
    }

    /** This role with another description ({@code null} for none) and maximum session duration. */
    public Role withSettings(String newDescription, int newMaxSessionDuration) {
        return new Role(name, id, path, created, trustPolicy, trustCode, newDescription, newMaxSessionDuration,
                permissionsBoundaryArn, tags, inlinePolicies, attachedPolicyArns, lastUsed);
    }

    /** This role with another trust policy. */
    public Role withTrustPolicy(String document, CompiledPolicy compiled) {
        return new Role(name, id, path, created, document, compiled, description, maxSessionDuration,
                permissionsBoundaryArn, tags, inlinePolicies, attachedPolicyArns, lastUsed);
    }

    /** This role with another permissions boundary ({@code null} for none). */
    public Role withPermissionsBoundary(String boundaryArn) {
        return new Role(name, id, path, created, trustPolicy, trustCode, description, maxSessionDuration,
                boundaryArn, tags, inlinePolicies, attachedPolicyArns, lastUsed);
    }

    /** This role, last used as {@code use} says. */
    public Role withLastUsed(LastUsed use) {
        return new Role(name, id, path, created, trustPolicy, trustCode, description, maxSessionDuration,
                permissionsBoundaryArn, tags, inlinePolicies, attachedPolicyArns, use);
    }

    /** This role with other tags. */
    public Role withTags(List<Tag> newTags) {
        return new Role(name, id, path, created, trustPolicy, trustCode, description, maxSessionDuration,
                permissionsBoundaryArn, newTags, inlinePolicies, attachedPolicyArns, lastUsed);
    }
}
