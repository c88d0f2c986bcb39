package io.gatehouse.policy;

import static io.gatehouse.policy.Problems.all;
import static io.gatehouse.policy.Problems.answer;
import static io.gatehouse.policy.Problems.first;
import static io.gatehouse.policy.Problems.statement;
import static io.gatehouse.policy.Problems.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Role trust policies (CreateRole, UpdateAssumeRolePolicy):
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
class TrustPolicyGrammarTest {

    static ParseResult trust(String json) {
        return PolicyParser.parse(json, PolicyType.TRUST);
    }

    static String trustStatement(String principal, String rest) {
        return statement("\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRole\"" + rest);
    }

    @Test
    void aServiceTrustPolicyIsValid() {
        valid(trust("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "lambda.amazonaws.com"]}, "Action": "sts:AssumeRole"},
                  {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666", "arn:aws:iam::111122223333:role/path/r"]},
                   "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"],
                   "Condition": {"StringEquals": {"sts:ExternalId": "x"}}},
                  {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC"},
                   "Action": "sts:AssumeRoleWithWebIdentity"},
                  {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity"},
                  {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}
                ]}"""));
    }

    @Test
    void aTrustPolicyMayOmitTheVersion() {
        valid(trust("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}"));
    }

    @Test
    void invalidJsonIsWordedAsTheRoleApisWordIt() {
        // Reported from AWS: https://github.com/AWSCookbook/Security/issues/2 (CreateRole)
        assertThat(first(trust("assume-role-policy.json"))).isEqualTo(
                new PolicyProblem(PolicyProblem.MALFORMED, "This policy contains invalid Json", 1, 1, ""));
    }

    @Test
    void aStatementWithoutPrincipalIsRefused() {
        // Reported from AWS: https://github.com/terraform-aws-modules/terraform-aws-iam/issues/47
        String expected = "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
                + "The passed in policy has a statement with no principals!";
        assertThat(first(trust(statement("\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\""))))
                .extracting(PolicyProblem::message, PolicyProblem::path)
                .containsExactly(expected, "Statement.Principal");
        assertThat(answer(trust(trustStatement("{}", "")))).isEqualTo(expected);
        assertThat(answer(trust(trustStatement("{\"AWS\":[]}", "")))).isEqualTo(expected);
    }

    @Test
    void aTrustPolicyNamesNoResource() {
        // Reported from AWS: https://github.com/kubernetes-sigs/external-dns/issues/3085
        assertThat(first(trust(trustStatement("{\"Service\":\"ec2.amazonaws.com\"}", ",\"Resource\":\"*\""))))
                .extracting(PolicyProblem::message, PolicyProblem::path)
                .containsExactly("Has prohibited field Resource", "Statement.Resource");
        assertThat(answer(trust(trustStatement("{\"Service\":\"ec2.amazonaws.com\"}", ",\"NotResource\":\"*\""))))
                .isEqualTo("Has prohibited field NotResource");
    }

    @Test
    void anIdentityPolicyGivenAsTrustPolicyIsRefused() {
        // The mistake behind https://github.com/kubernetes-sigs/external-dns/issues/3085: no Principal, a Resource.
        assertThat(all(trust(statement("\"Effect\":\"Allow\",\"Action\":\"route53:ChangeResourceRecordSets\",\"Resource\":\"*\""))))
                .extracting(PolicyProblem::path)
                .containsExactly("Statement.Principal", "Statement.Action", "Statement.Resource");
    }

    @Test
    void aTrustPolicyGrantsOnlyStsActions() {
        assertThat(first(trust(statement("\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":[\"sts:AssumeRole\",\"s3:GetObject\"]"))))
                .extracting(PolicyProblem::message, PolicyProblem::path)
                .containsExactly("AssumeRole policy may only specify STS AssumeRole actions.", "Statement.Action[1]");
    }

    @Test
    void anInvalidServicePrincipalIsNamedInUpperCase() {
        // Reported from AWS: https://github.com/aws-samples/aws-cdk-examples/issues/801
        assertThat(answer(trust(trustStatement("{\"Service\":\"amazonaws.com\"}", ""))))
                .isEqualTo("Invalid principal in policy: \"SERVICE\":\"amazonaws.com\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "arn:aws:iam::111122223333:role/*", "arn:aws:s3:::bucket", "root", "arn:aws:iam::1111:root"})
    void anAwsPrincipalIsAnAccountOrAnIamArnWithoutWildcards(String value) {
        assertThat(answer(trust(trustStatement("{\"AWS\":\"" + value + "\"}", ""))))
                .isEqualTo("Invalid principal in policy: \"AWS\":\"" + value + "\"");
    }

    @Test
    void federatedAndCanonicalUserPrincipalsAreChecked() {
        assertThat(answer(trust(trustStatement("{\"Federated\":\"*\"}", ""))))
                .isEqualTo("Invalid principal in policy: \"FEDERATED\":\"*\"");
        String canonical = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        assertThat(answer(trust(trustStatement("{\"CanonicalUser\":\"" + canonical + "\"}", ""))))
                .isEqualTo("Invalid principal in policy: \"CANONICAL_USER\":\"" + canonical + "\"");
    }

    @Test
    void aTrustPolicyIsLimitedTo2048CharactersWithoutWhiteSpace() {
        String big = trustStatement("{\"AWS\":[" + "\"arn:aws:iam::111122223333:role/rrrrrrrrrrrrrrrrrrrr\",".repeat(40)
                + "\"111122223333\"]}", "");
        assertThat(first(trust(big))).isEqualTo(new PolicyProblem(PolicyProblem.LIMIT_EXCEEDED,
                "Cannot exceed quota for ACLSizePerRole: 2048", 0, 0, ""));
        valid(PolicyParser.parse(big, PolicyType.TRUST, new ParseOptions(PolicySizeQuota.trustPolicy(4096), false, "aws")));
    }
}
