package io.gatehouse.policy;

import static io.gatehouse.policy.Problems.all;
import static io.gatehouse.policy.Problems.first;
import static io.gatehouse.policy.Problems.statement;
import static io.gatehouse.policy.Problems.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Service control policies and resource control policies. Organizations answers every grammar error
 * with one message (reported from AWS: https://github.com/org-formation/org-formation-cli/issues/225).
 */
class OrganizationsPolicyGrammarTest {

    private static final PolicyProblem MALFORMED_AT_DOCUMENT = new PolicyProblem("MalformedPolicyDocumentException",
            "The provided policy document does not meet the requirements of the specified policy type.", 0, 0, "Version");

    static String organizationsAnswer(ParseResult result) {
        PolicyProblem problem = first(result);
        assertThat(problem.code()).isEqualTo("MalformedPolicyDocumentException");
        return problem.message();
    }

    /** https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html */
    @Nested
    class ServiceControlPolicies {

        static ParseResult scp(String json) {
            return PolicyParser.parse(json, PolicyType.SCP);
        }

        @Test
        void denyListAndAllowListPoliciesAreValid() {
            valid(scp("""
                    {"Version": "2012-10-17", "Statement": [
                      {"Sid": "FullAWSAccess", "Effect": "Allow", "Action": "*", "Resource": "*"},
                      {"Sid": "DenyAllOutsideEU", "Effect": "Deny", "NotAction": ["iam:*", "support:*"], "Resource": "*",
                       "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-central-1", "eu-west-1"]}}},
                      {"Effect": "Allow", "Action": "ec2:*", "NotResource": "arn:aws:ec2:*:*:instance/*",
                       "Condition": {"StringEquals": {"aws:PrincipalTag/team": "a"}}}
                    ]}"""));
        }

        @Test
        void anScpNamesNoPrincipal() {
            assertThat(all(scp(statement("\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"*\",\"Resource\":\"*\""))))
                    .extracting(PolicyProblem::path)
                    .contains("Statement.Principal", "Statement.NotPrincipal");
            assertThat(organizationsAnswer(scp(statement("\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\""))))
                    .isEqualTo("The provided policy document does not meet the requirements of the specified policy type.");
        }

        @Test
        void anScpSaysVersion2012() {
            assertThat(first(scp("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}")))
                    .isEqualTo(MALFORMED_AT_DOCUMENT);
        }

        @Test
        void everyGrammarErrorIsWordedTheSame() {
            for (String json : new String[] {"{", statement("\"Effect\":\"Allow\",\"Action\":\"bad\",\"Resource\":\"*\""),
                    statement("\"Effect\":\"Allow\",\"Resource\":\"*\""), statement("\"Effect\":\"Allow\",\"Action\":\"*\"")}) {
                assertThat(organizationsAnswer(scp(json))).as(json)
                        .isEqualTo("The provided policy document does not meet the requirements of the specified policy type.");
            }
        }

        @Test
        void anScpCountsEveryCharacterAgainst5120() {
            String padded = statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"").replace("{\"Version\"", "{" + " ".repeat(5120) + "\"Version\"");
            // Reported from AWS: https://github.com/hashicorp/terraform-provider-aws/issues/12597
            assertThat(first(scp(padded))).isEqualTo(new PolicyProblem("ConstraintViolationException",
                    "You have exceeded the maximum policy size.", 0, 0, ""));
        }
    }

    /** https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html */
    @Nested
    class ResourceControlPolicies {

        static ParseResult rcp(String json) {
            return PolicyParser.parse(json, PolicyType.RCP);
        }

        @Test
        void rcpFullAwsAccessAndDenyStatementsAreValid() {
            valid(rcp("""
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
                      {"Sid": "EnforceOrgIdentities", "Effect": "Deny", "Principal": "*", "Action": ["s3:*", "sqs:*"], "Resource": "*",
                       "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-abc"}, "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}
                    ]}"""));
        }

        @Test
        void theOnlyPrincipalIsStar() {
            assertThat(first(rcp(statement("\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:*\",\"Resource\":\"*\"")))
                    .path()).isEqualTo("Statement.Principal");
            assertThat(first(rcp(statement("\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\""))).path())
                    .isEqualTo("Statement.Principal");
        }

        @Test
        void notPrincipalAndNotActionAreNotSupported() {
            assertThat(all(rcp(statement("\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"s3:GetObject\",\"Resource\":\"*\""))))
                    .extracting(PolicyProblem::path).containsExactly("Statement.NotAction");
            assertThat(all(rcp(statement("\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:*\",\"Resource\":\"*\""))))
                    .extracting(PolicyProblem::path).containsExactly("Statement.Principal", "Statement.NotPrincipal");
        }

        @Test
        void allowIsOnlyTheFullAccessForm() {
            assertThat(all(rcp(statement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\""))))
                    .extracting(PolicyProblem::path).containsExactly("Statement.Effect");
            assertThat(all(rcp(statement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}"))))
                    .extracting(PolicyProblem::path).containsExactly("Statement.Effect");
        }
    }
}
