package io.gatehouse.policy.parse;

/**
 * The order in which IAM checks a policy document. IAM reports only the first failing check, so the
 * problems found are sorted by stage (then by place in the document) to make the first one IAM's answer.
 * The order follows what IAM answers for documents with several faults (see docs/policy-grammar.md).
 */
enum Stage {
    /** JSON text, document structure, element values IAM's syntax check knows (Version, operators). */
    SYNTAX,
    /** The Version a managed policy, SCP or RCP must have. */
    VERSION,
    /** IAM's legacy parser: exact Effect case, Date condition values, the shape of resource ARNs. */
    LEGACY,
    /** Statement ids: characters and uniqueness. */
    SID,
    /** Every statement names actions. */
    ACTIONS,
    /** Resource ARNs: partition, service, region. */
    RESOURCE_FORMAT,
    /** Actions: service prefix, one colon. */
    ACTION_FORMAT,
    /** The elements the policy type requires or forbids, and the principals it names. */
    POLICY_TYPE,
    /** Identity-style policies name resources. */
    RESOURCES,
    /** The document as a whole is over its size quota. */
    SIZE
}
