package io.gatehouse.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import org.junit.jupiter.api.Test;

/**
 * Every kind of validation message, worded as AWS words it. IAM no longer shows the offending value
 * ({@code Value at 'roleName'}); STS still does ({@code Value 'Session1:2' at 'roleSessionName'}).
 */
class ValidationTest {

    private static final QueryProtocol IAM = QueryProtocol.of(ServiceModel.load("iam"));
    private static final QueryProtocol STS = QueryProtocol.of(ServiceModel.load("sts"));

    private static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";

    private static String iam(String body) {
        return message(IAM, "Version=2010-05-08&" + body);
    }

    private static String sts(String body) {
        return message(STS, "Version=2011-06-15&" + body);
    }

    private static String message(QueryProtocol protocol, String body) {
        AwsException e = org.junit.jupiter.api.Assertions.assertThrows(AwsException.class,
                () -> protocol.decode(Forms.parse(body)));
        assertThat(e.error()).isEqualTo(AwsError.VALIDATION_ERROR);
        assertThat(e.error().status()).isEqualTo(400);
        return e.getMessage();
    }

    private static String one(String violation) {
        return "1 validation error detected: " + violation;
    }

    @Test
    void aMissingRequiredMember() {
        assertThat(iam("Action=CreateUser")).isEqualTo(one(
                "Value at 'userName' failed to satisfy constraint: Member must not be null"));
    }

    @Test
    void severalMissingMembersInModelOrder() {
        assertThat(iam("Action=PutUserPolicy")).isEqualTo("3 validation errors detected: "
                + "Value at 'userName' failed to satisfy constraint: Member must not be null; "
                + "Value at 'policyName' failed to satisfy constraint: Member must not be null; "
                + "Value at 'policyDocument' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void tooLong() {
        assertThat(iam("Action=CreateRole&AssumeRolePolicyDocument=%7B%7D&RoleName=" + "r".repeat(65)))
                .isEqualTo(one("Value at 'roleName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 64"));
    }

    @Test
    void tooShort() {
        assertThat(iam("Action=ListEntitiesForPolicy&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Ax"))
                .isEqualTo(one("Value at 'policyArn' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 20"));
    }

    @Test
    void lengthCountsCodePoints() {
        assertThat(IAM.decode(Forms.parse("Version=2010-05-08&Action=TagUser&UserName=u&Tags.member.1.Key=k"
                + "&Tags.member.1.Value=" + "%F0%9D%90%80".repeat(256))).input().structs("Tags")).hasSize(1);
    }

    @Test
    void pattern() {
        assertThat(iam("Action=GetRole&RoleName=/service-role/visitor-counter-role")).isEqualTo(one(
                "Value at 'roleName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]+"));
    }

    @Test
    void aValueOverItsMaximumIsNotMatchedAgainstItsPattern() {
        assertThat(iam("Action=CreatePolicy&PolicyName=p&PolicyDocument=%7B%7D&Path=" + "/a".repeat(100_000) + "/"))
                .isEqualTo(one("Value at 'path' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 512"));
    }

    @Test
    void enumeration() {
        assertThat(iam("Action=ListPolicies&Scope=Everything")).isEqualTo(one("Value at 'scope' failed to "
                + "satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]"));
    }

    @Test
    void range() {
        assertThat(iam("Action=ListUsers&MaxItems=1001")).isEqualTo(one(
                "Value at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000"));
        assertThat(iam("Action=ListUsers&MaxItems=0")).isEqualTo(one(
                "Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    }

    @Test
    void membersOfListElementsAreNamedByPosition() {
        assertThat(iam("Action=CreateUser&UserName=u&Tags.member.1.Key=bad*key&Tags.member.1.Value=v"
                + "&Tags.member.2.Key=k")).isEqualTo("2 validation errors detected: "
                + "Value at 'tags.1.member.key' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: " + TAG_KEY_PATTERN + "; "
                + "Value at 'tags.2.member.value' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void tooManyElements() {
        StringBuilder tags = new StringBuilder("Action=TagRole&RoleName=r");
        for (int i = 1; i <= 51; i++) {
            tags.append("&Tags.member.").append(i).append(".Key=k").append(i).append("&Tags.member.").append(i)
                    .append(".Value=v");
        }
        assertThat(iam(tags.toString())).isEqualTo(one(
                "Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"));
    }

    @Test
    void aBadScalarElementIsReportedAtItsListWithEveryConstraint() {
        assertThat(iam("Action=UntagUser&UserName=u&TagKeys.member.1=ok&TagKeys.member.2=")).isEqualTo(one(
                "Value at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: ["
                        + "Member must have length less than or equal to 128, "
                        + "Member must have length greater than or equal to 1, "
                        + "Member must satisfy regular expression pattern: " + TAG_KEY_PATTERN + ", "
                        + "Member must not be null]"));
        assertThat(iam("Action=GetAccountAuthorizationDetails&Filter.member.1=User&Filter.member.2=Everyone"))
                .isEqualTo(one("Value at 'filter' failed to satisfy constraint: Member must satisfy constraint: ["
                        + "Member must satisfy enum value set: [User, Role, Group, LocalManagedPolicy, "
                        + "AWSManagedPolicy], Member must not be null]"));
    }

    @Test
    void atMostTenViolationsAreReportedAndCounted() {
        StringBuilder tags = new StringBuilder("Action=TagUser&UserName=u");
        for (int i = 1; i <= 12; i++) {
            tags.append("&Tags.member.").append(i).append(".Key=bad*").append("&Tags.member.").append(i)
                    .append(".Value=v");
        }
        String message = iam(tags.toString());

        assertThat(message).startsWith("10 validation errors detected: Value at 'tags.1.member.key' ")
                .endsWith("Value at 'tags.10.member.key' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: " + TAG_KEY_PATTERN);
        assertThat(message.split("; ")).hasSize(10);
    }

    @Test
    void oneValueCanBreakSeveralConstraints() {
        assertThat(iam("Action=CreateLoginProfile&Password=")).isEqualTo("2 validation errors detected: "
                + "Value at 'password' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1; "
                + "Value at 'password' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    }

    @Test
    void stsShowsTheValue() {
        assertThat(sts("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr"
                + "&RoleSessionName=Session1%3A2")).isEqualTo(one(
                "Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]*"));
        String name = "s".repeat(65);
        assertThat(sts("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr"
                + "&RoleSessionName=" + name)).isEqualTo(one("Value '" + name + "' at 'roleSessionName' failed to "
                + "satisfy constraint: Member must have length less than or equal to 64"));
    }

    @Test
    void stsShowsNullAndNumbers() {
        assertThat(sts("Action=AssumeRole&RoleSessionName=s1&DurationSeconds=20")).isEqualTo(
                "2 validation errors detected: "
                        + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null; "
                        + "Value '20' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 900");
    }

    @Test
    void stsShowsListsOfScalarsButNotOfStructures() {
        assertThat(sts("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=s1"
                + "&PolicyArns.member.1.arn=short&TransitiveTagKeys.member.1=ok&TransitiveTagKeys.member.2=bad*"))
                .isEqualTo("2 validation errors detected: "
                        + "Value 'short' at 'policyArns.1.member.arn' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 20; "
                        + "Value '[ok, bad*]' at 'transitiveTagKeys' failed to satisfy constraint: "
                        + "Member must satisfy constraint: [Member must have length less than or equal to 128, "
                        + "Member must have length greater than or equal to 1, "
                        + "Member must satisfy regular expression pattern: " + TAG_KEY_PATTERN + ", "
                        + "Member must not be null]");
    }

    @Test
    void secretsAreNeverShown() {
        assertThat(sts("Action=AssumeRoleWithSAML&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr"
                + "&PrincipalArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Asaml-provider%2Fp&SAMLAssertion=abc"))
                .isEqualTo(one("Value at 'sAMLAssertion' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 4"))
                .doesNotContain("abc");
        assertThat(sts("Action=AssumeRoleWithWebIdentity&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr"
                + "&RoleSessionName=s1")).isEqualTo(one(
                "Value at 'webIdentityToken' failed to satisfy constraint: Member must not be null"));
    }

    @Test
    void aValidRequestPasses() {
        assertThat(IAM.decode(Forms.parse("Version=2010-05-08&Action=CreateUser&UserName=alice%2B1%40example.com"
                + "&Path=%2Fa%2Fb%2F&Tags.member.1.Key=env&Tags.member.1.Value=")).input().string("UserName"))
                .isEqualTo("alice+1@example.com");
        assertThatThrownBy(() -> IAM.decode(Forms.parse("Version=2010-05-08&Action=CreateUser&UserName=a&Path=a")))
                .hasMessageContaining("'path'");
    }
}
