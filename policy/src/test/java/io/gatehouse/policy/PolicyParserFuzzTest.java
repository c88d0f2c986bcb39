package io.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.document.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The parser never throws: random JSON, mutated valid documents and hostile texts all give a
 * {@link ParseResult}, and every problem carries an AWS error code and a sane location. Seeds are
 * fixed so that a failure reproduces; the whole test runs in a few seconds.
 */
class PolicyParserFuzzTest {

    private static final Set<String> AWS_CODES = Set.of(PolicyProblem.MALFORMED, PolicyProblem.LIMIT_EXCEEDED,
            "MalformedPolicyDocumentException", "ConstraintViolationException", "ValidationError");

    private static final List<String> SEEDS = List.of(
            """
            {"Version":"2012-10-17","Statement":[{"Sid":"A1","Effect":"Allow","Action":["s3:GetObject","s3:List*"],
             "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/${aws:username}/*"],
             "Condition":{"StringLike":{"s3:prefix":["home/"]},"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},
             "NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true}}},
             {"Effect":"Deny","NotAction":"iam:*","NotResource":"*"}]}""",
            """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com",
             "AWS":["arn:aws:iam::111122223333:root"]},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x"}}}}""",
            """
            {"Version":"2012-10-17","Id":"p","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
             "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-abc"}}},
             {"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""");

    private static final String[] KEYS = {"Version", "Id", "Statement", "Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition", "AWS", "Service", "Federated",
            "CanonicalUser", "StringEquals", "DateGreaterThan", "ForAnyValue:StringLike", "aws:username", "x"};
    private static final String[] STRINGS = {"2012-10-17", "2008-10-17", "Allow", "Deny", "allow", "*", "s3:*",
            "s3:Get:Object", "GetObject", "arn:aws:s3:::b", "arn:aws:iam:us-east-1::x", "arn:aws-cn:s3:::b", "arn:aws",
            "arn:aws::x", "a:b", "", "${aws:username}", "2020-13-01", "1e999", "ec2.amazonaws.com", "amazonaws.com",
            "arn:aws:iam::111122223333:role/*", "\u0000", "\uD800", "é€𝄞", "a_b", " ", "::::::"};

    private static final String NOISE = "{}[]\":,\\ 0aZ\u0000\uD800*";

    @Test
    void randomJsonNeverThrows() {
        Random random = new Random(20_241_117L);
        for (int i = 0; i < 1_000; i++) {
            assertParsesWithoutThrowing(randomValue(random, 0, true));
        }
    }

    @Test
    void mutatedDocumentsNeverThrow() {
        Random random = new Random(42L);
        for (int i = 0; i < 2_000; i++) {
            String text = SEEDS.get(random.nextInt(SEEDS.size()));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                text = mutate(text, random);
            }
            assertParsesWithoutThrowing(text);
        }
    }

    @Test
    void hostileTextsNeverThrow() {
        List<String> hostile = new ArrayList<>(List.of(
                "", "\u0000", "{\u0000}", "\uFEFF{}", "{\"Statement\":\"\uD800\"}", "1e999999999", "-",
                "{\"Version\":" + "9".repeat(100_000) + "}",
                "{\"Id\":\"" + "\\u0000".repeat(10_000) + "\"}",
                "[".repeat(100_000), "{\"a\":".repeat(50_000), "{\"Statement\":" + "[".repeat(60_000) + "]".repeat(60_000) + "}",
                "{\"Statement\":[" + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},".repeat(2_000) + "{}]}",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"DateEquals\":{\"k\":\""
                        + "9".repeat(5_000) + "-1\"}}}}",
                "x".repeat(PolicySizeQuota.RESOURCE_POLICY_LIMIT * 5)));
        for (String text : hostile) {
            assertParsesWithoutThrowing(text);
        }
        assertParsesWithoutThrowing(null);
    }

    private static void assertParsesWithoutThrowing(String text) {
        check(PolicyParser.parseLenient(text), text);
        for (PolicyType type : PolicyType.values()) {
            check(PolicyParser.parse(text, type), text);
        }
    }

    private static void check(ParseResult result, String text) {
        assertThat(result).as("%s", text).isNotNull();
        switch (result) {
            case ParseResult.Valid valid -> {
                for (Statement statement : valid.document().statements()) {
                    assertThat(statement.effect()).as(text).isNotNull();
                }
            }
            case ParseResult.Invalid invalid -> {
                for (PolicyProblem problem : invalid.problems()) {
                    assertThat(problem.code()).as(text).isIn(AWS_CODES);
                    assertThat(problem.message()).as(text).isNotBlank();
                    assertThat(problem.path()).as(text).isNotNull();
                    assertThat(problem.line()).as(text).isNotNegative();
                    assertThat(problem.column()).as(text).isNotNegative();
                    assertThat(problem.line() == 0).as(text).isEqualTo(problem.column() == 0);
                }
            }
        }
    }

    private static String randomValue(Random random, int depth, boolean policyShaped) {
        int kind = depth > 7 ? 3 + random.nextInt(4) : random.nextInt(policyShaped && depth == 0 ? 1 : 7);
        return switch (kind) {
            case 0 -> randomObject(random, depth);
            case 1, 2 -> randomArray(random, depth);
            case 3 -> quoted(STRINGS[random.nextInt(STRINGS.length)]);
            case 4 -> Long.toString(random.nextLong()) + (random.nextBoolean() ? ".5e3" : "");
            case 5 -> random.nextBoolean() ? "true" : "false";
            default -> "null";
        };
    }

    private static String randomObject(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(KEYS[random.nextInt(KEYS.length)])).append(':').append(randomValue(random, depth + 1, false));
        }
        return out.append('}').toString();
    }

    private static String randomArray(Random random, int depth) {
        StringBuilder out = new StringBuilder("[");
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(randomValue(random, depth + 1, false));
        }
        return out.append(']').toString();
    }

    private static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return "{";
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(6)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + NOISE.charAt(random.nextInt(NOISE.length())) + text.substring(at);
            case 2 -> text.substring(0, at);
            case 3 -> {
                int end = Math.min(text.length(), at + 1 + random.nextInt(40));
                yield text.substring(0, end) + text.substring(at);
            }
            case 4 -> text.replaceFirst("\"[^\"]*\"",
                    Matcher.quoteReplacement(quoted(STRINGS[random.nextInt(STRINGS.length)])));
            default -> text.replace(KEYS[random.nextInt(KEYS.length)], KEYS[random.nextInt(KEYS.length)]);
        };
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
