package io.gatehouse.policy;

/**
 * A limit on the size of a policy document, with the error AWS returns past it.
 *
 * <p>IAM does not count white space toward its limits (managed, inline and trust policies); AWS
 * Organizations and VPC endpoints count every character. An inline-policy quota is an aggregate: the
 * sum of {@link #measure(String) sizes} of all inline policies of one user, group or role must stay
 * within {@link #limit()}; the caller adds them up and asks {@link #admits(int)}.
 *
 * @param limit    the largest size allowed
 * @param counting how a document's size is measured
 * @param code     the AWS error code returned past the limit
 * @param message  the AWS error message returned past the limit
 */
public record PolicySizeQuota(int limit, Counting counting, String code, String message) {

    /** How a document's size is measured. */
    public enum Counting {
        /** UTF-16 characters other than white space ({@code \s}: space, tab, line feed, carriage return, form feed, vertical tab). */
        NON_WHITESPACE,
        /** Every UTF-16 character. */
        ALL_CHARACTERS
    }

    /** IAM's limit for a customer managed policy (also a permissions boundary): 6,144 characters. */
    public static final int MANAGED_POLICY_LIMIT = 6_144;
    /** IAM's aggregate limit for the inline policies of one user: 2,048 characters. */
    public static final int USER_INLINE_LIMIT = 2_048;
    /** IAM's aggregate limit for the inline policies of one group: 5,120 characters. */
    public static final int GROUP_INLINE_LIMIT = 5_120;
    /** IAM's aggregate limit for the inline policies of one role: 10,240 characters. */
    public static final int ROLE_INLINE_LIMIT = 10_240;
    /** IAM's default limit for a role trust policy: 2,048 characters (an account may raise it to 4,096). */
    public static final int TRUST_POLICY_LIMIT = 2_048;
    /** STS's limit for the plain text of a session policy: 2,048 characters. */
    public static final int SESSION_POLICY_LIMIT = 2_048;
    /** Organizations' limit for a service or resource control policy: 5,120 characters. */
    public static final int ORGANIZATIONS_POLICY_LIMIT = 5_120;
    /** The limit for a VPC endpoint policy: 20,480 characters. */
    public static final int ENDPOINT_POLICY_LIMIT = 20_480;
    /** The largest resource-based policy any service takes (a KMS key policy): 32,768 characters. */
    public static final int RESOURCE_POLICY_LIMIT = 32_768;

    public PolicySizeQuota {
        if (limit < 0 || counting == null || code == null || message == null) {
            throw new IllegalArgumentException("a quota needs a limit >= 0, a counting, a code and a message");
        }
    }

    /** A customer managed policy ({@code CreatePolicy}, {@code CreatePolicyVersion}). */
    public static PolicySizeQuota managedPolicy() {
        return new PolicySizeQuota(MANAGED_POLICY_LIMIT, Counting.NON_WHITESPACE, PolicyProblem.LIMIT_EXCEEDED,
                "Cannot exceed quota for PolicySize: " + MANAGED_POLICY_LIMIT);
    }

    /** The inline policies of the user {@code userName} ({@code PutUserPolicy}). */
    public static PolicySizeQuota userInline(String userName) {
        return inline(USER_INLINE_LIMIT, "user", userName);
    }

    /** The inline policies of the group {@code groupName} ({@code PutGroupPolicy}). */
    public static PolicySizeQuota groupInline(String groupName) {
        return inline(GROUP_INLINE_LIMIT, "group", groupName);
    }

    /** The inline policies of the role {@code roleName} ({@code PutRolePolicy}). */
    public static PolicySizeQuota roleInline(String roleName) {
        return inline(ROLE_INLINE_LIMIT, "role", roleName);
    }

    /** A role trust policy ({@code CreateRole}, {@code UpdateAssumeRolePolicy}) under the account's quota. */
    public static PolicySizeQuota trustPolicy(int limit) {
        return new PolicySizeQuota(limit, Counting.NON_WHITESPACE, PolicyProblem.LIMIT_EXCEEDED,
                "Cannot exceed quota for ACLSizePerRole: " + limit);
    }

    /** A session policy passed to {@code AssumeRole*} or {@code GetFederationToken}: STS limits its plain text. */
    public static PolicySizeQuota sessionPolicy() {
        return new PolicySizeQuota(SESSION_POLICY_LIMIT, Counting.ALL_CHARACTERS, "ValidationError",
                "1 validation error detected: Value at 'policy' failed to satisfy constraint: "
                        + "Member must have length less than or equal to " + SESSION_POLICY_LIMIT);
    }

    /** A service control policy or resource control policy ({@code organizations:CreatePolicy}). */
    public static PolicySizeQuota organizationsPolicy(int limit) {
        return new PolicySizeQuota(limit, Counting.ALL_CHARACTERS, "ConstraintViolationException",
                "You have exceeded the maximum policy size.");
    }

    /** A VPC endpoint policy. */
    public static PolicySizeQuota endpointPolicy() {
        return new PolicySizeQuota(ENDPOINT_POLICY_LIMIT, Counting.ALL_CHARACTERS, PolicyProblem.LIMIT_EXCEEDED,
                "Cannot exceed quota for PolicySize: " + ENDPOINT_POLICY_LIMIT);
    }

    /**
     * A resource-based policy. Each service has its own limit (S3 bucket policies 20 KB, KMS key
     * policies 32 KB, ...); this is the largest of them, for checking a policy whose service is unknown.
     */
    public static PolicySizeQuota resourcePolicy() {
        return new PolicySizeQuota(RESOURCE_POLICY_LIMIT, Counting.ALL_CHARACTERS, PolicyProblem.LIMIT_EXCEEDED,
                "Cannot exceed quota for PolicySize: " + RESOURCE_POLICY_LIMIT);
    }

    /**
     * The quota {@link PolicyParser#parse(String, PolicyType)} applies to a type: identity and boundary
     * policies as managed policies (6,144), trust policies at the default 2,048, session policies at
     * STS's 2,048, SCPs and RCPs at 5,120, endpoint policies at 20,480, resource policies at 32,768.
     */
    public static PolicySizeQuota defaultFor(PolicyType type) {
        return switch (type) {
            case IDENTITY, BOUNDARY -> managedPolicy();
            case TRUST -> trustPolicy(TRUST_POLICY_LIMIT);
            case SESSION -> sessionPolicy();
            case SCP, RCP -> organizationsPolicy(ORGANIZATIONS_POLICY_LIMIT);
            case RESOURCE -> resourcePolicy();
            case ENDPOINT -> endpointPolicy();
        };
    }

    /** The size of {@code document} as this quota counts it; 0 for {@code null}. */
    public int measure(String document) {
        if (document == null) {
            return 0;
        }
        if (counting == Counting.ALL_CHARACTERS) {
            return document.length();
        }
        int size = 0;
        for (int i = 0; i < document.length(); i++) {
            if (!isWhitespace(document.charAt(i))) {
                size++;
            }
        }
        return size;
    }

    /** Whether a document (or, for inline policies, a set of them) of {@code size} fits. */
    public boolean admits(int size) {
        return size <= limit;
    }

    /** The problem to report for a document that does not fit. */
    public PolicyProblem problem() {
        return new PolicyProblem(code, message, 0, 0, "");
    }

    private static PolicySizeQuota inline(int limit, String entityKind, String entityName) {
        return new PolicySizeQuota(limit, Counting.NON_WHITESPACE, PolicyProblem.LIMIT_EXCEEDED,
                "Maximum policy size of " + limit + " bytes exceeded for " + entityKind + " " + entityName);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }
}
