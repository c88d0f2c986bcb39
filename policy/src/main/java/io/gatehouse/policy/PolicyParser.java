package io.gatehouse.policy;

import io.gatehouse.policy.parse.PolicyReader;

/**
 * Parses policy documents from JSON text, checking them the way AWS does.
 *
 * <p>No method throws, whatever the input (malformed JSON, null bytes, deep nesting, huge numbers,
 * {@code null}): every failure is a {@link ParseResult.Invalid} whose problems carry the AWS error
 * code and message, the 1-based line and column, and a path such as {@code Statement[1].Action[0]}.
 * The first problem is the one AWS reports; the others are collected too. Texts longer than
 * {@value PolicyReader#MAX_DOCUMENT_CHARS} characters (IAM's API limit) are refused unread.
 *
 * <p>A name written twice in one JSON object is a syntax error (the IAM User Guide lists a second
 * Statement, Effect, Action or Resource element among policy errors). The rules each policy type
 * follows, with the AWS wording and where it is confirmed, are listed in {@code docs/policy-grammar.md}.
 */
public final class PolicyParser {

    private PolicyParser() {}

    /**
     * Parses a document strictly: JSON syntax, structure, every grammar rule of {@code type}, and the
     * type's default size quota ({@link ParseOptions#defaultsFor(PolicyType)}).
     */
    public static ParseResult parse(String json, PolicyType type) {
        return parse(json, type, ParseOptions.defaultsFor(type));
    }

    /** Parses a document strictly, as {@link #parse(String, PolicyType)}, with the given quota and storage. */
    public static ParseResult parse(String json, PolicyType type, ParseOptions options) {
        return PolicyReader.strict(json, type, options);
    }

    /**
     * Parses a document for its structure only: JSON syntax, known element names, and value shapes
     * (string or array of strings; {@code Statement} object or array of objects; {@code Principal}
     * {@code "*"} or an object of AWS/Service/Federated/CanonicalUser to string or array;
     * {@code Condition} an object of operator to an object of key to a string, number or boolean, or
     * an array of them; {@code Effect} Allow or Deny in any case). No rule of any policy type is
     * applied, so documents that AWS would refuse for their type (a {@code Principal} in an identity
     * policy, an action without a service prefix) still parse, for evaluating test corpora. Two
     * allowances go beyond AWS's structure: a document may have no statement, and a
     * {@code Principal} given as one string other than {@code "*"} is read as an {@code AWS} principal.
     */
    public static ParseResult parseLenient(String json) {
        return PolicyReader.lenient(json);
    }
}
