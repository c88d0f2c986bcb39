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

    private static final Message TOO_LONG = new Message("ValidationError",
            "1 validation error detected: Value at 'policyDocument' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_DOCUMENT_CHARS);

    private PolicyReader() {}

    /** See {@link PolicyParser#parseLenient(String)}. */
    public static ParseResult lenient(String json) {
        Findings findings = new Findings();
        SourceDocument source = read(json, Messages.IAM, false, findings);
        return result(source, findings);
    }

    /** See {@link PolicyParser#parse(String, PolicyType, ParseOptions)}. */
    public static ParseResult strict(String json, PolicyType type, ParseOptions options) {
        Findings findings = new Findings();
        GrammarContext context = new GrammarContext(type, options, Messages.forType(type));
        SourceDocument source = read(json, context.messages(), true, findings);
        if (source != null) {
            Grammar.check(source, context, findings);
        }
        PolicySizeQuota quota = options.quota();
        if (!quota.admits(quota.measure(json))) {
            findings.report(Stage.SIZE, new Message(quota.code(), quota.message()), "", Position.DOCUMENT);
        }
        return result(source, findings);
    }

    /** Reads the JSON and its structure; {@code null} when there is no document to check further. */
    private static SourceDocument read(String json, Messages messages, boolean strict, Findings findings) {
        if (json == null) {
            findings.report(Stage.SYNTAX, messages.invalidJson(), "", Position.DOCUMENT);
            return null;
        }
        if (json.length() > MAX_DOCUMENT_CHARS) {
            findings.report(Stage.SYNTAX, TOO_LONG, "", Position.DOCUMENT);
            return null;
        }
        return switch (JsonTreeReader.read(json)) {
            case JsonTreeReader.Result.SyntaxError error -> {
                findings.report(Stage.SYNTAX, messages.invalidJson(), "", error.at());
                yield null;
            }
            case JsonTreeReader.Result.Tree tree -> strict
                    ? StructureReader.readStrict(tree.root(), messages, findings)
                    : StructureReader.readLenient(tree.root(), findings);
        };
    }

    private static ParseResult result(SourceDocument source, Findings findings) {
        if (findings.isEmpty()) {
            return new ParseResult.Valid(DocumentModel.of(source));
        }
        return new ParseResult.Invalid(findings.inIamOrder());
    }
}
