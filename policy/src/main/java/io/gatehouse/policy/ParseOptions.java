package io.gatehouse.policy;

/**
 * What a strict parse checks beyond the policy type's grammar: the size quota, and whether the
 * document will be stored as a managed policy (IAM requires {@code "Version": "2012-10-17"} in those).
 *
 * @param quota   the size quota to apply to this one document
 * @param managed true for a managed policy ({@code CreatePolicy}, {@code CreatePolicyVersion}, a permissions boundary)
 */
public record ParseOptions(PolicySizeQuota quota, boolean managed) {

    public ParseOptions {
        if (quota == null) {
            throw new IllegalArgumentException("quota is required");
        }
    }

    /**
     * The options {@link PolicyParser#parse(String, PolicyType)} uses: the type's default quota
     * ({@link PolicySizeQuota#defaultFor}); identity and boundary policies are checked as managed policies.
     */
    public static ParseOptions defaultsFor(PolicyType type) {
        boolean managed = type == PolicyType.IDENTITY || type == PolicyType.BOUNDARY;
        return new ParseOptions(PolicySizeQuota.defaultFor(type), managed);
    }

    /** An inline policy of a user, group or role, e.g. {@code inline(PolicySizeQuota.roleInline("app"))}. */
    public static ParseOptions inline(PolicySizeQuota quota) {
        return new ParseOptions(quota, false);
    }
}
