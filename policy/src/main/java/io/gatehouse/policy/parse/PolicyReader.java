package io.gatehouse.policy.parse;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;

/**
 * The parser's implementation behind {@link PolicyParser}; not an API of its own.
 */
public final class PolicyReader {

    /**
     * The longest document read at all: IAM's API takes policy documents of up to 131,072 characters,
     * more than any policy quota, so a longer text is refused before it is parsed.
     */
    public static final int MAX_DOCUMENT_CHARS = 131_072;

    static final String TOO_LONG = "1 validation error detected: Value at 'policyDocument' failed to satisfy "
            + "constraint: Member must have length less than or equal to " + MAX_DOCUMENT_CHARS;

    private PolicyReader() {}

    /** See {@link PolicyParser#parseLenient(String)}. */
    public static ParseResult lenient(String json) {
        Findings findings = new Findings();
        SourceDocument source = read(json, findings);
        return result(source, findings);
    }

    /** See {@link PolicyParser#parse(String, PolicyType, ParseOptions)}. */
    public static ParseResult strict(String json, PolicyType type, ParseOptions options) {
        Findings findings = new Findings();
        SourceDocument source = read(json, findings);
        PolicySizeQuota quota = options.quota();
        if (!quota.admits(quota.measure(json))) {
            findings.add(Stage.SIZE, quota.code(), quota.message(), "", Position.DOCUMENT);
        }
        return result(source, findings);
    }

    /** Reads the JSON and its structure; {@code null} when there is no document to check further. */
    private static SourceDocument read(String json, Findings findings) {
        if (json == null) {
            findings.malformed(Stage.SYNTAX, StructureReader.SYNTAX_ERRORS, "", Position.DOCUMENT);
            return null;
        }
        if (json.length() > MAX_DOCUMENT_CHARS) {
            findings.add(Stage.SYNTAX, "ValidationError", TOO_LONG, "", Position.DOCUMENT);
            return null;
        }
        return switch (JsonTreeReader.read(json)) {
            case JsonTreeReader.Result.SyntaxError error -> {
                findings.malformed(Stage.SYNTAX, StructureReader.SYNTAX_ERRORS, "", error.at());
                yield null;
            }
            case JsonTreeReader.Result.Tree tree -> StructureReader.read(tree.root(), findings);
        };
    }

    private static ParseResult result(SourceDocument source, Findings findings) {
        if (findings.isEmpty()) {
            return new ParseResult.Valid(DocumentModel.of(source));
        }
        return new ParseResult.Invalid(findings.inIamOrder());
    }
}
