package io.gatehouse.policy.engine;

/**
 * How directly a resource-based policy's {@code Principal} named the caller, which decides what else must allow a
 * same-account request (IAM User Guide, "Policy evaluation for requests within a single account", "Session
 * policies" and "Permissions boundaries for IAM entities"). Ordered from weakest to strongest.
 */
enum Grant {
    /** The policy does not name the caller. */
    NONE,
    /**
     * The caller's account ({@code 123456789012} or {@code arn:aws:iam::123456789012:root}): the account delegates
     * to its own identity policies, which must allow the request too.
     */
    ACCOUNT,
    /**
     * The IAM role behind the caller's session: the grant is added to the role's permissions before the session
     * exists, so the permissions boundary and session policies still limit it.
     */
    ROLE,
    /**
     * The caller itself: an IAM user's ARN, a role or federated session's ARN, a service or provider, or everyone
     * ({@code *}). The grant stands on its own; implicit denies elsewhere do not limit it.
     */
    DIRECT
}
