package io.gatehouse.policy;

/**
 * What a strict parse checks beyond the policy type's grammar: the size quota, whether the document
 * will be stored as a managed policy (IAM requires {@code "Version": "2012-10-17"} in those), and the
 * partition the server runs in (IAM refuses resource ARNs of other partitions).
 *
 * @param quota     the size quota to apply to this one document
 * @param managed   true for a managed policy ({@code CreatePolicy}, {@code CreatePolicyVersion}, a permissions boundary)
 * @param partition the server's partition, {@code aws} unless configured otherwise
 */
public record ParseOptions(PolicySizeQuota quota, boolean managed, String partition) {

    /** The partition of the AWS commercial Regions. */
    public static final String DEFAULT_PARTITION = "aws";

    public ParseOptions {
        if (quota == null || partition == null || partition.isEmpty()) {
            throw new IllegalArgumentException("quota and partition are required");
        }
    }

    /**
     * The options {@link PolicyParser#parse(String, PolicyType)} uses: the type's default quota
     * ({@link PolicySizeQuota#defaultFor}), partition {@code aws}. Permissions boundaries are
     * always managed policies; an identity policy may be inline or managed, so its Version is only
     * required with {@link #managedPolicy()}.
     */
    public static ParseOptions defaultsFor(PolicyType type) {
        return new ParseOptions(PolicySizeQuota.defaultFor(type), type == PolicyType.BOUNDARY, DEFAULT_PARTITION);
    }

    /** A customer managed policy ({@code CreatePolicy}, {@code CreatePolicyVersion}): Version 2012-10-17, 6,144 characters. */
    public static ParseOptions managedPolicy() {
        return new ParseOptions(PolicySizeQuota.managedPolicy(), true, DEFAULT_PARTITION);
    }

    /** An inline policy of a user, group or role, e.g. {@code inline(PolicySizeQuota.roleInline("app"))}. */
    public static ParseOptions inline(PolicySizeQuota quota) {
        return new ParseOptions(quota, false, DEFAULT_PARTITION);
    }

    /** These options for a server in another partition ({@code aws-cn}, {@code aws-us-gov}, ...). */
    public ParseOptions withPartition(String otherPartition) {
        return new ParseOptions(quota, managed, otherPartition);
    }
}
