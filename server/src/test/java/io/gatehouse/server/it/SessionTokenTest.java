package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.User;
import io.gatehouse.server.store.Backend;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.TemporalUnitOffset;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * STS GetSessionToken and what its temporary credentials may do: act as the user who got them, within AWS's limits
 * for such credentials, until they expire; refused when their token was changed, does not match their key, or was
 * sealed under a session key the server no longer holds.
 */
class SessionTokenTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String INVALID_TOKEN = "The security token included in the request is invalid";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    static AwsSessionCredentials session(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    /** A session got with GetSessionToken by whoever holds the credentials. */
    static AwsSessionCredentials sessionOf(TestServer server, AwsCredentials longTerm) {
        try (StsClient sts = server.sts(longTerm)) {
            return session(sts.getSessionToken().credentials());
        }
    }

    /**
     * A session of a user issued by the server's own session issuer, as GetSessionToken issues it: for sessions the
     * API cannot give (authenticated with MFA at a chosen time) or at another time.
     */
    static AwsSessionCredentials issued(TestServer server, String userName, Instant issuedAt, Duration duration,
                                        Instant mfaAt) {
        User user = server.server().state().current().account(ACCOUNT).user(userName);
        SessionPrincipal principal = new SessionPrincipal(SessionPrincipal.Kind.USER,
                Arns.user(ACCOUNT, user.path(), user.name()), user.id());
        Sessions.Issued issued = server.server().sessions().issue(ACCOUNT, principal, issuedAt, duration, mfaAt);
        return AwsSessionCredentials.create(issued.content().session().accessKeyId(),
                issued.content().secretAccessKey(), issued.token());
    }

    static GetCallerIdentityResponse whoIs(TestServer server, AwsCredentials credentials) {
        try (StsClient sts = server.sts(credentials)) {
            return sts.getCallerIdentity();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSessionActsAsTheUserWhoGotIt(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("st-alice");
        AwsCredentials alice = userWithKey(server.iam(), name);
        Instant before = Instant.now().minusSeconds(1);
        Credentials credentials;
        try (StsClient sts = server.sts(alice)) {
            credentials = sts.getSessionToken().credentials();
        }
        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotBlank();
        assertThat(credentials.expiration()).isBetween(before.plus(Duration.ofHours(12)),
                Instant.now().plus(Duration.ofHours(12)).plusSeconds(1));

        GetCallerIdentityResponse identity = whoIs(server, session(credentials));
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/" + name);
        assertThat(identity.userId()).isEqualTo(server.iam().getUser(r -> r.userName(name)).user().userId());
        assertThat(identity.account()).isEqualTo(ACCOUNT);

        AwsSessionCredentials root = sessionOf(server, TestServer.root());
        assertThat(whoIs(server, root).arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(whoIs(server, root).userId()).isEqualTo(ACCOUNT);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void durationsAreBoundedAndTheRootUsersSessionsLastAnHourAtMost(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials bob = userWithKey(server.iam(), unique("st-bob"));
        try (StsClient sts = server.sts(bob); StsClient root = server.sts(TestServer.root())) {
            for (int seconds : new int[] {900, 129_600}) {
                Instant expiration = sts.getSessionToken(r -> r.durationSeconds(seconds)).credentials().expiration();
                assertThat(expiration).isCloseTo(Instant.now().plusSeconds(seconds), within(5));
            }
            assertAwsError(() -> sts.getSessionToken(r -> r.durationSeconds(899)), "ValidationError", 400,
                    "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 900");
            assertAwsError(() -> sts.getSessionToken(r -> r.durationSeconds(129_601)), "ValidationError", 400,
                    "1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: "
                            + "Member must have value less than or equal to 129600");

            assertThat(root.getSessionToken().credentials().expiration())
                    .as("the root user's default is cut to an hour").isCloseTo(Instant.now().plusSeconds(3600), within(5));
            assertThat(root.getSessionToken(r -> r.durationSeconds(7200)).credentials().expiration())
                    .isCloseTo(Instant.now().plusSeconds(3600), within(5));
            assertThat(root.getSessionToken(r -> r.durationSeconds(900)).credentials().expiration())
                    .isCloseTo(Instant.now().plusSeconds(900), within(5));
        }
    }

    private static TemporalUnitOffset within(long seconds) {
        return Assertions.within(seconds, ChronoUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sessionCredentialsCallNoIamWithoutMfaAndNoStsButAssumeRoleAndGetCallerIdentity(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("st-carol");
        AwsCredentials carol = userWithKey(server.iam(), name);
        grant(server.iam(), name, IamFixtures.allow("iam:*", "sts:*"));
        for (AwsSessionCredentials session : List.of(sessionOf(server, carol), sessionOf(server, TestServer.root()))) {
            assertAwsError(() -> server.iam(session).listUsers(), "InvalidClientTokenId", 403, INVALID_TOKEN);
            try (StsClient sts = server.sts(session)) {
                assertAwsError(sts::getSessionToken, "AccessDenied", 403,
                        "Cannot call GetSessionToken with session credentials");
                assertAwsError(() -> sts.getAccessKeyInfo(r -> r.accessKeyId(session.accessKeyId())), "AccessDenied",
                        403, "Cannot call GetAccessKeyInfo with session credentials");
                assertThat(sts.getCallerIdentity().account()).isEqualTo(ACCOUNT);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mfaCodesAreRefusedAsAwsRefusesADeviceThatIsNotTheCallers(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("st-dave");
        AwsCredentials dave = userWithKey(server.iam(), name);
        String serial = "arn:aws:iam::" + ACCOUNT + ":mfa/" + name;
        try (StsClient sts = server.sts(dave)) {
            assertAwsError(() -> sts.getSessionToken(r -> r.serialNumber(serial).tokenCode("123456")), "AccessDenied",
                    403, "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA "
                            + "serial number is valid and associated with this user.");
            assertAwsError(() -> sts.getSessionToken(r -> r.serialNumber(serial)), "AccessDenied", 403,
                    "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSessionWithMfaIsAuthorizedByTheUsersPoliciesAndItsSessionKeys(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("st-erin");
        AwsCredentials erin = userWithKey(server.iam(), name);
        grant(server.iam(), name, allowWhere("\"iam:ListUsers\"", "\"*\"", "{\"Bool\":{\"aws:MultiFactorAuthPresent\":"
                + "\"true\"},\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"600\"},\"DateGreaterThan\":{"
                + "\"aws:TokenIssueTime\":\"2020-01-01T00:00:00Z\"}}"));
        Instant now = Instant.now();
        AwsSessionCredentials fresh = issued(server, name, now, Duration.ofHours(1), now.minusSeconds(60));
        assertThat(server.iam(fresh).listUsers().users()).isNotEmpty();

        String arn = "arn:aws:iam::" + ACCOUNT + ":user/" + name;
        String users = "arn:aws:iam::" + ACCOUNT + ":user/";
        AwsSessionCredentials old = issued(server, name, now, Duration.ofHours(1), now.minusSeconds(3600));
        assertDenied(() -> server.iam(old).listUsers(), arn, "iam:ListUsers", users);
        assertDenied(() -> server.iam(erin).listUsers(), arn, "iam:ListUsers", users);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSessionOutlivesItsAccessKeyButLosesEverythingWithItsUser(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("st-frank");
        AwsBasicCredentials frank = (AwsBasicCredentials) userWithKey(server.iam(), name);
        grant(server.iam(), name, IamFixtures.allow("iam:ListUsers"));
        AwsSessionCredentials session = sessionOf(server, frank);
        Instant now = Instant.now();
        AwsSessionCredentials withMfa = issued(server, name, now, Duration.ofHours(1), now);
        assertThat(server.iam(withMfa).listUsers().users()).isNotEmpty();

        server.iam().updateAccessKey(r -> r.userName(name).accessKeyId(frank.accessKeyId()).status("Inactive"));
        assertThat(whoIs(server, session).arn()).as("AWS: valid until they expire").endsWith(":user/" + name);
        server.iam().deleteAccessKey(r -> r.userName(name).accessKeyId(frank.accessKeyId()));
        assertThat(whoIs(server, session).arn()).endsWith(":user/" + name);

        server.iam().listUserPolicies(r -> r.userName(name)).policyNames()
                .forEach(policy -> server.iam().deleteUserPolicy(r -> r.userName(name).policyName(policy)));
        server.iam().deleteUser(r -> r.userName(name));
        String arn = "arn:aws:iam::" + ACCOUNT + ":user/" + name;
        String users = "arn:aws:iam::" + ACCOUNT + ":user/";
        assertDenied(() -> server.iam(withMfa).listUsers(), arn, "iam:ListUsers", users);
        server.iam().createUser(r -> r.userName(name));
        grant(server.iam(), name, IamFixtures.allow("iam:*"));
        assertDenied(() -> server.iam(withMfa).listUsers(), arn, "iam:ListUsers", users);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aChangedMismatchedExpiredOrWronglySignedSessionIsRefused(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("st-grace");
        AwsSessionCredentials session = sessionOf(server, userWithKey(server.iam(), name));
        String token = session.sessionToken();
        int middle = token.length() / 2;
        String changed = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        assertAwsError(() -> whoIs(server, AwsSessionCredentials.create(session.accessKeyId(),
                session.secretAccessKey(), changed)), "InvalidClientTokenId", 403, INVALID_TOKEN);

        AwsSessionCredentials other = sessionOf(server, TestServer.root());
        assertAwsError(() -> whoIs(server, AwsSessionCredentials.create(other.accessKeyId(), session.secretAccessKey(),
                token)), "InvalidClientTokenId", 403, INVALID_TOKEN);
        assertAwsError(() -> whoIs(server, AwsSessionCredentials.create(session.accessKeyId(),
                other.secretAccessKey(), token)), "SignatureDoesNotMatch", 403, "The request signature we calculated "
                + "does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
                + "Consult the service documentation for details.");
        assertAwsError(() -> whoIs(server, AwsBasicCredentials.create(session.accessKeyId(), session.secretAccessKey())),
                "InvalidClientTokenId", 403, INVALID_TOKEN + ".");

        AwsSessionCredentials expired = issued(server, name, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofMinutes(15), null);
        assertAwsError(() -> whoIs(server, expired), "ExpiredToken", 403,
                "The security token included in the request is expired");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPresignedRequestCarriesTheTokenInItsQuery(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("st-heidi");
        AwsSessionCredentials session = sessionOf(server, userWithKey(server.iam(), name));
        int port = server.server().port();
        String query = "Action=GetCallerIdentity&Version=2011-06-15";
        RawHttp.Response ok = RawHttp.exchange(port, SignedRequests.presignedGet(port, "sts", session, query).bytes());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.text()).contains("<Arn>arn:aws:iam::" + ACCOUNT + ":user/" + name + "</Arn>");

        AwsSessionCredentials expired = issued(server, name, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofMinutes(15), null);
        RawHttp.Response refused = RawHttp.exchange(port, SignedRequests.presignedGet(port, "sts", expired, query)
                .bytes());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("<Code>ExpiredToken</Code>");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void getAccessKeyInfoNamesTheAccountOfLongTermAndTemporaryKeys(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("st-ivan");
        AwsBasicCredentials ivan = (AwsBasicCredentials) userWithKey(server.iam(), name);
        AwsSessionCredentials session = sessionOf(server, ivan);
        try (StsClient root = server.sts(TestServer.root()); StsClient sts = server.sts(ivan)) {
            assertThat(root.getAccessKeyInfo(r -> r.accessKeyId(ivan.accessKeyId())).account()).isEqualTo(ACCOUNT);
            assertThat(root.getAccessKeyInfo(r -> r.accessKeyId(session.accessKeyId())).account()).isEqualTo(ACCOUNT);
            assertAwsError(() -> root.getAccessKeyInfo(r -> r.accessKeyId("AKIAAAAAAAAAAAAAAAAA")),
                    "InvalidClientTokenId", 403, INVALID_TOKEN + ".");
            assertDenied(() -> sts.getAccessKeyInfo(r -> r.accessKeyId(ivan.accessKeyId())),
                    "arn:aws:iam::" + ACCOUNT + ":user/" + name, "sts:GetAccessKeyInfo", "*");
            grant(server.iam(), name, IamFixtures.allow("sts:GetAccessKeyInfo"));
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(TestServer.ROOT_KEY_ID)).account()).isEqualTo(ACCOUNT);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eventsOfSessionsNameTheTemporaryKeyAndNeverTheSecretOrToken(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String name = unique("st-judy");
        AwsSessionCredentials session = sessionOf(server, userWithKey(server.iam(), name));
        whoIs(server, session);
        assertAwsError(() -> server.iam(session).getUser(), "InvalidClientTokenId", 403, INVALID_TOKEN);

        List<JsonNode> events = AssumeRoleFixtures.auditEvents(server);
        JsonNode issuedEvent = events.stream().filter(e -> e.get("eventName").asText().equals("GetSessionToken")
                && e.path("responseElements").path("credentials").path("accessKeyId").asText()
                        .equals(session.accessKeyId())).findFirst().orElseThrow();
        JsonNode credentials = issuedEvent.get("responseElements").get("credentials");
        assertThat(credentials.has("expiration")).isTrue();
        assertThat(credentials.has("sessionToken")).isFalse();
        assertThat(credentials.has("secretAccessKey")).isFalse();
        assertThat(issuedEvent.get("userIdentity").get("userName").asText()).isEqualTo(name);

        List<JsonNode> used = events.stream().filter(e -> e.get("userIdentity").get("accessKeyId").asText()
                .equals(session.accessKeyId())).toList();
        assertThat(used).extracting(e -> e.get("eventName").asText()).contains("GetCallerIdentity", "GetUser");
        for (JsonNode event : used) {
            JsonNode identity = event.get("userIdentity");
            assertThat(identity.get("type").asText()).isEqualTo("IAMUser");
            assertThat(identity.get("arn").asText()).endsWith(":user/" + name);
            JsonNode attributes = identity.get("sessionContext").get("attributes");
            assertThat(attributes.get("mfaAuthenticated").asText()).isEqualTo("false");
            assertThat(Instant.parse(attributes.get("creationDate").asText()))
                    .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        }
        for (JsonNode event : events) {
            assertThat(event.toString()).doesNotContain(session.sessionToken()).doesNotContain(session.secretAccessKey());
        }
    }

    /**
     * GetCallerIdentity names every kind of principal as AWS does (STS API Reference and IAM User Guide, "Unique
     * identifiers"): a user by its ARN (path included) and {@code AIDA} id, the root user by the account id, a role
     * session by {@code AROA…:SESSION}, a federated user by {@code ACCOUNT:NAME}; and it needs no permission, so even
     * an explicit deny of everything does not stop it.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void getCallerIdentityNamesEveryKindOfPrincipalAndCannotBeDenied(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("st-kim");
        server.iam().createUser(r -> r.userName(name).path("/staff/"));
        var created = server.iam().createAccessKey(r -> r.userName(name)).accessKey();
        AwsCredentials kim = AwsBasicCredentials.create(created.accessKeyId(), created.secretAccessKey());
        String userId = server.iam().getUser(r -> r.userName(name)).user().userId();
        assertThat(userId).matches("AIDA[A-Z2-7]{17}");
        GetCallerIdentityResponse user = whoIs(server, kim);
        assertThat(user.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/staff/" + name);
        assertThat(user.userId()).isEqualTo(userId);
        assertThat(user.account()).isEqualTo(ACCOUNT);

        GetCallerIdentityResponse root = whoIs(server, TestServer.root());
        assertThat(root.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(root.userId()).isEqualTo(ACCOUNT);

        String roleName = unique("st-kim-role");
        String roleArn = AssumeRoleFixtures.role(server.iam(), roleName, AssumeRoleFixtures.trust(
                AssumeRoleFixtures.aws("arn:aws:iam::" + ACCOUNT + ":user/staff/" + name), "\"sts:AssumeRole\"", null));
        String roleId = server.iam().getRole(r -> r.roleName(roleName)).role().roleId();
        assertThat(roleId).matches("AROA[A-Z2-7]{17}");
        GetCallerIdentityResponse assumed = whoIs(server, AssumeRoleFixtures.assumed(server, kim, roleArn, "kim-s"));
        assertThat(assumed.arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/kim-s");
        assertThat(assumed.userId()).isEqualTo(roleId + ":kim-s");
        assertThat(assumed.account()).isEqualTo(ACCOUNT);

        grant(server.iam(), name, IamFixtures.allow("sts:GetFederationToken"));
        AwsSessionCredentials federated;
        try (StsClient sts = server.sts(kim)) {
            federated = session(sts.getFederationToken(r -> r.name("kim-fed").policy(IamFixtures.allow("s3:*")))
                    .credentials());
        }
        GetCallerIdentityResponse federatedUser = whoIs(server, federated);
        assertThat(federatedUser.arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":federated-user/kim-fed");
        assertThat(federatedUser.userId()).isEqualTo(ACCOUNT + ":kim-fed");

        // "No permissions are required to perform this operation": an explicit deny of everything does not stop it.
        server.iam().putUserPolicy(r -> r.userName(name).policyName("deny-all").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\","
                        + "\"Resource\":\"*\"}]}"));
        assertThat(whoIs(server, kim).arn()).isEqualTo(user.arn());
        assertThat(whoIs(server, federated).arn()).isEqualTo(federatedUser.arn());
    }

    /**
     * GetAccessKeyInfo names the account a temporary key belongs to: for a role session, the role's account, which is
     * another account than the caller's when the role is in one.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void getAccessKeyInfoOfARoleSessionKeyNamesTheRolesAccount(Backend backend) {
        TestServer server = servers.get(backend);
        TestAccount other = TestAccount.create(server);
        String name = unique("st-lena");
        AwsCredentials lena = userWithKey(server.iam(), name);
        String userArn = "arn:aws:iam::" + ACCOUNT + ":user/" + name;
        String roleArn = AssumeRoleFixtures.role(other.iam(server), "trusts-lena", AssumeRoleFixtures.trust(
                AssumeRoleFixtures.aws(userArn), "\"sts:AssumeRole\"", null));
        grant(server.iam(), name, IamFixtures.allow("sts:AssumeRole"));
        AwsSessionCredentials roleSession = AssumeRoleFixtures.assumed(server, lena, roleArn, "lena");
        try (StsClient root = server.sts(TestServer.root())) {
            assertThat(root.getAccessKeyInfo(r -> r.accessKeyId(roleSession.accessKeyId())).account())
                    .isEqualTo(other.id());
        }
    }
}
