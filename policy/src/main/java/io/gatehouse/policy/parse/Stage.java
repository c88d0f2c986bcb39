package io.gatehouse.policy.parse;

/**
 * The order in which IAM checks a policy document. IAM reports only the first failing check, so the
 * problems found are sorted by stage (then by place in the document) to make the first one IAM's answer.
 */
enum Stage {
    /** JSON text and document structure. */
    SYNTAX,
    /** The document as a whole is over its size quota. */
    SIZE
}
