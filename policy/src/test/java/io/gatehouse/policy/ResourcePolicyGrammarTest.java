package io.gatehouse.policy;

import static io.gatehouse.policy.Problems.answer;
import static io.gatehouse.policy.Problems.first;
import static io.gatehouse.policy.Problems.statement;
import static io.gatehouse.policy.Problems.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Resource-based policies (bucket, key, queue policies) and VPC endpoint policies, checked with IAM's
 * grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html,
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
class ResourcePolicyGrammarTest {

    static ParseResult resource(String json) {
        return PolicyParser.parse(json, PolicyType.RESOURCE);
    }

    @Test
    void aBucketPolicyIsValid() {
        valid(resource("""
                {"Version": "2012-10-17", "Id": "PolicyForCloudFront", "Statement": [
                  {"Sid": "Grant a CloudFront Origin Identity access", "Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL"},
                   "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"},
                  {"Sid": "Grant a CloudFront Origin Identity access", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                   "Resource": ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
                  {"Effect": "Allow", "Principal": {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
                   "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}
                ]}"""));
    }

    @Test
    void aResourcePolicyNamesAPrincipal() {
        // S3's wording: https://github.com/spantaleev/matrix-docker-ansible-deploy/issues/1869
        assertThat(first(resource(statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\""))))
                .extracting(PolicyProblem::message, PolicyProblem::path)
                .containsExactly("Missing required field Principal", "Statement.Principal");
        valid(resource(statement("\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:*\",\"Resource\":\"*\"")));
    }

    @Test
    void aResourcePolicyNamesResources() {
        assertThat(answer(resource(statement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\""))))
                .isEqualTo("Policy statement must contain resources.");
    }

    @Test
    void principalValuesAreChecked() {
        assertThat(answer(resource(statement("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"everyone\"},\"Action\":\"s3:*\",\"Resource\":\"*\""))))
                .isEqualTo("Invalid principal in policy: \"AWS\":\"everyone\"");
    }

    @Test
    void anEndpointPolicyNamesAPrincipalAndCountsWhiteSpace() {
        assertThat(answer(PolicyParser.parse(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\""), PolicyType.ENDPOINT)))
                .isEqualTo("Missing required field Principal");
        String defaultPolicy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        valid(PolicyParser.parse(defaultPolicy, PolicyType.ENDPOINT));
        String padded = defaultPolicy.replace("{\"Statement\"", "{" + " ".repeat(20_480) + "\"Statement\"");
        assertThat(first(PolicyParser.parse(padded, PolicyType.ENDPOINT))).isEqualTo(new PolicyProblem(
                PolicyProblem.LIMIT_EXCEEDED, "Cannot exceed quota for PolicySize: 20480", 0, 0, ""));
    }
}
