package io.gatehouse.policy;

import static io.gatehouse.policy.Problems.all;
import static io.gatehouse.policy.Problems.answer;
import static io.gatehouse.policy.Problems.first;
import static io.gatehouse.policy.Problems.statement;
import static io.gatehouse.policy.Problems.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IAM's grammar for identity-based policies (managed policies, inline policies, permissions
 * boundaries, session policies). Messages as IAM returns them; sources in docs/policy-grammar.md.
 * Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
class IdentityPolicyGrammarTest {

    private static final String SYNTAX = "Syntax errors in policy.";
    private static final String LEGACY = "The policy failed legacy parsing";
    private static final ParseOptions INLINE = ParseOptions.inline(PolicySizeQuota.roleInline("app"));

    static ParseResult identity(String json) {
        return PolicyParser.parse(json, PolicyType.IDENTITY);
    }

    static ParseResult managed(String json) {
        return PolicyParser.parse(json, PolicyType.IDENTITY, ParseOptions.managedPolicy());
    }

    @Test
    void aWellFormedManagedPolicyIsValid() {
        valid(identity("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "ReadBucket", "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"],
                     "Resource": ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/${aws:username}/*"],
                     "Condition": {"StringLike": {"s3:prefix": ["home/"]}, "Bool": {"aws:SecureTransport": true},
                                   "ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": "team"},
                                   "DateGreaterThan": {"aws:CurrentTime": "2024-01-01T00:00:00Z"},
                                   "NumericLessThanEquals": {"s3:max-keys": 10}}},
                    {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*"}
                  ]
                }"""));
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html */
    @Nested
    class Version {

        @Test
        void aManagedPolicyMustBeVersion2012() {
            String noVersion = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}";
            assertThat(first(managed(noVersion))).isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED,
                    "Policy document must be version 2012-10-17 or greater.", 0, 0, "Version"));
            assertThat(answer(managed(noVersion.replace("{\"Statement\"", "{\"Version\":\"2008-10-17\",\"Statement\""))))
                    .isEqualTo("Policy document must be version 2012-10-17 or greater.");
            assertThat(answer(PolicyParser.parse(noVersion, PolicyType.BOUNDARY)))
                    .isEqualTo("Policy document must be version 2012-10-17 or greater.");
        }

        @Test
        void inlineAndSessionPoliciesMayOmitTheVersionOrUse2008() {
            String noVersion = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}";
            valid(PolicyParser.parse(noVersion, PolicyType.IDENTITY, INLINE));
            valid(identity(noVersion));
            valid(PolicyParser.parse(noVersion, PolicyType.SESSION));
            valid(PolicyParser.parse(noVersion.replace("{\"Statement\"", "{\"Version\":\"2008-10-17\",\"Statement\""),
                    PolicyType.IDENTITY, INLINE));
        }

        @Test
        void anUnknownVersionIsASyntaxError() {
            PolicyProblem problem = first(identity(
                    "{\"Version\":\"2013-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}"));
            assertThat(problem).isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED, SYNTAX, 1, 12, "Version"));
        }

        @Test
        void variablesIn2008DocumentsAreLiteralTextNotErrors() {
            valid(PolicyParser.parse("""
                    {"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}}""",
                    PolicyType.IDENTITY, INLINE));
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html */
    @Nested
    class Effect {

        @Test
        void effectInAnotherCaseFailsLegacyParsing() {
            // Reported from AWS: https://github.com/hashicorp/terraform/issues/10057
            PolicyProblem problem = first(identity(statement("\"Effect\":\"allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"")));
            assertThat(problem).isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED, LEGACY, 1, 47, "Statement.Effect"));
        }

        @Test
        void effectThatIsNeitherAllowNorDenyIsASyntaxError() {
            assertThat(answer(identity(statement("\"Effect\":\"invalid\",\"Action\":\"s3:*\",\"Resource\":\"*\""))))
                    .isEqualTo(SYNTAX);
        }

        @Test
        void missingEffectIsASyntaxError() {
            assertThat(answer(identity(statement("\"Action\":\"s3:*\",\"Resource\":\"*\"")))).isEqualTo(SYNTAX);
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html */
    @Nested
    class Conditions {

        @ParameterizedTest
        @ValueSource(strings = {"StringEquals", "ForAllValues:StringLike", "ForAnyValue:ArnLikeIfExists",
                "NumericGreaterThanEqualsIfExists", "BinaryEquals", "IpAddress", "NotIpAddress", "Null",
                "DateNotEquals", "BoolIfExists", "StringNotEqualsIgnoreCase", "ArnNotLike"})
        void knownOperatorsAreAccepted(String operator) {
            valid(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"" + operator + "\":{\"aws:username\":\"x\"}}").replace("\"x\"",
                    operator.startsWith("Date") ? "\"2020-01-01\"" : "\"x\"")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"StringEqual", "stringequals", "ForAnyValue::StringEquals", "ForEachValue:StringEquals",
                "StringEqualsIfExist", "IfExists"})
        void unknownOperatorsAreSyntaxErrors(String operator) {
            List<PolicyProblem> problems = all(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"" + operator + "\":{\"a:b\":\"1\",\"c:d\":\"2\"}}")));
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).message()).isEqualTo(SYNTAX);
            assertThat(problems.get(0).path()).startsWith("Statement.Condition");
        }

        @Test
        void anUnknownOperatorWithAnEmptyBlockIsIgnored() {
            valid(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"x\":{},\"y\":{}}")));
        }

        @Test
        void aKeyWithoutAnOperatorIsASyntaxError() {
            // Reported from AWS: https://github.com/aws-cloudformation/cfn-lint/issues/3751
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"servicecatalog:accountLevel\":\"self\"}")))).isEqualTo(SYNTAX);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2019-07-01T13:20:15Z", "2016-12-13T21:20:37.593194+00:00", "2016-12-13t2:00:00.593194+23",
                "2020-01-01T12:00:00-05:00", "01T", "2020", "2020-02", "1500000000", "0", "-292275054",
                "${aws:CurrentTime}"})
        void dateValuesIamReadsAreAccepted(String value) {
            valid(identity(dateCondition("\"" + value + "\"")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"sdfdsf", "234-13", "2016-12-13t2:00:00.593194+1", "2016-12-13t2:00:00.1999999999+10:59",
                "9223372036854775808", "2020-01-32", "2020-01-01T24:00:00Z", "2020-01-01T10:00:00Zx", ""})
        void dateValuesIamCannotReadFailLegacyParsing(String value) {
            assertThat(first(identity(dateCondition("[\"2020-01-01\",\"" + value + "\"]"))))
                    .extracting(PolicyProblem::message, PolicyProblem::path)
                    .containsExactly(LEGACY, "Statement.Condition.DateLessThan.aws:CurrentTime[1]");
        }

        @Test
        void epochNumbersAreDates() {
            valid(identity(dateCondition("1500000000")));
        }

        private static String dateCondition(String values) {
            return statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":" + values + "}}");
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html */
    @Nested
    class Sid {

        @Test
        void sidsHoldOnlyLettersAndDigits() {
            // Message recorded by CloudTrail for CreatePolicy (splunk/attack_data, T1580 assume-role brute force).
            PolicyProblem problem = first(identity(statement(
                    "\"Sid\":\"Atomic_Red_Team\",\"Effect\":\"Allow\",\"Action\":\"iam:CreatePolicyVersion\",\"Resource\":\"*\"")));
            assertThat(problem.message()).isEqualTo("Statement IDs (SID) must be alpha-numeric. "
                    + "Check that your input satisfies the regular expression [0-9A-Za-z]*");
            assertThat(problem.path()).isEqualTo("Statement.Sid");
        }

        @Test
        void sidsAreUniqueButMayBeEmpty() {
            String twice = """
                    {"Version":"2012-10-17","Statement":[
                      {"Sid":"sdf","Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},
                      {"Sid":"sdf","Effect":"Allow"}]}""";
            assertThat(first(identity(twice))).extracting(PolicyProblem::message, PolicyProblem::path)
                    .containsExactly("Statement IDs (SID) in a single policy must be unique.", "Statement[1].Sid");
            valid(identity("""
                    {"Version":"2012-10-17","Statement":[
                      {"Sid":"","Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},
                      {"Sid":"","Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}"""));
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html */
    @Nested
    class Actions {

        @Test
        void aStatementMustNameActions() {
            // Reported from AWS: https://github.com/aws/aws-cdk/issues/7615
            assertThat(first(identity(statement("\"Effect\":\"Allow\",\"Resource\":\"*\""))))
                    .extracting(PolicyProblem::message, PolicyProblem::path)
                    .containsExactly("Policy statement must contain actions.", "Statement.Action");
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\""))))
                    .isEqualTo("Policy statement must contain actions.");
        }

        @Test
        void actionAndNotActionTogetherAreASyntaxError() {
            assertThat(first(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotAction\":\"iam:*\",\"Resource\":\"*\""))))
                    .extracting(PolicyProblem::message, PolicyProblem::path)
                    .containsExactly(SYNTAX, "Statement.NotAction");
        }

        @ParameterizedTest
        @ValueSource(strings = {"invalid", "", "GetObject"})
        void anActionNeedsAVendorPrefix(String action) {
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\""))))
                    .isEqualTo("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        }

        @Test
        void anActionHasOneColon() {
            // Reported from AWS: https://github.com/garnaat/kappa/issues/111
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:List:Bucket\",\"Resource\":\"*\""))))
                    .isEqualTo("Actions/Condition can contain only one colon.");
        }

        @Test
        void aVendorIsLettersDigitsDotsAndDashes() {
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"a a:ListBucket\",\"Resource\":\"*\""))))
                    .isEqualTo("Vendor a a is not valid");
            valid(identity(statement("\"Effect\":\"Allow\",\"Action\":[\"*\",\"s3-s:ListBucket\",\"s3.s:ListBucket\","
                    + "\"iam: asdf safdsf af \"],\"Resource\":\"*\"")));
        }

        @Test
        void aVendorHasNoWildcards() {
            // Reported from AWS: https://github.com/boogy/iam-policy-validator/pull/172
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":[\"*:Untag*\",\"s3:GetObject\"],\"Resource\":\"*\""))))
                    .isEqualTo("Action vendors (e.g., aws, ec2, etc.) must not contain wildcards");
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html */
    @Nested
    class Resources {

        @Test
        void anIdentityPolicyStatementMustNameResources() {
            // Reported from AWS: https://github.com/trussworks/terraform-aws-s3-anti-virus/issues/28
            assertThat(first(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\""))))
                    .extracting(PolicyProblem::message, PolicyProblem::path)
                    .containsExactly("Policy statement must contain resources.", "Statement.Resource");
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":[]"))))
                    .isEqualTo("Policy statement must contain resources.");
        }

        @Test
        void resourceAndNotResourceTogetherAreASyntaxError() {
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"NotResource\":[]"))))
                    .isEqualTo(SYNTAX);
        }

        @Test
        void aResourceIsAnArnOrStar() {
            // Message recorded by CloudTrail for CreatePolicy (splunk/attack_data, T1580 assume-role brute force).
            String registry = "174313347505.dkr.ecr.us-west-2.amazonaws.com/mhart-experimental";
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"ecr:*\",\"Resource\":\"" + registry + "\""))))
                    .isEqualTo("Resource " + registry + " must be in ARN format or \"*\".");
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"\""))))
                    .isEqualTo("Resource  must be in ARN format or \"*\".");
        }

        @Test
        void aResourceIsInTheServersPartition() {
            // Reported from AWS: https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/1557,
            // https://github.com/aws/copilot-cli/issues/3844
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws-cn:s3:::b\""))))
                    .isEqualTo("Partition \"aws-cn\" is not valid for resource \"arn:aws-cn:s3:::b\".");
            // A server in the China Regions refuses the commercial partition.
            ParseResult china = PolicyParser.parse(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::artisan-packer-image-s3\""),
                    PolicyType.IDENTITY, ParseOptions.defaultsFor(PolicyType.IDENTITY).withPartition("aws-cn"));
            assertThat(answer(china)).isEqualTo("Partition \"aws\" is not valid for resource \"arn:aws:s3:::artisan-packer-image-s3\".");
            valid(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:*:s3:::b\"")));
        }

        @Test
        void thePartitionMessageQuotesSixSegments() {
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"a:bsdfdsafsad\""))))
                    .isEqualTo("Partition \"bsdfdsafsad\" is not valid for resource \"arn:bsdfdsafsad:*:*:*:*\".");
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"aws:s3:::example_bucket\""))))
                    .isEqualTo("Partition \"s3\" is not valid for resource \"arn:s3:::example_bucket:*\".");
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"a:b:c:d:e:f:g:h\""))))
                    .isEqualTo("Partition \"b\" is not valid for resource \"arn:b:c:d:e:f:g:h\".");
        }

        @ParameterizedTest
        @ValueSource(strings = {"arn:aws", "arn:aws:*:*:*:*fss-prod*", "arn:aws:s3*:::b"})
        void theServiceIsLiteral(String resource) {
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"" + resource + "\""))))
                    .isEqualTo("Resource vendor must be fully qualified and cannot contain regexes.");
        }

        @Test
        void iamAndS3BucketResourcesHaveNoRegion() {
            // Reported from AWS through CloudFormation for arn:aws:iam:us-east-1:123456789012:role/GlueJobRole.
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"arn:aws:iam:us-east-1:123456789012:role/GlueJobRole\""))))
                    .isEqualTo("IAM resource arn:aws:iam:us-east-1:123456789012:role/GlueJobRole cannot contain region information.");
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:us-east-1::example_bucket\""))))
                    .isEqualTo("Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.");
            valid(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":["
                    + "\"arn:aws:s3:us-west-2:123456789012:accesspoint/ap\",\"arn:aws:s3:us-east-1:123456789012:job/*\"]")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"arn:aws:s3::example_bucket", "arn:aws::fdsasf", "arn:aws::::example_bucket",
                "arn:aws:sts::ACCOUNT_ID:federated-user/S3UploadWebToken", "arn:aws:dynamodb:us-west--2:*:table/t"})
        void resourcesTheLegacyParserCannotReadFailLegacyParsing(String resource) {
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"" + resource + "\""))))
                    .isEqualTo(LEGACY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "arn:aws:s3:::b/*", "arn:aws:fdsasf", "arn:aws:s33:::example_bucket",
                "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:ec2:region:account-id:instance/*",
                "arn:aws:iam::${aws:PrincipalAccount}:role/x", "arn:aws:invalid-service:us-east-1::x",
                "arn:aws:iam::*:user/${aws:username}", "arn:aws:rds:*:*:*"})
        void resourcesIamAccepts(String resource) {
            valid(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"" + resource + "\"")));
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html */
    @Nested
    class Principals {

        @Test
        void anIdentityPolicyNamesNoPrincipal() {
            // Reported from AWS: https://github.com/hashicorp/terraform-provider-aws/issues/10419
            PolicyProblem problem = first(identity(statement(
                    "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/u\"},\"Action\":\"s3:*\",\"Resource\":\"*\"")));
            assertThat(problem).isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED,
                    "Policy document should not specify a principal.", 1, 55, "Statement.Principal"));
            for (PolicyType type : List.of(PolicyType.BOUNDARY, PolicyType.SESSION)) {
                assertThat(answer(PolicyParser.parse(statement(
                        "\"Effect\":\"Deny\",\"NotPrincipal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\""), type)))
                        .isEqualTo("Policy document should not specify a principal.");
            }
        }

        @Test
        void aTrustPolicyPutAsAnInlinePolicyIsRefusedForItsPrincipalFirst() {
            // Reported from AWS: https://github.com/hashicorp/terraform/issues/13449 (no Resource either)
            assertThat(answer(PolicyParser.parse(statement(
                    "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\""),
                    PolicyType.IDENTITY, INLINE))).isEqualTo("Policy document should not specify a principal.");
        }
    }

    /** When a document has several faults, the first problem is the one IAM reports. */
    @Nested
    class Order {

        @Test
        void versionComesBeforeSidsAndLegacyParsing() {
            assertThat(answer(managed("""
                    {"Statement":[{"Sid":"sdf","Effect":"aLLow","Action":"s3:ListBucket","Resource":"*"},{"Sid":"sdf","Effect":"Allow"}]}""")))
                    .isEqualTo("Policy document must be version 2012-10-17 or greater.");
        }

        @Test
        void legacyParsingComesBeforeSidsAndActions() {
            assertThat(answer(identity("""
                    {"Version":"2012-10-17","Statement":[{"Sid":"sdf","Effect":"aLLow","Action":"s3:ListBucket","Resource":"*"},{"Sid":"sdf","Effect":"Allow"}]}""")))
                    .isEqualTo(LEGACY);
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Resource\":\"arn:aws:s3::example_bucket\""))))
                    .isEqualTo(LEGACY);
        }

        @Test
        void missingActionsComeBeforeResourceFormats() {
            assertThat(answer(identity("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Deny"},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"bad"}]}""")))
                    .isEqualTo("Policy statement must contain actions.");
        }

        @Test
        void resourceFormatsComeBeforeActionFormats() {
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"s:3:ListBucket\",\"Resource\":\"sdfsadf\""))))
                    .isEqualTo("Resource sdfsadf must be in ARN format or \"*\".");
        }

        @Test
        void actionFormatsComeBeforeMissingResources() {
            assertThat(answer(identity(statement("\"Effect\":\"Allow\",\"Action\":\"invalid\""))))
                    .isEqualTo("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        }

        @Test
        void everyProblemIsCollectedWithItsPlace() {
            List<PolicyProblem> problems = all(identity("""
                    {"Version": "2012-10-17",
                     "Statement": [
                      {"Sid": "a-b", "Effect": "Allow", "Action": ["s3:GetObject", "GetObject"], "Resource": "bucket"},
                      {"Effect": "Deny", "Principal": "*", "Action": "s3:*"}
                     ]}"""));
            assertThat(problems).extracting(PolicyProblem::path).containsExactly(
                    "Statement[0].Sid", "Statement[0].Resource", "Statement[0].Action[1]",
                    "Statement[1].Principal", "Statement[1].Resource");
            assertThat(problems.get(2)).isEqualTo(new PolicyProblem(PolicyProblem.MALFORMED,
                    "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.", 3, 64, "Statement[0].Action[1]"));
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length */
    @Nested
    class Size {

        @Test
        void aManagedPolicyIsLimitedTo6144CharactersWithoutWhiteSpace() {
            String base = "{\"Id\":\"\",\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";
            int baseSize = PolicySizeQuota.managedPolicy().measure(base);
            String fits = base.replace("\"Id\":\"", "\"Id\":\"" + "a".repeat(6144 - baseSize));
            assertThat(PolicySizeQuota.managedPolicy().measure(fits)).isEqualTo(6144);
            valid(identity(fits.replace(",", " ,\n\t ")));
            String over = fits.replace("\"Id\":\"", "\"Id\":\"b");
            assertThat(all(identity(over))).containsExactly(new PolicyProblem(PolicyProblem.LIMIT_EXCEEDED,
                    "Cannot exceed quota for PolicySize: 6144", 0, 0, ""));
        }

        @Test
        void sizeIsReportedAfterGrammarErrors() {
            String over = "{\"Id\":\"" + "x".repeat(7000) + "\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"bad\",\"Resource\":\"*\"}}";
            assertThat(all(identity(over))).extracting(PolicyProblem::code)
                    .containsExactly(PolicyProblem.MALFORMED, PolicyProblem.LIMIT_EXCEEDED);
        }
    }
}
