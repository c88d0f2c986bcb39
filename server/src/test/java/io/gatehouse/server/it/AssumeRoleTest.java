package io.gatehouse.server.it;

import static io.gatehouse.server.it.AssumeRoleFixtures.assume;
import static io.gatehouse.server.it.AssumeRoleFixtures.assumed;
import static io.gatehouse.server.it.AssumeRoleFixtures.aws;
import static io.gatehouse.server.it.AssumeRoleFixtures.role;
import static io.gatehouse.server.it.AssumeRoleFixtures.stsDenial;
import static io.gatehouse.server.it.AssumeRoleFixtures.trust;
import static io.gatehouse.server.it.AssumeRoleFixtures.userAndRole;
import static io.gatehouse.server.it.AssumeRoleFixtures.userArn;
import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.it.AssumeRoleFixtures.Trusting;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
import io.gatehouse.server.store.Backend;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * AssumeRole: who may assume a role (its trust policy and the caller's identity policies, within one account and
 * across two), with what conditions (ExternalId, MFA), for how long, and what the session then is and may do.
 */
class AssumeRoleTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrustPolicyNamingTheUserIsEnoughAndTheSessionActsAsTheRole(Backend backend) {
        TestServer server = servers.get(backend);
        Trusting s = userAndRole(server, "\"sts:AssumeRole\"", allow("iam:ListGroups"));
        AwsCredentials key = s.key();
        String roleName = s.roleName();
        String roleArn = s.roleArn();
        String roleId = server.iam().getRole(r -> r.roleName(roleName)).role().roleId();

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AssumeRoleResponse response = assume(server, key, roleArn, "alice-session");
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/alice-session");
        assertThat(response.assumedRoleUser().assumedRoleId()).isEqualTo(roleId + ":alice-session").startsWith("AROA");
        assertThat(response.credentials().accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(response.credentials().expiration()).isBetween(before.plusSeconds(3600), Instant.now().plusSeconds(3601));
        assertThat(response.packedPolicySize()).isNull();
        assertThat(response.sourceIdentity()).isNull();

        AwsSessionCredentials session = AssumeRoleFixtures.session(response.credentials());
        try (StsClient sts = server.sts(session); IamClient iam = server.iam(session)) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertThat(identity.arn()).isEqualTo(response.assumedRoleUser().arn());
            assertThat(identity.userId()).isEqualTo(roleId + ":alice-session");
            assertThat(identity.account()).isEqualTo(ACCOUNT);
            // IAM takes role sessions without MFA, and they act with the role's policies.
            assertThat(iam.listGroups().groups()).isNotNull();
            assertDenied(iam::listUsers, response.assumedRoleUser().arn(), "iam:ListUsers",
                    "arn:aws:iam::" + ACCOUNT + ":user/");
            assertAwsError(() -> iam.getUser(), "ValidationError", 400,
                    "Must specify userName when calling with non-User credentials");
            assertAwsError(sts::getSessionToken, "AccessDenied", 403, "Cannot call GetSessionToken with session credentials");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrustPolicyNamingTheAccountNeedsTheCallersIdentityPolicyToo(Backend backend) {
        TestServer server = servers.get(backend);
        String bob = unique("ar-bob");
        AwsCredentials key = userWithKey(server.iam(), bob);
        String roleArn = role(server.iam(), unique("ar-shared"),
                trust(aws("arn:aws:iam::" + ACCOUNT + ":root"), "\"sts:AssumeRole\"", null));

        assertAwsError(() -> assume(server, key, roleArn, "s1"), "AccessDenied", 403,
                stsDenial(userArn(bob), "sts:AssumeRole", roleArn));
        grant(server.iam(), bob, allowWhere("\"sts:AssumeRole\"", "\"" + roleArn + "\"", null));
        assertThat(assume(server, key, roleArn, "s1").assumedRoleUser().arn()).endsWith("/s1");

        // A role that does not exist is denied in the same words, and a trust policy that names someone else denies.
        String missing = "arn:aws:iam::" + ACCOUNT + ":role/no-such-role";
        assertAwsError(() -> assume(server, key, missing, "s1"), "AccessDenied", 403,
                stsDenial(userArn(bob), "sts:AssumeRole", missing));
        String other = role(server.iam(), unique("ar-other"), IamFixtures.TRUST);
        grant(server.iam(), bob, allow("sts:AssumeRole"));
        assertAwsError(() -> assume(server, key, other, "s1"), "AccessDenied", 403,
                stsDenial(userArn(bob), "sts:AssumeRole", other));
        assertAwsError(() -> assume(server, TestServer.root(), roleArn, "s1"), "AccessDenied", 403,
                "Roles may not be assumed by root accounts.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void acrossAccountsTheTrustPolicyAndTheIdentityPolicyMustBothAllow(Backend backend) {
        TestServer server = servers.get(backend);
        TestAccount other = TestAccount.create(server);
        String carol = unique("ar-carol");
        AwsCredentials key = userWithKey(server.iam(), carol);
        String trustsCarol = role(other.iam(server), "trusts-carol", trust(aws(userArn(carol)), "\"sts:AssumeRole\"", null));
        String trustsAccount = role(other.iam(server), "trusts-account",
                trust(aws(ACCOUNT), "\"sts:AssumeRole\"", null));
        other.iam(server).putRolePolicy(r -> r.roleName("trusts-carol").policyName("groups")
                .policyDocument(allow("iam:ListGroups")));
        assertThat(trustsCarol).isEqualTo("arn:aws:iam::" + other.id() + ":role/trusts-carol");

        for (String roleArn : new String[] {trustsCarol, trustsAccount}) {
            assertAwsError(() -> assume(server, key, roleArn, "xa"), "AccessDenied", 403,
                    stsDenial(userArn(carol), "sts:AssumeRole", roleArn));
        }
        grant(server.iam(), carol, allowWhere("\"sts:AssumeRole\"", "\"" + trustsCarol + "\"", null));
        AssumeRoleResponse response = assume(server, key, trustsCarol, "xa");
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::" + other.id() + ":assumed-role/trusts-carol/xa");
        AwsSessionCredentials session = AssumeRoleFixtures.session(response.credentials());
        assertThat(SessionTokenTest.whoIs(server, session).account()).isEqualTo(other.id());
        try (IamClient iam = server.iam(session)) {
            // The session works in the role's account.
            assertThat(iam.listGroups().groups()).isEmpty();
        }
        assertAwsError(() -> assume(server, key, trustsAccount, "xa"), "AccessDenied", 403,
                stsDenial(userArn(carol), "sts:AssumeRole", trustsAccount));
        grant(server.iam(), carol, allow("sts:AssumeRole"));
        assertThat(assume(server, key, trustsAccount, "xa").assumedRoleUser().arn()).contains(other.id());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCrossAccountAssumeRoleIsRecordedInBothAccountsAsCloudTrailDoes(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        TestAccount other = TestAccount.create(server);
        String erin = unique("ar-erin");
        AwsCredentials key = userWithKey(server.iam(), erin);
        String erinId = server.iam().getUser(r -> r.userName(erin)).user().userId();
        String trustsErin = role(other.iam(server), "trusts-erin", trust(aws(userArn(erin)), "\"sts:AssumeRole\"", null));
        String trustsNobody = role(other.iam(server), "trusts-nobody",
                trust(aws(other.arn("root")), "\"sts:AssumeRole\"", null));
        grant(server.iam(), erin, allow("sts:AssumeRole"));
        String sameAccount = role(server.iam(), unique("ar-own"), trust(aws(userArn(erin)), "\"sts:AssumeRole\"", null));

        AssumeRoleResponse response = assume(server, key, trustsErin, "xa-audit");
        assertAwsError(() -> assume(server, key, trustsNobody, "xa-denied"), "AccessDenied", 403,
                stsDenial(userArn(erin), "sts:AssumeRole", trustsNobody));
        try (StsClient sts = server.sts(key)) {
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(trustsErin).roleSessionName("xa-too-long")
                    .durationSeconds(7200)), "ValidationError", 400,
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        assume(server, key, sameAccount, "xa-own");

        JsonNode callers = assumeRoleEvent(server, ACCOUNT, "xa-audit");
        JsonNode owners = assumeRoleEvent(server, other.id(), "xa-audit");
        assertThat(callers.get("recipientAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(callers.get("userIdentity").get("type").asText()).isEqualTo("IAMUser");
        assertThat(callers.get("userIdentity").get("accessKeyId").asText()).isEqualTo(key.accessKeyId());
        assertThat(owners.get("recipientAccountId").asText()).isEqualTo(other.id());
        // The role's account learns which account and principal called, not their keys or user name.
        assertThat(owners.get("userIdentity").toString()).isEqualTo(
                "{\"type\":\"AWSAccount\",\"principalId\":\"" + erinId + "\",\"accountId\":\"" + ACCOUNT + "\"}");
        assertThat(owners.get("sharedEventID").asText()).isNotBlank()
                .isEqualTo(callers.get("sharedEventID").asText());
        assertThat(owners.get("eventID").asText()).isNotEqualTo(callers.get("eventID").asText());
        assertThat(owners.get("requestID").asText()).isEqualTo(callers.get("requestID").asText());
        assertThat(owners.get("responseElements").get("assumedRoleUser").get("arn").asText())
                .isEqualTo(response.assumedRoleUser().arn());
        assertThat(owners.get("requestParameters")).isEqualTo(callers.get("requestParameters"));

        // A refused call is the caller's business only: CloudTrail "does not log denied AWS STS requests in the target
        // account's CloudTrail", so no caller can write into another account's trail.
        JsonNode deniedHere = assumeRoleEvent(server, ACCOUNT, "xa-denied");
        assertThat(deniedHere.get("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(deniedHere.has("sharedEventID")).as("one account, one event").isFalse();
        assertThat(assumeRoleEvents(server, other.id(), "xa-denied")).as("the role account's copy of a denial").isEmpty();
        JsonNode tooLongHere = assumeRoleEvent(server, ACCOUNT, "xa-too-long");
        assertThat(tooLongHere.get("errorCode").asText()).isEqualTo("ValidationError");
        assertThat(assumeRoleEvents(server, other.id(), "xa-too-long")).as("the role account's copy of a refusal")
                .isEmpty();

        JsonNode own = assumeRoleEvent(server, ACCOUNT, "xa-own");
        assertThat(own.has("sharedEventID")).as("one account, one event").isFalse();
        assertThat(AssumeRoleFixtures.auditEvents(server).stream().filter(e -> isAssumeRole(e, "xa-own")))
                .hasSize(1);
    }

    /** The one AssumeRole event of an account for a session name. */
    private static JsonNode assumeRoleEvent(TestServer server, String accountId, String sessionName) throws Exception {
        List<JsonNode> found = assumeRoleEvents(server, accountId, sessionName);
        assertThat(found).as("AssumeRole events of %s in %s", sessionName, accountId).hasSize(1);
        return found.getFirst();
    }

    /** The AssumeRole events of an account for a session name. */
    private static List<JsonNode> assumeRoleEvents(TestServer server, String accountId, String sessionName)
            throws Exception {
        Thread.sleep(300);
        List<JsonNode> found = new ArrayList<>();
        for (AuditRow row : server.server().store().audit(AuditQuery.between(Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(1))).forAccount(accountId).limit(10_000))) {
            JsonNode event = JSON.readTree(row.event().body());
            if (isAssumeRole(event, sessionName)) {
                assertThat(row.event().accountId()).isEqualTo(accountId);
                found.add(event);
            }
        }
        return found;
    }

    private static boolean isAssumeRole(JsonNode event, String sessionName) {
        return event.get("eventName").asText().equals("AssumeRole") && event.get("requestParameters").isObject()
                && sessionName.equals(event.get("requestParameters").path("roleSessionName").asText());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anExternalIdConditionNeedsTheRightExternalId(Backend backend) {
        TestServer server = servers.get(backend);
        String dave = unique("ar-dave");
        AwsCredentials key = userWithKey(server.iam(), dave);
        String roleArn = role(server.iam(), unique("ar-vendor"), trust(aws(userArn(dave)), "\"sts:AssumeRole\"",
                "{\"StringEquals\":{\"sts:ExternalId\":\"Unique-Id-42\"}}"));
        String denied = stsDenial(userArn(dave), "sts:AssumeRole", roleArn);
        assertAwsError(() -> assume(server, key, roleArn, "vendor"), "AccessDenied", 403, denied);
        try (StsClient sts = server.sts(key)) {
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("vendor").externalId("Other-Id")),
                    "AccessDenied", 403, denied);
            assertThat(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("vendor").externalId("Unique-Id-42"))
                    .credentials()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrustPolicyRequiringMfaTakesACodeWithTheRequestOrAnMfaSession(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String erin = unique("ar-erin");
        AwsCredentials key = userWithKey(server.iam(), erin);
        String roleArn = role(server.iam(), unique("ar-admin"), trust(aws(userArn(erin)), "\"sts:AssumeRole\"",
                "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"));
        TotpCodes.EnabledDevice device = TotpCodes.enableNew(server.iam(), erin, erin);
        String seed = device.seed();
        long step = device.step();

        String denied = stsDenial(userArn(erin), "sts:AssumeRole", roleArn);
        assertAwsError(() -> assume(server, key, roleArn, "mfa"), "AccessDenied", 403, denied);
        try (StsClient sts = server.sts(key)) {
            String code = TotpCodes.code(seed, step);
            assertThat(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("mfa").serialNumber(device.serial())
                    .tokenCode(code)).credentials()).isNotNull();
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("mfa")
                            .serialNumber(device.serial()).tokenCode(code)), "AccessDenied", 403,
                    "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
        // A session GetSessionToken opened with MFA carries it to AssumeRole.
        AwsSessionCredentials withoutMfa = SessionTokenTest.sessionOf(server, key);
        assertAwsError(() -> assume(server, withoutMfa, roleArn, "mfa"), "AccessDenied", 403, denied);
        AwsSessionCredentials withMfa = SessionTokenTest.issued(server, erin, Instant.now(), Duration.ofHours(1),
                Instant.now());
        assertThat(assume(server, withMfa, roleArn, "mfa").credentials()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void durationsStayWithinTheRolesMaximumAndAnHourForRoleChaining(Backend backend) {
        TestServer server = servers.get(backend);
        String frank = unique("ar-frank");
        AwsCredentials key = userWithKey(server.iam(), frank);
        String firstName = unique("ar-first");
        String first = role(server.iam(), firstName, trust(aws(userArn(frank)), "\"sts:AssumeRole\"", null));
        String second = role(server.iam(), unique("ar-second"), trust(aws(first), "\"sts:AssumeRole\"", null));
        server.iam().putRolePolicy(r -> r.roleName(firstName).policyName("chain").policyDocument(allow("sts:AssumeRole")));

        try (StsClient sts = server.sts(key)) {
            assertThat(sts.assumeRole(r -> r.roleArn(first).roleSessionName("dur").durationSeconds(900)).credentials()
                    .expiration()).isCloseTo(Instant.now().plusSeconds(900), within(5, ChronoUnit.SECONDS));
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(first).roleSessionName("dur").durationSeconds(3601)),
                    "ValidationError", 400,
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(first).roleSessionName("dur").durationSeconds(899)),
                    "ValidationError", 400, "1 validation error detected: Value '899' at 'durationSeconds' failed to "
                            + "satisfy constraint: Member must have value greater than or equal to 900");
            server.iam().updateRole(r -> r.roleName(firstName).maxSessionDuration(43_200));
            assertThat(sts.assumeRole(r -> r.roleArn(first).roleSessionName("dur").durationSeconds(43_200))
                    .credentials().expiration()).isCloseTo(Instant.now().plusSeconds(43_200), within(5, ChronoUnit.SECONDS));
        }
        AwsSessionCredentials firstSession = assumed(server, key, first, "chain");
        try (StsClient sts = server.sts(firstSession)) {
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(second).roleSessionName("chained").durationSeconds(3601)),
                    "ValidationError", 400,
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
            AssumeRoleResponse chained = sts.assumeRole(r -> r.roleArn(second).roleSessionName("chained").durationSeconds(3600));
            assertThat(chained.assumedRoleUser().arn()).endsWith("/chained");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSessionWhoseRoleIsDeletedIsAllowedNothing(Backend backend) {
        TestServer server = servers.get(backend);
        Trusting s = userAndRole(server, "\"sts:AssumeRole\"", allow("iam:ListGroups"));
        String roleName = s.roleName();
        AssumeRoleResponse response = assume(server, s.key(), s.roleArn(), "gone");
        AwsSessionCredentials session = AssumeRoleFixtures.session(response.credentials());
        server.iam().deleteRolePolicy(r -> r.roleName(roleName).policyName("own"));
        server.iam().deleteRole(r -> r.roleName(roleName));
        role(server.iam(), roleName, trust(aws(userArn(s.user())), "\"sts:AssumeRole\"", null));
        server.iam().putRolePolicy(r -> r.roleName(roleName).policyName("p").policyDocument(allow("iam:ListGroups")));
        try (IamClient iam = server.iam(session)) {
            assertDenied(iam::listGroups, response.assumedRoleUser().arn(), "iam:ListGroups",
                    "arn:aws:iam::" + ACCOUNT + ":group/");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void assumeRoleAndTheSessionsCallsAreAuditedAsCloudTrailRecordsThem(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String hank = unique("ar-hank");
        AwsCredentials key = userWithKey(server.iam(), hank);
        String roleName = unique("ar-audited");
        String roleArn = role(server.iam(), roleName, trust(aws(userArn(hank)),
                "[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]", null));
        String roleId = server.iam().getRole(r -> r.roleName(roleName)).role().roleId();
        AssumeRoleResponse response;
        try (StsClient sts = server.sts(key)) {
            response = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("audited").sourceIdentity("hank"));
        }
        AwsSessionCredentials session = AssumeRoleFixtures.session(response.credentials());
        SessionTokenTest.whoIs(server, session);

        List<JsonNode> events = AssumeRoleFixtures.auditEvents(server);
        JsonNode assumed = events.stream().filter(e -> e.get("eventName").asText().equals("AssumeRole")
                && e.path("requestParameters").path("roleArn").asText().equals(roleArn)).findFirst().orElseThrow();
        assertThat(assumed.get("requestParameters").get("roleSessionName").asText()).isEqualTo("audited");
        assertThat(assumed.get("requestParameters").get("sourceIdentity").asText()).isEqualTo("hank");
        JsonNode credentials = assumed.get("responseElements").get("credentials");
        assertThat(credentials.get("accessKeyId").asText()).isEqualTo(session.accessKeyId());
        assertThat(credentials.has("expiration")).isTrue();
        assertThat(credentials.has("secretAccessKey")).isFalse();
        assertThat(credentials.has("sessionToken")).isFalse();
        assertThat(assumed.get("responseElements").get("assumedRoleUser").get("arn").asText())
                .isEqualTo(response.assumedRoleUser().arn());
        assertThat(assumed.get("userIdentity").get("userName").asText()).isEqualTo(hank);

        JsonNode used = events.stream().filter(e -> e.get("userIdentity").path("accessKeyId").asText()
                .equals(session.accessKeyId())).findFirst().orElseThrow();
        JsonNode identity = used.get("userIdentity");
        assertThat(identity.get("type").asText()).isEqualTo("AssumedRole");
        assertThat(identity.get("principalId").asText()).isEqualTo(roleId + ":audited");
        assertThat(identity.get("arn").asText()).isEqualTo(response.assumedRoleUser().arn());
        assertThat(identity.has("userName")).isFalse();
        JsonNode issuer = identity.get("sessionContext").get("sessionIssuer");
        assertThat(issuer.get("type").asText()).isEqualTo("Role");
        assertThat(issuer.get("principalId").asText()).isEqualTo(roleId);
        assertThat(issuer.get("arn").asText()).isEqualTo(roleArn);
        assertThat(issuer.get("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(issuer.get("userName").asText()).isEqualTo(roleName);
        assertThat(identity.get("sessionContext").get("attributes").get("mfaAuthenticated").asText()).isEqualTo("false");
        assertThat(identity.get("sessionContext").get("sourceIdentity").asText()).isEqualTo("hank");
        for (JsonNode event : events) {
            assertThat(event.toString()).doesNotContain(session.sessionToken()).doesNotContain(session.secretAccessKey());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anExpiredOrChangedRoleSessionTokenIsRefusedAsOthersAre(Backend backend) {
        TestServer server = servers.get(backend);
        Role role = IamFixtures.role(server, unique("ar-short"), "/");
        SessionPrincipal principal = new SessionPrincipal(SessionPrincipal.Kind.ASSUMED_ROLE,
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role.name() + "/old", role.id() + ":old");
        SessionAttributes attributes = new SessionAttributes(new SessionIssuer(
                Arns.role(ACCOUNT, role.path(), role.name()), role.id()), SessionPolicies.NONE, List.of(), null);
        Sessions.Issued expired = server.server().sessions().issue(ACCOUNT, principal,
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1), null, attributes);
        AwsSessionCredentials credentials = AwsSessionCredentials.create(expired.content().session().accessKeyId(),
                expired.content().secretAccessKey(), expired.token());
        assertAwsError(() -> SessionTokenTest.whoIs(server, credentials), "ExpiredToken", 403,
                "The security token included in the request is expired");
        Sessions.Issued valid = server.server().sessions().issue(ACCOUNT, principal, Instant.now(), Duration.ofHours(1),
                null, attributes);
        String token = valid.token();
        String changed = token.substring(0, 40) + (token.charAt(40) == 'A' ? 'B' : 'A') + token.substring(41);
        AwsSessionCredentials tampered = AwsSessionCredentials.create(valid.content().session().accessKeyId(),
                valid.content().secretAccessKey(), changed);
        assertAwsError(() -> SessionTokenTest.whoIs(server, tampered), "InvalidClientTokenId", 403,
                "The security token included in the request is invalid");
    }

    /**
     * RoleSessionName: 2 to 64 characters of {@code [\w+=,.@-]} (STS API Reference), refused with the model's validation
     * error; the trust policy sees it as {@code sts:RoleSessionName}, so the documented policy that makes users name
     * their sessions after themselves ({@code ${aws:username}}) works.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void roleSessionNamesFollowStsRulesAndTheTrustPolicySeesThem(Backend backend) {
        TestServer server = servers.get(backend);
        String ivy = unique("ar-ivy");
        AwsCredentials key = userWithKey(server.iam(), ivy);
        String roleArn = role(server.iam(), unique("ar-named"), trust(aws(userArn(ivy)), "\"sts:AssumeRole\"",
                "{\"StringLike\":{\"sts:RoleSessionName\":\"${aws:username}*\"}}"));
        String prefix = "1 validation error detected: Value '";
        assertAwsError(() -> assume(server, key, roleArn, ivy + " x"), "ValidationError", 400, prefix + ivy
                + " x' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [\\w+=,.@-]*");
        assertAwsError(() -> assume(server, key, roleArn, "i"), "ValidationError", 400, prefix + "i' at "
                + "'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2");
        String tooLong = ivy + "-" + "x".repeat(64);
        assertAwsError(() -> assume(server, key, roleArn, tooLong), "ValidationError", 400, prefix + tooLong
                + "' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to "
                + "64");
        String allowedCharacters = ivy + "_+=,.@-9";
        assertThat(assume(server, key, roleArn, allowedCharacters).assumedRoleUser().arn())
                .endsWith(":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1) + "/" + allowedCharacters);
        assertAwsError(() -> assume(server, key, roleArn, "someone-else"), "AccessDenied", 403,
                stsDenial(userArn(ivy), "sts:AssumeRole", roleArn));
    }

    /**
     * A role session opened with an MFA code carries {@code aws:MultiFactorAuthPresent} and
     * {@code aws:MultiFactorAuthAge} to the requests it signs (IAM User Guide, "AWS global condition context keys");
     * one opened without has neither, and a wrong code opens nothing.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRoleSessionOpenedWithMfaCarriesItToTheRequestsItSigns(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String jack = unique("ar-jack");
        AwsCredentials key = userWithKey(server.iam(), jack);
        String roleName = unique("ar-mfa-later");
        String roleArn = role(server.iam(), roleName, trust(aws(userArn(jack)), "\"sts:AssumeRole\"", null));
        server.iam().putRolePolicy(r -> r.roleName(roleName).policyName("mfa").policyDocument(allowWhere(
                "\"iam:ListGroups\"", "\"*\"", "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"},"
                        + "\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"300\"}}")));
        TotpCodes.EnabledDevice device = TotpCodes.enableNew(server.iam(), jack, jack);

        try (StsClient sts = server.sts(key)) {
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("wrong")
                            .serialNumber(device.serial()).tokenCode(TotpCodes.code(device.seed(), device.step() + 100))),
                    "AccessDenied", 403, "MultiFactorAuthentication failed with invalid MFA one time pass code.");
            AssumeRoleResponse withMfa = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("with-mfa")
                    .serialNumber(device.serial()).tokenCode(TotpCodes.code(device.seed(), device.step())));
            AssumeRoleResponse withoutMfa = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("without-mfa"));
            try (IamClient iam = server.iam(AssumeRoleFixtures.session(withMfa.credentials()))) {
                assertThat(iam.listGroups().groups()).isNotNull();
            }
            try (IamClient iam = server.iam(AssumeRoleFixtures.session(withoutMfa.credentials()))) {
                assertDenied(iam::listGroups, withoutMfa.assumedRoleUser().arn(), "iam:ListGroups",
                        "arn:aws:iam::" + ACCOUNT + ":group/");
            }
        }
    }
}
