package io.gatehouse.server.it;

import static io.gatehouse.server.it.AssumeRoleFixtures.auditEvents;
import static io.gatehouse.server.it.AssumeRoleFixtures.session;
import static io.gatehouse.server.it.AssumeRoleFixtures.trust;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.it.SamlIdentityProvider.Response;
import io.gatehouse.server.store.Backend;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssertionEncryptionModeType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;

/**
 * AssumeRoleWithSAML with the AWS SDK for Java v2 (which sends it unsigned) against responses of an in-test identity
 * provider signed with Santuario: a verified response gives a role session whose credentials work, with the
 * {@code saml:*} keys in the trust policy and a SAMLUser audit identity; every forged, unsigned, misaddressed or stale
 * response is refused with STS's error and issues nothing.
 */
class AssumeRoleWithSamlTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String SIGNATURE_INVALID = "Response signature invalid";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    /** A provider registered in IAM, and a role that trusts it with the given condition. */
    record Federation(SamlIdentityProvider idp, String providerName, String providerArn, String roleName,
                      String roleArn) {

        Response response() {
            return Response.forRole(roleArn, providerArn);
        }
    }

    private static Federation federation(TestServer server, String condition) {
        return federation(server, condition,
                "[\"sts:AssumeRoleWithSAML\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]");
    }

    private static Federation federation(TestServer server, String condition, String trustedActions) {
        IamClient iam = server.iam();
        SamlIdentityProvider idp = new SamlIdentityProvider("https://idp.test/" + unique("entity"));
        String providerName = unique("idp");
        String providerArn = iam.createSAMLProvider(r -> r.name(providerName).samlMetadataDocument(idp.metadata()))
                .samlProviderArn();
        String roleName = unique("saml-role");
        String roleArn = iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(
                trust("{\"Federated\":\"" + providerArn + "\"}", trustedActions, condition))).role().arn();
        iam.putRolePolicy(r -> r.roleName(roleName).policyName("own").policyDocument(IamFixtures.allow("iam:ListRoles")));
        return new Federation(idp, providerName, providerArn, roleName, roleArn);
    }

    private static StsClient unsigned(TestServer server) {
        return StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static AssumeRoleWithSamlResponse assume(TestServer server, Federation f, String assertion) {
        return assume(server, f.roleArn(), f.providerArn(), assertion);
    }

    private static AssumeRoleWithSamlResponse assume(TestServer server, String roleArn, String providerArn,
                                                     String assertion) {
        try (StsClient sts = unsigned(server)) {
            return sts.assumeRoleWithSAML(AssumeRoleWithSamlRequest.builder().roleArn(roleArn)
                    .principalArn(providerArn).samlAssertion(assertion).build());
        }
    }

    private static String expectedNameQualifier(Federation f) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-1").digest((f.idp().entityId() + ACCOUNT + "/" + f.providerName())
                .getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(hash);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSignedResponseGivesARoleSessionThatWorksAndTheTrustPolicySeesTheSamlKeys(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        Federation f = federation(server, "{\"StringEquals\":{\"saml:aud\":\"https://signin.aws.amazon.com/saml\","
                + "\"saml:sub_type\":\"persistent\",\"saml:sub\":\"alice@example.com\"},"
                + "\"ForAnyValue:StringEquals\":{\"saml:edupersonaffiliation\":\"staff\"}}");
        String assertion = f.idp().issue(f.response()
                .with("urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "member", "staff")
                .with("https://aws.amazon.com/SAML/Attributes/PrincipalTag:team", "blue")
                .with("https://aws.amazon.com/SAML/Attributes/SourceIdentity", "alice"));

        AssumeRoleWithSamlResponse answer = assume(server, f, assertion);

        assertThat(answer.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + f.roleName() + "/alice");
        assertThat(answer.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":alice");
        assertThat(answer.subject()).isEqualTo("alice@example.com");
        assertThat(answer.subjectType()).isEqualTo("persistent");
        assertThat(answer.issuer()).isEqualTo(f.idp().entityId());
        assertThat(answer.audience()).isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(answer.nameQualifier()).isEqualTo(expectedNameQualifier(f));
        assertThat(answer.sourceIdentity()).isEqualTo("alice");
        assertThat(answer.packedPolicySize()).isPositive();
        assertThat(answer.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(answer.credentials().expiration()).isBetween(Instant.now().plus(Duration.ofMinutes(59)),
                Instant.now().plus(Duration.ofMinutes(61)));

        try (StsClient sts = server.sts(session(answer.credentials()));
             IamClient iam = server.iam(session(answer.credentials()))) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(answer.assumedRoleUser().arn());
            assertThat(iam.listRoles().roles()).isNotEmpty();
            assertThatThrownBy(iam::listUsers).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
        // Within AWS's 5-minute redemption window the same response may be redeemed again.
        assertThat(assume(server, f, assertion).assumedRoleUser().arn()).isEqualTo(answer.assumedRoleUser().arn());

        JsonNode event = auditEvents(server).stream()
                .filter(e -> e.path("eventName").asText().equals("AssumeRoleWithSAML")
                        && e.path("responseElements").path("assumedRoleUser").path("arn").asText()
                        .equals(answer.assumedRoleUser().arn()))
                .findFirst().orElseThrow();
        assertThat(event.path("userIdentity").path("type").asText()).isEqualTo("SAMLUser");
        assertThat(event.path("userIdentity").path("principalId").asText())
                .isEqualTo(expectedNameQualifier(f) + ":alice@example.com");
        assertThat(event.path("userIdentity").path("identityProvider").asText()).isEqualTo(f.providerArn());
        assertThat(event.path("recipientAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(event.path("requestParameters").path("roleArn").asText()).isEqualTo(f.roleArn());
        assertThat(event.path("requestParameters").path("principalTags").toString()).isEqualTo("{\"team\":\"blue\"}");
        assertThat(event.path("requestParameters").has("transitiveTagKeys")).as("none is transitive").isFalse();
        assertThat(event.toString()).doesNotContain(assertion.substring(0, 40))
                .doesNotContain(answer.credentials().secretAccessKey())
                .doesNotContain(answer.credentials().sessionToken());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSignedResponseRatherThanASignedAssertionIsAccepted(Backend backend) {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        String assertion = f.idp().issue(f.response().signed(true, false));
        assertThat(assume(server, f, assertion).subject()).isEqualTo("alice@example.com");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSessionEndsAtSessionNotOnOrAfterWhenThatIsSooner(Backend backend) {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        AssumeRoleWithSamlResponse answer = assume(server, f,
                f.idp().issue(f.response().session(Duration.ofMinutes(20))));
        assertThat(answer.credentials().expiration()).isBetween(Instant.now().plus(Duration.ofMinutes(18)),
                Instant.now().plus(Duration.ofMinutes(21)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrustPolicyConditionOnTheSamlKeysThatFailsDenies(Backend backend) {
        TestServer server = servers.get(backend);
        Federation f = federation(server, "{\"StringEquals\":{\"saml:sub\":\"bob@example.com\"}}");
        refused(server, f, f.idp().issue(f.response()), "AccessDenied", 403,
                "Not authorized to perform sts:AssumeRoleWithSAML");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sessionTagsAndASourceIdentityNeedTheirOwnPermissionInTheTrustPolicy(Backend backend) {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null, "\"sts:AssumeRoleWithSAML\"");
        refused(server, f, f.idp().issue(f.response()
                        .with("https://aws.amazon.com/SAML/Attributes/PrincipalTag:team", "blue")),
                "AccessDenied", 403, "Not authorized to perform sts:TagSession");
        refused(server, f, f.idp().issue(f.response()
                        .with("https://aws.amazon.com/SAML/Attributes/SourceIdentity", "alice")),
                "AccessDenied", 403, "Not authorized to perform sts:SetSourceIdentity");
        assertThat(assume(server, f, f.idp().issue(f.response())).sourceIdentity()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void forgedOrMisaddressedResponsesAreRefusedAndIssueNothing(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        SamlIdentityProvider idp = f.idp();
        Response good = f.response();

        refused(server, f, idp.issue(good.signed(false, false)), "InvalidIdentityToken", 400, SIGNATURE_INVALID);
        refused(server, f, idp.issueSignedByStranger(good), "InvalidIdentityToken", 400, SIGNATURE_INVALID);
        refused(server, f, idp.issueSignedByStranger(good.signed(true, false)), "InvalidIdentityToken", 400,
                SIGNATURE_INVALID);
        Response evil = good.with(SamlIdentityProvider.ROLE_SESSION_NAME, "mallory");
        refused(server, f, idp.issueWrapped(good, evil), "InvalidIdentityToken", 400,
                "Invalid SAML response: it must contain exactly one assertion");
        refused(server, f, SamlIdentityProvider.base64("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&xxe;</samlp:Response>"""),
                "InvalidIdentityToken", 400, "Invalid SAML response");
        refused(server, f, idp.issue(good.audience("https://evil.example.com/")), "InvalidIdentityToken", 400,
                "Response does not contain the required audience.");
        refused(server, f, idp.issue(good.recipient("https://evil.example.com/saml")), "InvalidIdentityToken", 400,
                "Response does not contain a valid SubjectConfirmationData Recipient: https://signin.aws.amazon.com/saml");
        refused(server, f, idp.issue(good.issuer("https://other.idp/")), "InvalidIdentityToken", 400,
                "Issuer not present in specified provider");
        refused(server, f, idp.issue(good.issuedAt(Instant.now().minus(Duration.ofMinutes(4)), Duration.ofMinutes(2))),
                "ExpiredTokenException", 400, "Assertion is expired");
        refused(server, f, idp.issue(good.issuedAt(Instant.now().minus(Duration.ofMinutes(6)), Duration.ofHours(1))),
                "ExpiredTokenException", 400, "Response is expired");
        refused(server, f, idp.issue(good.with(SamlIdentityProvider.ROLE,
                        "arn:aws:iam::" + ACCOUNT + ":role/other," + f.providerArn())),
                "AccessDenied", 403, "Not authorized to perform sts:AssumeRoleWithSAML");
        refused(server, f, idp.issue(good.with(SamlIdentityProvider.ROLE_SESSION_NAME)), "InvalidIdentityToken", 400,
                "RoleSessionName is required in AuthnResponse");
        refused(server, f, idp.issue(good.with(SamlIdentityProvider.ROLE_SESSION_NAME, "a b")),
                "InvalidIdentityToken", 400, "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");

        // A provider that does not exist, and another provider's signature for this one's role.
        Federation other = federation(server, null);
        refused(server, f.roleArn(), f.providerArn().replace(f.providerName(), "nobody"), idp.issue(good),
                "InvalidIdentityToken", 400, "Specified provider doesn't exist.");
        refused(server, f.roleArn(), other.providerArn(),
                other.idp().issue(Response.forRole(f.roleArn(), other.providerArn())),
                "AccessDenied", 403, "Not authorized to perform sts:AssumeRoleWithSAML");

        List<JsonNode> refusals = auditEvents(server).stream()
                .filter(e -> e.path("eventName").asText().equals("AssumeRoleWithSAML")
                        && e.path("requestParameters").path("roleArn").asText().equals(f.roleArn()))
                .toList();
        assertThat(refusals).hasSizeGreaterThanOrEqualTo(10).allSatisfy(e -> {
            assertThat(e.path("responseElements").isNull()).isTrue();
            assertThat(e.path("errorCode").asText()).isNotEmpty();
            assertThat(e.path("userIdentity").path("type").asText()).isEqualTo("SAMLUser");
            assertThat(e.path("requestParameters").has("sAMLAssertion")).isFalse();
            assertThat(e.toString()).doesNotContain(idp.issue(good).substring(0, 30));
        });
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEncryptedAssertionIsDecryptedWithTheProvidersKeyAndRequiredModeRefusesPlainOnes(Backend backend) {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        KeyPair spKey = CredentialFixtures.rsa(2048);
        server.iam().updateSAMLProvider(r -> r.samlProviderArn(f.providerArn())
                .addPrivateKey(CredentialFixtures.pkcs8(spKey))
                .assertionEncryptionMode(AssertionEncryptionModeType.REQUIRED));

        String encrypted = f.idp().issueEncrypted(f.response(), spKey.getPublic());
        assertThat(assume(server, f, encrypted).subject()).isEqualTo("alice@example.com");

        refused(server, f, f.idp().issue(f.response()), "InvalidIdentityToken", 400,
                "Assertion encryption is required by the SAML provider");
        refused(server, f, f.idp().issueEncrypted(f.response(), CredentialFixtures.rsa(2048).getPublic()),
                "InvalidIdentityToken", 400, "Unable to decrypt the SAML assertion");
        refused(server, f, f.idp().issueEncrypted(f.response().signed(false, false), spKey.getPublic()),
                "InvalidIdentityToken", 400, SIGNATURE_INVALID);
    }

    private static void refused(TestServer server, Federation f, String assertion, String code, int status,
                                String message) {
        refused(server, f.roleArn(), f.providerArn(), assertion, code, status, message);
    }

    private static void refused(TestServer server, String roleArn, String providerArn, String assertion, String code,
                                int status, String message) {
        assertAwsError(() -> assume(server, roleArn, providerArn, assertion), code, status, message);
    }

    /**
     * IAM User Guide, "Pass session tags using AssumeRoleWithSAML": {@code PrincipalTag:KEY} attributes are the session's
     * tags ({@code aws:PrincipalTag/KEY} of its requests) and the {@code TransitiveTagKeys} attribute makes some of them
     * pass on when the session assumes another role; a transitive key that names no session tag is refused.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void principalTagAttributesAreSessionTagsAndTransitiveOnesSurviveRoleChaining(Backend backend) {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        String byTags = """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"iam:ListGroups","Resource":"*",
                   "Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}},
                  {"Effect":"Allow","Action":"iam:ListUsers","Resource":"*",
                   "Condition":{"Null":{"aws:PrincipalTag/env":"false"}}},
                  {"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession"],"Resource":"*"}]}""";
        server.iam().putRolePolicy(r -> r.roleName(f.roleName()).policyName("by-tags").policyDocument(byTags));
        String nextName = unique("saml-next");
        String next = AssumeRoleFixtures.role(server.iam(), nextName, trust(AssumeRoleFixtures.aws(f.roleArn()),
                "[\"sts:AssumeRole\",\"sts:TagSession\"]", null));
        server.iam().putRolePolicy(r -> r.roleName(nextName).policyName("by-tags").policyDocument(byTags));
        String principalTag = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:";
        String transitiveKeys = "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys";
        Response tagged = f.response().with(principalTag + "team", "blue").with(principalTag + "env", "dev")
                .with(transitiveKeys, "team");

        AssumeRoleWithSamlResponse answer = assume(server, f, f.idp().issue(tagged));
        AwsSessionCredentials first = session(answer.credentials());
        try (IamClient iam = server.iam(first); StsClient sts = server.sts(first)) {
            assertThat(iam.listGroups().groups()).isNotNull();
            assertThat(iam.listUsers().users()).isNotNull();
            AssumeRoleResponse chained = sts.assumeRole(r -> r.roleArn(next).roleSessionName("next"));
            try (IamClient chainedIam = server.iam(session(chained.credentials()))) {
                assertThat(chainedIam.listGroups().groups()).as("team=blue was transitive").isNotNull();
                IamFixtures.assertDenied(chainedIam::listUsers, chained.assumedRoleUser().arn(), "iam:ListUsers",
                        "arn:aws:iam::" + ACCOUNT + ":user/");
            }
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn(next).roleSessionName("next")
                            .tags(t -> t.key("team").value("red"))), "InvalidParameterValue", 400,
                    "The session tag team has the key of a transitive tag the calling session passes on.");
        }
        refused(server, f, f.idp().issue(tagged.with(transitiveKeys, "cost")), "InvalidIdentityToken", 400,
                "The transitive tag key cost is not a session tag key");
    }

    /**
     * The {@code SessionDuration} attribute bounds console sessions; an API session lasts {@code DurationSeconds}
     * (default an hour) within the role's maximum, as the STS API Reference says of AssumeRoleWithSAML. A value outside
     * the documented 900 to 43,200 seconds is refused.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSessionDurationAttributeIsCheckedAndTheApiSessionLastsDurationSeconds(Backend backend) {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        String sessionDuration = "https://aws.amazon.com/SAML/Attributes/SessionDuration";
        Response withDuration = f.response().with(sessionDuration, "7200");
        assertThat(assume(server, f, f.idp().issue(withDuration)).credentials().expiration())
                .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        try (StsClient sts = unsigned(server)) {
            AssumeRoleWithSamlResponse halfHour = sts.assumeRoleWithSAML(r -> r.roleArn(f.roleArn())
                    .principalArn(f.providerArn()).samlAssertion(f.idp().issue(withDuration)).durationSeconds(1800));
            assertThat(halfHour.credentials().expiration())
                    .isBetween(Instant.now().plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));
            assertAwsError(() -> sts.assumeRoleWithSAML(r -> r.roleArn(f.roleArn()).principalArn(f.providerArn())
                            .samlAssertion(f.idp().issue(withDuration)).durationSeconds(7200)), "ValidationError", 400,
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        for (String bad : List.of("100", "43201", "an hour")) {
            refused(server, f, f.idp().issue(f.response().with(sessionDuration, bad)), "InvalidIdentityToken", 400,
                    "SessionDuration in AuthnResponse must be an integer from 900 to 43200");
        }
    }

    /** A response issued (and an assertion valid) only from some minutes ahead is refused, beyond a minute of skew. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aResponseThatIsNotYetValidIsRefused(Backend backend) {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        refused(server, f, f.idp().issue(f.response().issuedAt(Instant.now().plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(5))), "InvalidIdentityToken", 400, "Response is not yet valid");
        assertThat(assume(server, f, f.idp().issue(f.response().issuedAt(Instant.now().plusSeconds(30),
                Duration.ofMinutes(5)))).subject()).as("within the skew").isEqualTo("alice@example.com");
    }

    /**
     * IAM User Guide, "Identify users in SAML-based federation": the {@code saml:*} keys are in the request context of
     * the session's requests too, so the role's permission policy can scope access to {@code saml:namequalifier} and
     * {@code saml:sub} and require {@code saml:sub_type} to be {@code persistent}.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSamlKeysAreInTheContextOfTheSessionsRequests(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        String nameQualifier = expectedNameQualifier(f);
        server.iam().putRolePolicy(r -> r.roleName(f.roleName()).policyName("by-saml").policyDocument(
                IamFixtures.allowWhere("\"iam:ListUsers\"", "\"*\"", "{\"StringEquals\":{\"saml:sub_type\":"
                        + "\"persistent\",\"saml:sub\":\"alice@example.com\",\"saml:namequalifier\":\""
                        + nameQualifier + "\"}}")));
        server.iam().putRolePolicy(r -> r.roleName(f.roleName()).policyName("by-affiliation").policyDocument(
                IamFixtures.allowWhere("\"iam:ListGroups\"", "\"*\"",
                        "{\"ForAnyValue:StringEquals\":{\"saml:edupersonaffiliation\":\"faculty\"}}")));
        AssumeRoleWithSamlResponse persistent = assume(server, f, f.idp().issue(f.response()
                .with("urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "member", "staff")));
        try (IamClient iam = server.iam(session(persistent.credentials()))) {
            assertThat(iam.listUsers().users()).isNotNull();
            IamFixtures.assertDenied(iam::listGroups, persistent.assumedRoleUser().arn(), "iam:ListGroups",
                    "arn:aws:iam::" + ACCOUNT + ":group/");
        }
    }

    /**
     * A session carries its {@code saml:*} keys in its token, so an assertion whose attributes would make them larger
     * than 8 KiB is refused in words, rather than giving a session whose token no request could carry (or failing).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAssertionWithAttributesTooLargeForASessionIsRefused(Backend backend) {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        refused(server, f, f.idp().issue(f.response().with("urn:oid:0.9.2342.19200300.100.1.3", "x".repeat(9000))),
                "InvalidIdentityToken", 400, "The attributes of the SAML assertion are too large: a session carries "
                        + "at most 8192 bytes of saml:* keys and values.");
        AssumeRoleWithSamlResponse large = assume(server, f, f.idp().issue(f.response()
                .with("urn:oid:0.9.2342.19200300.100.1.3", "x".repeat(7000))));
        try (IamClient iam = server.iam(session(large.credentials()))) {
            assertThat(iam.listRoles().roles()).as("a large but allowed set still gives a working session")
                    .isNotEmpty();
        }
    }

    /**
     * A SAML session is a role session like any other: the documented "revoke active sessions" policy
     * ({@code AWSRevokeOlderSessions}, a deny on {@code aws:TokenIssueTime}) ends it, and a response redeemed after the
     * revocation opens a session that works.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void revokingTheRolesOlderSessionsEndsSamlSessionsToo(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        Federation f = federation(server, null);
        AssumeRoleWithSamlResponse old = assume(server, f, f.idp().issue(f.response()));
        Thread.sleep(1100); // token issue times are whole seconds
        String revokedAt = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        server.iam().putRolePolicy(r -> r.roleName(f.roleName()).policyName("AWSRevokeOlderSessions").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":[\"*\"],"
                        + "\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\""
                        + revokedAt + "\"}}}}"));
        try (IamClient iam = server.iam(session(old.credentials()))) {
            assertAwsError(() -> iam.listRoles(), "AccessDenied", 403, "User: " + old.assumedRoleUser().arn()
                    + " is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + ACCOUNT
                    + ":role/ with an explicit deny in an identity-based policy");
        }
        AssumeRoleWithSamlResponse fresh = assume(server, f, f.idp().issue(f.response()));
        try (IamClient iam = server.iam(session(fresh.credentials()))) {
            assertThat(iam.listRoles().roles()).isNotEmpty();
        }
    }
}
