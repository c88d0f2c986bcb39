package io.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatehouse.policy.document.ConditionEntry;
import io.gatehouse.policy.document.Effect;
import io.gatehouse.policy.document.PolicyDocument;
import io.gatehouse.policy.document.PrincipalBlock;
import io.gatehouse.policy.document.PrincipalKind;
import io.gatehouse.policy.document.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structure every policy shares (IAM User Guide, "Grammar of the IAM JSON policy language":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), checked by
 * {@link PolicyParser#parseLenient(String)}. IAM answers every structure error with
 * "Syntax errors in policy." (see docs/policy-grammar.md for the sources).
 */
class PolicyParserStructureTest {

    private static final String SYNTAX = "Syntax errors in policy.";

    static PolicyDocument valid(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).document();
    }

    static List<PolicyProblem> problems(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).problems();
    }

    static PolicyProblem first(ParseResult result) {
        return problems(result).get(0);
    }

    @Test
    void readsEveryElementIntoTheModel() {
        PolicyDocument doc = valid(PolicyParser.parseLenient("""
                {
                  "Version": "2012-10-17",
                  "Id": "doc-1",
                  "Statement": [{
                    "Sid": "One",
                    "Effect": "Deny",
                    "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"], "Service": "ec2.amazonaws.com"},
                    "NotAction": "s3:Delete*",
                    "NotResource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                    "Condition": {
                      "NumericLessThan": {"s3:max-keys": 10},
                      "Bool": {"aws:SecureTransport": [false]},
                      "StringLike": {"s3:prefix": ["home/", "home/${aws:username}/*"]}
                    }
                  }]
                }"""));
        assertThat(doc.version()).isEqualTo("2012-10-17");
        assertThat(doc.id()).isEqualTo("doc-1");
        Statement s = doc.statements().get(0);
        assertThat(s.index()).isZero();
        assertThat(s.sid()).isEqualTo("One");
        assertThat(s.effect()).isEqualTo(Effect.DENY);
        assertThat(s.principal().valuesOf(PrincipalKind.AWS))
                .containsExactly("arn:aws:iam::111122223333:root", "444455556666");
        assertThat(s.principal().valuesOf(PrincipalKind.SERVICE)).containsExactly("ec2.amazonaws.com");
        assertThat(s.notPrincipal()).isNull();
        assertThat(s.action()).isNull();
        assertThat(s.notAction()).containsExactly("s3:Delete*");
        assertThat(s.resource()).isNull();
        assertThat(s.notResource()).containsExactly("arn:aws:s3:::b", "arn:aws:s3:::b/*");
        assertThat(s.conditions()).containsExactly(
                new ConditionEntry("NumericLessThan", "s3:max-keys", List.of("10")),
                new ConditionEntry("Bool", "aws:SecureTransport", List.of("false")),
                new ConditionEntry("StringLike", "s3:prefix", List.of("home/", "home/${aws:username}/*")));
    }

    @Test
    void aSingleStatementObjectIsAOneStatementList() {
        PolicyDocument doc = valid(PolicyParser.parseLenient(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}"));
        assertThat(doc.version()).isNull();
        assertThat(doc.statements()).hasSize(1);
        assertThat(doc.statements().get(0).action()).containsExactly("*");
        assertThat(doc.statements().get(0).conditions()).isEmpty();
    }

    @Test
    void principalStarIsAnyone() {
        PolicyDocument doc = valid(PolicyParser.parseLenient(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\"}}"));
        assertThat(doc.statements().get(0).principal()).isEqualTo(PrincipalBlock.ANYONE);
    }

    @Test
    void lenientParsingIgnoresTheRulesOfPolicyTypes() {
        // A Principal beside a Resource, an action without a vendor, a resource that is no ARN, no Version.
        valid(PolicyParser.parseLenient("""
                {"Statement":[{"Effect":"allow","Principal":{"AWS":"*"},"Action":"GetObject","Resource":"bucket"},
                              {"Effect":"Deny","Action":["s3:*"],"NotAction":"iam:*"}]}"""));
    }

    @Test
    void invalidJsonIsASyntaxErrorAtItsPlace() {
        PolicyProblem problem = first(PolicyParser.parseLenient("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}"));
        assertThat(problem).isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED, SYNTAX, 4, 1, ""));
    }

    @Test
    void jsonExtensionsAreSyntaxErrors() {
        for (String text : List.of("", "   ", "null", "[]", "\"x\"", "{} {}", "{}x",
                "{\"Statement\":[{\"Effect\":\"Allow\",},]}", "// c\n{}", "{'Statement':[]}",
                "{\"Statement\":[NaN]}", "{\"Statement\":[01]}", "{\"Id\":\"a\u0000b\"}")) {
            assertThat(first(PolicyParser.parseLenient(text)).message()).as(text).isEqualTo(SYNTAX);
        }
    }

    @Test
    void nullInputIsASyntaxError() {
        assertThat(first(PolicyParser.parseLenient(null)))
                .isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED, SYNTAX, 0, 0, ""));
        assertThat(first(PolicyParser.parse(null, PolicyType.IDENTITY)).message()).isEqualTo(SYNTAX);
    }

    @Test
    void unknownElementsAreSyntaxErrorsAtTheirNames() {
        List<PolicyProblem> problems = problems(PolicyParser.parseLenient("""
                {"Version": "2012-10-17", "Extra": 1,
                 "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Principals": "*"}]}"""));
        assertThat(problems).containsExactly(
                new PolicyProblem(PolicyProblem.MALFORMED, SYNTAX, 1, 27, "Extra"),
                new PolicyProblem(PolicyProblem.MALFORMED, SYNTAX, 2, 71, "Statement[0].Principals"));
    }

    @Test
    void elementNamesAreCaseSensitive() {
        String lowerCase = "{\"statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        assertThat(problems(PolicyParser.parseLenient(lowerCase))).extracting(PolicyProblem::path).containsExactly("statement");
        assertThat(problems(PolicyParser.parse(lowerCase, PolicyType.SESSION)))
                .extracting(PolicyProblem::path).containsExactly("Statement", "statement");
        assertThat(problems(PolicyParser.parseLenient(
                "{\"Statement\":{\"effect\":\"Allow\",\"Action\":\"*\"}}")))
                .extracting(PolicyProblem::path).containsExactly("Statement.Effect", "Statement.effect");
    }

    @Test
    void statementHoldsObjects() {
        assertThat(first(PolicyParser.parseLenient("{\"Statement\":\"x\"}")).path()).isEqualTo("Statement");
        assertThat(first(PolicyParser.parseLenient("{\"Statement\":[\"afd\"]}")).path()).isEqualTo("Statement[0]");
    }

    @Test
    void aStatementIsRequiredByIamButNotByLenientParsing() {
        // An SCP level without statements denies everything; corpora use them.
        assertThat(valid(PolicyParser.parseLenient("{\"Version\":\"2012-10-17\",\"Statement\":[]}")).statements()).isEmpty();
        assertThat(valid(PolicyParser.parseLenient("{\"Version\":\"2012-10-17\"}")).statements()).isEmpty();
        assertThat(first(PolicyParser.parse("{\"Version\":\"2012-10-17\"}", PolicyType.IDENTITY)))
                .isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED, SYNTAX, 1, 1, "Statement"));
        assertThat(first(PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}", PolicyType.SESSION)))
                .isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED, SYNTAX, 1, 37, "Statement"));
    }

    @Test
    void aStringPrincipalIsAnAwsPrincipalWhenParsingLeniently() {
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"arn:aws:iam::123456789012:role/r\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";
        assertThat(valid(PolicyParser.parseLenient(json)).statements().get(0).principal().valuesOf(PrincipalKind.AWS))
                .containsExactly("arn:aws:iam::123456789012:role/r");
        assertThat(first(PolicyParser.parse(json, PolicyType.RESOURCE)))
                .extracting(PolicyProblem::message, PolicyProblem::path)
                .containsExactly(SYNTAX, "Statement.Principal");
    }

    @Test
    void effectMustBeAllowOrDeny() {
        assertThat(first(PolicyParser.parseLenient("{\"Statement\":{\"Action\":\"*\"}}")).path())
                .isEqualTo("Statement.Effect");
        assertThat(first(PolicyParser.parseLenient("{\"Statement\":{\"Effect\":\"Permit\",\"Action\":\"*\"}}")))
                .isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED, SYNTAX, 1, 24, "Statement.Effect"));
        assertThat(first(PolicyParser.parseLenient("{\"Statement\":{\"Effect\":true,\"Action\":\"*\"}}")).path())
                .isEqualTo("Statement.Effect");
    }

    @Test
    void stringElementsMustBeStringsOrArraysOfStrings() {
        assertThat(problems(PolicyParser.parseLenient("""
                {"Statement":[{"Effect":"Allow","Action":["s3:GetObject", 1, null, ["x"]],"Resource":{"a":"b"}}]}""")))
                .extracting(PolicyProblem::path)
                .containsExactly("Statement[0].Action[1]", "Statement[0].Action[2]", "Statement[0].Action[3]",
                        "Statement[0].Resource");
        assertThat(first(PolicyParser.parseLenient(
                "{\"Id\":[\"x\"],\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}")).path()).isEqualTo("Id");
        assertThat(first(PolicyParser.parseLenient(
                "{\"Statement\":{\"Sid\":{},\"Effect\":\"Allow\",\"Action\":\"*\"}}")).path()).isEqualTo("Statement.Sid");
    }

    @Test
    void principalIsStarOrAnObjectOfKnownKinds() {
        assertThat(problems(PolicyParser.parseLenient("""
                {"Statement":{"Effect":"Allow","Action":"*",
                  "Principal":{"AWS":"*","Role":"x","Service":[3]},"NotPrincipal":["*"]}}""")))
                .extracting(PolicyProblem::path)
                .containsExactly("Statement.Principal.Role", "Statement.Principal.Service[0]", "Statement.NotPrincipal");
    }

    @Test
    void conditionIsAnObjectOfOperatorsToObjectsOfKeysToScalarsOrArrays() {
        assertThat(problems(PolicyParser.parseLenient("""
                {"Statement":{"Effect":"Allow","Action":"*","Condition":{
                  "StringEquals":"x","DateGreaterThan":{"a":{}},"Bool":{"k":[true,null]},"a.b":{"k.1":[[]]}}}}""")))
                .extracting(PolicyProblem::path)
                .containsExactly("Statement.Condition.StringEquals", "Statement.Condition.DateGreaterThan.a",
                        "Statement.Condition.Bool.k[1]", "Statement.Condition[\"a.b\"][\"k.1\"][0]");
        assertThat(first(PolicyParser.parseLenient(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":[]}}")).path())
                .isEqualTo("Statement.Condition");
    }

    @Test
    void emptyConditionBlocksAndEmptyValueListsAreWellFormed() {
        Statement s = valid(PolicyParser.parseLenient("""
                {"Statement":{"Effect":"Allow","Action":"*","Condition":{"x":{},"DateGreaterThan":{"a":[]}}}}"""))
                .statements().get(0);
        assertThat(s.conditions()).containsExactly(new ConditionEntry("DateGreaterThan", "a", List.of()));
    }

    @Test
    void numbersInConditionsKeepTheirJsonText() {
        Statement s = valid(PolicyParser.parseLenient("""
                {"Statement":{"Effect":"Allow","Action":"*","Condition":{"NumericEquals":{"k":[1.50, -2e3, 123456789012345678901234567890]}}}}"""))
                .statements().get(0);
        assertThat(s.conditions().get(0).values()).containsExactly("1.50", "-2e3", "123456789012345678901234567890");
    }

    /**
     * "More than one Statement element" and "More than one Effect, Action, or Resource element" are
     * errors: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html
     */
    @Test
    void aNameRepeatedInOneObjectIsASyntaxErrorAtItsRepetition() {
        assertThat(problems(PolicyParser.parseLenient("""
                {"Statement":{"Effect":"Deny","Action":"s3:GetObject","Effect":"Allow","Action":"s3:PutObject",
                 "Condition":{"StringEquals":{"aws:username":"a","aws:username":"b"},"StringEquals":{}}},
                 "Statement":[]}""")))
                .extracting(PolicyProblem::path, PolicyProblem::line, PolicyProblem::column)
                .containsExactly(
                        tuple("Statement.Effect", 1, 55),
                        tuple("Statement.Action", 1, 72),
                        tuple("Statement.Condition.StringEquals.aws:username", 2, 50),
                        tuple("Statement.Condition.StringEquals", 2, 70),
                        tuple("Statement", 3, 2));
    }

    @Test
    void namesDifferingInCaseAreDifferentNames() {
        Statement s = valid(PolicyParser.parseLenient("""
                {"Statement":{"Effect":"Allow","Action":"*","Condition":{"StringEquals":{"aws:username":"a","aws:UserName":"b"}}}}"""))
                .statements().get(0);
        assertThat(s.conditions()).hasSize(2);
    }

    @Test
    void deepNestingIsASyntaxErrorNotACrash() {
        String deep = "{\"Statement\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        assertThat(first(PolicyParser.parseLenient(deep)).message()).isEqualTo(SYNTAX);
    }

    @Test
    void textsLongerThanIamAcceptsAreRefusedUnread() {
        String huge = "{\"Id\":\"" + "a".repeat(200_000) + "\"}";
        PolicyProblem problem = first(PolicyParser.parseLenient(huge));
        assertThat(problem.code()).isEqualTo("ValidationError");
        assertThat(problem.message()).endsWith("Member must have length less than or equal to 131072");
    }
}
