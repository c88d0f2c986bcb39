package io.gatehouse.server.it;

import static io.gatehouse.server.it.AssumeRoleFixtures.assume;
import static io.gatehouse.server.it.AssumeRoleFixtures.aws;
import static io.gatehouse.server.it.AssumeRoleFixtures.role;
import static io.gatehouse.server.it.AssumeRoleFixtures.session;
import static io.gatehouse.server.it.AssumeRoleFixtures.stsDenial;
import static io.gatehouse.server.it.AssumeRoleFixtures.trust;
import static io.gatehouse.server.it.AssumeRoleFixtures.userAndRole;
import static io.gatehouse.server.it.AssumeRoleFixtures.userArn;
import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.it.AssumeRoleFixtures.Trusting;
import io.gatehouse.server.store.Backend;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * What a role session may do beyond its role: session policies limit it (inline and managed), session tags become its
 * principal tags and transitive ones survive role chaining, a source identity stays along the chain, and the
 * documented "revoke active sessions" policy ends the sessions issued before it.
 */
class RoleSessionTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String GROUPS = "arn:aws:iam::" + ACCOUNT + ":group/";
    private static final String USERS = "arn:aws:iam::" + ACCOUNT + ":user/";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sessionPoliciesLimitTheSessionToWhatBothAllow(Backend backend) {
        TestServer server = servers.get(backend);
        Trusting s = userAndRole(server, "\"sts:AssumeRole\"", allow("iam:ListUsers", "iam:ListGroups"));
        String policyName = unique("rs-groups");
        String managedArn = server.iam().createPolicy(r -> r.policyName(policyName)
                .policyDocument(allow("iam:ListGroups", "iam:ListRoles"))).policy().arn();

        AssumeRoleResponse inline;
        try (StsClient sts = server.sts(s.key())) {
            inline = sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("inline")
                    .policy(allow("iam:ListUsers", "iam:ListRoles")));
            assertThat(inline.packedPolicySize()).isBetween(1, 100);
            AssumeRoleResponse managed = sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("managed")
                    .policyArns(p -> p.arn(managedArn)));
            try (IamClient iam = server.iam(session(managed.credentials()))) {
                assertThat(iam.listGroups().groups()).isNotNull();
                assertAwsError(iam::listUsers, "AccessDenied", 403, "User: " + managed.assumedRoleUser().arn()
                        + " is not authorized to perform: iam:ListUsers on resource: " + USERS
                        + " because no session policy allows the iam:ListUsers action");
            }
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("bad").policy("{")),
                    "MalformedPolicyDocument", 400, "Syntax errors in policy.");
        }
        try (IamClient iam = server.iam(session(inline.credentials()))) {
            assertThat(iam.listUsers().users()).isNotNull();
            // The role allows ListGroups, the session policy does not; the session policy allows ListRoles, the
            // role does not.
            assertAwsError(iam::listGroups, "AccessDenied", 403, "User: " + inline.assumedRoleUser().arn()
                    + " is not authorized to perform: iam:ListGroups on resource: " + GROUPS
                    + " because no session policy allows the iam:ListGroups action");
            assertDenied(() -> iam.listRoles(), inline.assumedRoleUser().arn(), "iam:ListRoles",
                    "arn:aws:iam::" + ACCOUNT + ":role/");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void policiesAndTagsBeyondThePackedLimitAreRefused(Backend backend) {
        TestServer server = servers.get(backend);
        Trusting s = userAndRole(server, "[\"sts:AssumeRole\",\"sts:TagSession\"]", allow("iam:ListUsers"));
        SecureRandom random = new SecureRandom();
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[180];
            random.nextBytes(bytes);
            tags.add(Tag.builder().key("key" + i).value(Base64.getEncoder().encodeToString(bytes).replace('/', '-'))
                    .build());
        }
        try (StsClient sts = server.sts(s.key())) {
            var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                    software.amazon.awssdk.awscore.exception.AwsServiceException.class,
                    () -> sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("big").tags(tags)));
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("PackedPolicyTooLarge");
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorMessage()).matches("Packed policy consumes \\d{3,}% of allotted space");
            assertThat(sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("small").tags(tags.subList(0, 2)))
                    .packedPolicySize()).isBetween(1, 100);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sessionTagsArePrincipalTagsAndTransitiveOnesSurviveRoleChaining(Backend backend) {
        TestServer server = servers.get(backend);
        String teamBlue = "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}";
        Trusting s = userAndRole(server, "[\"sts:AssumeRole\",\"sts:TagSession\"]",
                allowWhere("\"iam:ListUsers\"", "\"*\"", teamBlue));
        server.iam().tagRole(r -> r.roleName(s.roleName()).tags(t -> t.key("Team").value("red")));
        String secondName = unique("rs-second");
        String second = role(server.iam(), secondName, trust(aws(s.roleArn()), "[\"sts:AssumeRole\",\"sts:TagSession\"]",
                null));
        server.iam().putRolePolicy(r -> r.roleName(s.roleName()).policyName("chain")
                .policyDocument(allow("sts:AssumeRole", "sts:TagSession")));
        server.iam().putRolePolicy(r -> r.roleName(secondName).policyName("own").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListGroups\","
                        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}},"
                        + "{\"Effect\":\"Allow\",\"Action\":\"iam:ListRoles\",\"Resource\":\"*\","
                        + "\"Condition\":{\"Null\":{\"aws:PrincipalTag/env\":\"false\"}}}]}"));

        AwsSessionCredentials first;
        String firstArn;
        try (StsClient sts = server.sts(s.key())) {
            AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("tagged")
                    .tags(t -> t.key("team").value("blue"), t -> t.key("env").value("dev"))
                    .transitiveTagKeys("team"));
            first = session(response.credentials());
            firstArn = response.assumedRoleUser().arn();
            AssumeRoleResponse untagged = sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("untagged"));
            try (IamClient iam = server.iam(session(untagged.credentials()))) {
                // The role's own tag Team=red is its principal tag when the session passes none.
                assertAwsError(iam::listUsers, "AccessDenied", 403, "User: " + untagged.assumedRoleUser().arn()
                        + " is not authorized to perform: iam:ListUsers on resource: " + USERS
                        + " because no identity-based policy allows the iam:ListUsers action");
            }
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("tagged")
                            .tags(t -> t.key("a").value("1")).transitiveTagKeys("b")),
                    "InvalidParameterValue", 400, "The transitive tag key b is not the key of a session tag of the request.");
        }
        try (IamClient iam = server.iam(first)) {
            // The session tag team=blue replaces the role's tag Team=red (keys compare without regard to case).
            assertThat(iam.listUsers().users()).isNotNull();
        }
        try (StsClient sts = server.sts(first)) {
            AssumeRoleResponse chained = sts.assumeRole(r -> r.roleArn(second).roleSessionName("chained"));
            try (IamClient iam = server.iam(session(chained.credentials()))) {
                assertThat(iam.listGroups().groups()).as("team=blue was transitive").isNotNull();
                assertDenied(() -> iam.listRoles(), chained.assumedRoleUser().arn(), "iam:ListRoles",
                        "arn:aws:iam::" + ACCOUNT + ":role/");
            }
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(second).roleSessionName("override")
                            .tags(t -> t.key("TEAM").value("green"))), "InvalidParameterValue", 400,
                    "The session tag TEAM has the key of a transitive tag the calling session passes on.");
        }
        // Without sts:TagSession in the trust policy, tags are refused.
        server.iam().updateAssumeRolePolicy(r -> r.roleName(secondName)
                .policyDocument(trust(aws(s.roleArn()), "\"sts:AssumeRole\"", null)));
        try (StsClient sts = server.sts(first)) {
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(second).roleSessionName("chained")), "AccessDenied",
                    403, stsDenial(firstArn, "sts:TagSession", second));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSourceIdentityIsSetOnceAndStaysAlongTheChain(Backend backend) {
        TestServer server = servers.get(backend);
        Trusting s = userAndRole(server, "[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]", allowWhere(
                "[\"iam:ListUsers\",\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]", "\"*\"",
                "{\"StringEquals\":{\"aws:SourceIdentity\":\"alice\"}}"));
        String second = role(server.iam(), unique("rs-next"),
                trust(aws(s.roleArn()), "[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]", null));
        String plain = role(server.iam(), unique("rs-plain"), trust(aws(userArn(s.user())), "\"sts:AssumeRole\"", null));

        AssumeRoleResponse response;
        try (StsClient sts = server.sts(s.key())) {
            response = sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("src").sourceIdentity("alice"));
            assertThat(response.sourceIdentity()).isEqualTo("alice");
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(plain).roleSessionName("src").sourceIdentity("alice")),
                    "AccessDenied", 403, stsDenial(userArn(s.user()), "sts:SetSourceIdentity", plain));
        }
        AwsSessionCredentials first = session(response.credentials());
        try (IamClient iam = server.iam(first)) {
            assertThat(iam.listUsers().users()).isNotNull();
        }
        try (StsClient sts = server.sts(first)) {
            assertThat(sts.assumeRole(r -> r.roleArn(second).roleSessionName("next")).sourceIdentity())
                    .isEqualTo("alice");
            assertThat(sts.assumeRole(r -> r.roleArn(second).roleSessionName("next").sourceIdentity("alice"))
                    .sourceIdentity()).isEqualTo("alice");
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(second).roleSessionName("next").sourceIdentity("mallory")),
                    "AccessDenied", 403, stsDenial(response.assumedRoleUser().arn(), "sts:SetSourceIdentity", second));
        }
    }

    /**
     * IAM User Guide, "Revoking IAM role temporary security credentials": the console's "Revoke active sessions"
     * attaches an inline policy named AWSRevokeOlderSessions that denies everything to sessions whose token was issued
     * before the moment of revocation. It is an ordinary policy, evaluated at every request.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void revokingOlderSessionsEndsTheSessionsIssuedBeforeIt(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        Trusting s = userAndRole(server, "\"sts:AssumeRole\"", allow("iam:ListUsers"));
        AssumeRoleResponse old = assume(server, s.key(), s.roleArn(), "old-session");
        Thread.sleep(1100); // token issue times are whole seconds
        String revokedAt = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String revocation = """
                {
                  "Version": "2012-10-17",
                  "Statement": {
                    "Effect": "Deny",
                    "Action": ["*"],
                    "Resource": ["*"],
                    "Condition": {
                      "DateLessThan": {"aws:TokenIssueTime": "%s"}
                    }
                  }
                }""".formatted(revokedAt);
        server.iam().putRolePolicy(r -> r.roleName(s.roleName()).policyName("AWSRevokeOlderSessions")
                .policyDocument(revocation));

        try (IamClient iam = server.iam(session(old.credentials()))) {
            assertAwsError(iam::listUsers, "AccessDenied", 403, "User: " + old.assumedRoleUser().arn()
                    + " is not authorized to perform: iam:ListUsers on resource: " + USERS
                    + " with an explicit deny in an identity-based policy");
        }
        AssumeRoleResponse fresh = assume(server, s.key(), s.roleArn(), "new-session");
        try (IamClient iam = server.iam(session(fresh.credentials()))) {
            assertThat(iam.listUsers().users()).isNotNull();
        }
    }

    /**
     * The whole chain the issue asks for: a user assumes role A with two session tags, one transitive; A's session
     * assumes role B, whose session has only the transitive tag as {@code aws:PrincipalTag}; B's session passes it on to
     * role C and cannot override it; then A's sessions are revoked as the console does it (IAM User Guide, "Revoke IAM
     * role temporary security credentials"): A's old session is denied everything, chaining included, a new session of
     * A works, and B's session, a session of another role, is not touched.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aChainedSessionKeepsOnlyTransitiveTagsAndRevokingTheFirstRoleEndsOnlyItsOlderSessions(Backend backend)
            throws Exception {
        TestServer server = servers.get(backend);
        String taggingActions = "[\"sts:AssumeRole\",\"sts:TagSession\"]";
        Trusting a = userAndRole(server, taggingActions, allow("iam:ListUsers", "sts:AssumeRole", "sts:TagSession"));
        String bName = unique("rs-chain-b");
        String b = role(server.iam(), bName, trust(aws(a.roleArn()), taggingActions, null));
        String cName = unique("rs-chain-c");
        String c = role(server.iam(), cName, trust(aws(b), taggingActions, null));
        String byTags = """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"iam:ListGroups","Resource":"*",
                   "Condition":{"StringEquals":{"aws:PrincipalTag/project":"apollo"}}},
                  {"Effect":"Allow","Action":"iam:ListRoles","Resource":"*",
                   "Condition":{"Null":{"aws:PrincipalTag/cost-center":"false"}}},
                  {"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession"],"Resource":"*"}]}""";
        server.iam().putRolePolicy(r -> r.roleName(bName).policyName("by-tags").policyDocument(byTags));
        server.iam().putRolePolicy(r -> r.roleName(cName).policyName("by-tags").policyDocument(byTags));

        AssumeRoleResponse first;
        try (StsClient sts = server.sts(a.key())) {
            first = sts.assumeRole(r -> r.roleArn(a.roleArn()).roleSessionName("first")
                    .tags(t -> t.key("project").value("apollo"), t -> t.key("cost-center").value("42"))
                    .transitiveTagKeys("project"));
        }
        AssumeRoleResponse second;
        try (StsClient sts = server.sts(session(first.credentials()))) {
            second = sts.assumeRole(r -> r.roleArn(b).roleSessionName("second"));
        }
        AssumeRoleResponse third;
        try (IamClient iam = server.iam(session(second.credentials()));
             StsClient sts = server.sts(session(second.credentials()))) {
            assertThat(iam.listGroups().groups()).as("project=apollo was transitive").isNotNull();
            assertDenied(() -> iam.listRoles(), second.assumedRoleUser().arn(), "iam:ListRoles",
                    "arn:aws:iam::" + ACCOUNT + ":role/");
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(c).roleSessionName("third")
                            .tags(t -> t.key("project").value("gemini"))), "InvalidParameterValue", 400,
                    "The session tag project has the key of a transitive tag the calling session passes on.");
            // A tag of another key is B's session's own to pass; the inherited one travels on with it.
            third = sts.assumeRole(r -> r.roleArn(c).roleSessionName("third")
                    .tags(t -> t.key("cost-center").value("7")));
        }
        try (IamClient iam = server.iam(session(third.credentials()))) {
            assertThat(iam.listGroups().groups()).as("still transitive two roles on").isNotNull();
            assertThat(iam.listRoles().roles()).as("its own cost-center tag").isNotNull();
        }

        Thread.sleep(1100); // token issue times are whole seconds
        String revokedAt = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        server.iam().putRolePolicy(r -> r.roleName(a.roleName()).policyName("AWSRevokeOlderSessions").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":[\"*\"],"
                        + "\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\""
                        + revokedAt + "\"}}}}"));

        try (IamClient iam = server.iam(session(first.credentials()));
             StsClient sts = server.sts(session(first.credentials()))) {
            assertAwsError(iam::listUsers, "AccessDenied", 403, "User: " + first.assumedRoleUser().arn()
                    + " is not authorized to perform: iam:ListUsers on resource: " + USERS
                    + " with an explicit deny in an identity-based policy");
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(b).roleSessionName("again")), "AccessDenied", 403,
                    stsDenial(first.assumedRoleUser().arn(), "sts:AssumeRole", b));
        }
        try (IamClient iam = server.iam(session(second.credentials()))) {
            assertThat(iam.listGroups().groups()).as("B's session is no session of A").isNotNull();
        }
        AssumeRoleResponse fresh;
        try (StsClient sts = server.sts(a.key())) {
            fresh = sts.assumeRole(r -> r.roleArn(a.roleArn()).roleSessionName("fresh")
                    .tags(t -> t.key("project").value("apollo")).transitiveTagKeys("project"));
        }
        try (IamClient iam = server.iam(session(fresh.credentials()));
             StsClient sts = server.sts(session(fresh.credentials()))) {
            assertThat(iam.listUsers().users()).isNotNull();
            AssumeRoleResponse chained = sts.assumeRole(r -> r.roleArn(b).roleSessionName("second"));
            try (IamClient chainedIam = server.iam(session(chained.credentials()))) {
                assertThat(chainedIam.listGroups().groups()).isNotNull();
            }
        }
    }

    /**
     * The checks STS makes on session tags and managed session policies before anything else: tag keys are distinct
     * without regard to case and never begin with {@code aws:}, at most 10 managed policy ARNs, each an IAM policy ARN.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void sessionTagsAndManagedSessionPoliciesAreCheckedAsStsChecksThem(Backend backend) {
        TestServer server = servers.get(backend);
        Trusting s = userAndRole(server, "[\"sts:AssumeRole\",\"sts:TagSession\"]", allow("iam:ListUsers"));
        try (StsClient sts = server.sts(s.key())) {
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("dup")
                            .tags(t -> t.key("team").value("a"), t -> t.key("Team").value("b"))),
                    "InvalidParameterValue", 400,
                    "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("reserved")
                            .tags(t -> t.key("AWS:team").value("a"))), "InvalidParameterValue", 400,
                    "Tag keys beginning with aws: are reserved for system use.");
            List<PolicyDescriptorType> eleven = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                String policyName = unique("rs-managed");
                String arn = server.iam().createPolicy(r -> r.policyName(policyName)
                        .policyDocument(allow("iam:ListUsers"))).policy().arn();
                eleven.add(PolicyDescriptorType.builder().arn(arn).build());
            }
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("many").policyArns(eleven)),
                    "ValidationError", 400, "1 validation error detected: Value at 'policyArns' failed to satisfy "
                            + "constraint: Member must have length less than or equal to 10");
            String notAPolicy = "arn:aws:iam::" + ACCOUNT + ":role/" + s.roleName();
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("role-arn")
                    .policyArns(p -> p.arn(notAPolicy))), "InvalidParameterValue", 400, "Invalid policy ARN: " + notAPolicy);
            assertThat(sts.assumeRole(r -> r.roleArn(s.roleArn()).roleSessionName("ten")
                    .policyArns(eleven.subList(0, 10))).credentials()).isNotNull();
        }
    }

    /**
     * When the trust policy names the account rather than the caller, the caller's identity policies must allow
     * {@code sts:TagSession} as well as {@code sts:AssumeRole} (IAM User Guide, "Permissions required to add session
     * tags").
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrustPolicyNamingTheAccountNeedsTheCallerAllowedToTagSessionsToo(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("rs-tagger");
        AwsCredentials key = IamFixtures.userWithKey(server.iam(), name);
        String roleArn = role(server.iam(), unique("rs-account"), trust(aws("arn:aws:iam::" + ACCOUNT + ":root"),
                "[\"sts:AssumeRole\",\"sts:TagSession\"]", null));
        IamFixtures.grant(server.iam(), name, allow("sts:AssumeRole"));
        try (StsClient sts = server.sts(key)) {
            assertThat(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("plain")).credentials()).isNotNull();
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("tagged")
                    .tags(t -> t.key("team").value("blue"))), "AccessDenied", 403,
                    stsDenial(userArn(name), "sts:TagSession", roleArn));
            IamFixtures.grant(server.iam(), name, allowWhere("\"sts:TagSession\"", "\"" + roleArn + "\"",
                    "{\"StringEquals\":{\"aws:RequestTag/team\":\"blue\"}}"));
            assertThat(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("tagged")
                    .tags(t -> t.key("team").value("blue"))).credentials()).isNotNull();
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("tagged")
                    .tags(t -> t.key("team").value("red"))), "AccessDenied", 403,
                    stsDenial(userArn(name), "sts:TagSession", roleArn));
        }
    }

    /**
     * IAM User Guide, "Role session principals": a trust policy may name one session of a role by its assumed-role ARN;
     * that session may assume the role, another session of the same role may not.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrustPolicyMayNameOneSessionOfARole(Backend backend) {
        TestServer server = servers.get(backend);
        Trusting s = userAndRole(server, "\"sts:AssumeRole\"", allow("iam:ListUsers"));
        String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + s.roleName() + "/chosen";
        String target = role(server.iam(), unique("rs-by-session"), trust(aws(sessionArn), "\"sts:AssumeRole\"", null));
        AwsSessionCredentials chosen = session(assume(server, s.key(), s.roleArn(), "chosen").credentials());
        AwsSessionCredentials other = session(assume(server, s.key(), s.roleArn(), "other").credentials());
        assertThat(assume(server, chosen, target, "next").assumedRoleUser().arn()).endsWith("/next");
        assertAwsError(() -> assume(server, other, target, "next"), "AccessDenied", 403, stsDenial(
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + s.roleName() + "/other", "sts:AssumeRole", target));
    }

    /**
     * IAM User Guide, "Permissions required to add session tags" and "Chaining roles with session tags": the trust
     * policy sees the caller's own tags as {@code aws:PrincipalTag/*}, so it can admit only users of a team and make
     * them pass that team, and nothing else, as a session tag ({@code aws:RequestTag/team} equal to
     * {@code ${aws:PrincipalTag/team}}).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrustPolicyCanMakeUsersPassTheirOwnTagsAsSessionTags(Backend backend) {
        TestServer server = servers.get(backend);
        String blue = unique("rs-blue");
        String red = unique("rs-red");
        AwsCredentials blueKey = IamFixtures.userWithKey(server.iam(), blue);
        AwsCredentials redKey = IamFixtures.userWithKey(server.iam(), red);
        server.iam().tagUser(r -> r.userName(blue).tags(t -> t.key("team").value("blue")));
        server.iam().tagUser(r -> r.userName(red).tags(t -> t.key("team").value("red")));
        String trustPolicy = """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%1$s:root"},"Action":"sts:AssumeRole",
                   "Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}},
                  {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%1$s:root"},"Action":"sts:TagSession",
                   "Condition":{"StringEquals":{"aws:RequestTag/team":"${aws:PrincipalTag/team}"},
                                "ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}}]}""".formatted(ACCOUNT);
        String roleArn = role(server.iam(), unique("rs-team"), trustPolicy);
        IamFixtures.grant(server.iam(), blue, allow("sts:AssumeRole", "sts:TagSession"));
        IamFixtures.grant(server.iam(), red, allow("sts:AssumeRole", "sts:TagSession"));
        try (StsClient sts = server.sts(blueKey)) {
            assertThat(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("own-team")
                    .tags(t -> t.key("team").value("blue"))).credentials()).isNotNull();
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("other-team")
                    .tags(t -> t.key("team").value("red"))), "AccessDenied", 403,
                    stsDenial(userArn(blue), "sts:TagSession", roleArn));
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("extra-tag")
                    .tags(t -> t.key("team").value("blue"), t -> t.key("cost").value("1"))), "AccessDenied", 403,
                    stsDenial(userArn(blue), "sts:TagSession", roleArn));
        }
        assertAwsError(() -> assume(server, redKey, roleArn, "red"), "AccessDenied", 403,
                stsDenial(userArn(red), "sts:AssumeRole", roleArn));
    }
}
