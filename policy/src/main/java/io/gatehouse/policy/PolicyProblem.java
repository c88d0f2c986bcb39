package io.gatehouse.policy;

/**
 * Why a policy document is not valid, in the words IAM uses.
 *
 * @param code    the AWS error code IAM returns for it: {@code MalformedPolicyDocument} for grammar errors,
 *                {@code LimitExceeded} for a document over its size quota
 * @param message the message IAM returns, e.g. {@code Missing required field Effect}
 * @param line    1-based line in the document text where the problem is, or 0 when it concerns the whole document
 * @param column  1-based column, or 0
 * @param path    where in the document: {@code Statement[1].Action[0]}, or empty for the whole document
 */
public record PolicyProblem(String code, String message, int line, int column, String path) {

    public static final String MALFORMED = "MalformedPolicyDocument";
    public static final String LIMIT_EXCEEDED = "LimitExceeded";
}
