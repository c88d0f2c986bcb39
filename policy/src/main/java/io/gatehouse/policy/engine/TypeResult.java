package io.gatehouse.policy.engine;

/** What one kind of policy said about a request. {@code ABSENT} must stay first: it is the packed zero. */
public enum TypeResult {
    /** The request carries no policy of this kind. */
    ABSENT,
    /** Policies of this kind exist but do not apply to this principal or request (SCPs for a service principal). */
    NOT_APPLICABLE,
    /** No statement matched: an implicit deny from this kind. */
    NO_MATCH,
    /** An Allow statement matched (for SCP/RCP levels: every level allowed) and no Deny did. */
    ALLOWED,
    /** A Deny statement matched. */
    DENIED
}
