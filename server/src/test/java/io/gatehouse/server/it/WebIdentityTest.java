package io.gatehouse.server.it;

import static io.gatehouse.server.it.AssumeRoleFixtures.role;
import static io.gatehouse.server.it.AssumeRoleFixtures.session;
import static io.gatehouse.server.it.AssumeRoleFixtures.trust;
import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.server.oidc.SessionTagsClaim;
import io.gatehouse.server.store.Backend;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * AssumeRoleWithWebIdentity against an identity provider run by the test: an unsigned call whose ID token is verified
 * against the provider's discovery document and JWKS, a GitHub-Actions-style trust policy on the provider's {@code sub}
 * and {@code aud} keys, the session's identity and its {@code aws:FederatedProvider}, and every way a token is refused:
 * {@code alg: none}, HMAC signed with the public key, another issuer, another audience, expired, not yet valid,
 * tampered, signed with a key not published yet (then picked up after rotation), and an identity provider that does not
 * answer. Servers run in {@code --dev} mode, which lets a provider's issuer be a plain-http local URL; one test runs
 * the provider over HTTPS against a server trusting its certificate authority.
 */
class WebIdentityTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String AUDIENCE = "sts.amazonaws.com";
    private static final String NO_KEY = "Couldn't retrieve verification key from your identity provider,  please "
            + "reference AssumeRoleWithWebIdentity documentation for requirements";
    private static final String NOT_VALIDATED = "The web identity token that was passed could not be validated by "
            + "AWS. Get a new identity token from the identity provider and then retry the request.";
    private static final String NOT_AUTHORIZED = "Not authorized to perform sts:AssumeRoleWithWebIdentity";

    @TempDir
    static Path directory;
    private static final Map<Backend, TestServer> SERVERS = new EnumMap<>(Backend.class);

    static synchronized TestServer server(Backend backend) {
        return SERVERS.computeIfAbsent(backend, b -> TestServer.start(b, directory.resolve(b.name()), true));
    }

    @AfterAll
    static void stop() throws Exception {
        for (TestServer server : SERVERS.values()) {
            server.close();
        }
    }

    /** A client that signs nothing, as the SDKs' web identity credential providers call STS. */
    static StsClient anonymousSts(TestServer server) {
        return StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The IAM provider for {@code idp} (client id sts.amazonaws.com) and a role trusting repo:acme/app:* of it. */
    static String providerAndRole(TestServer server, TestIdentityProvider idp, String rolePolicy) {
        IamClient iam = server.iam();
        String providerArn = iam.createOpenIDConnectProvider(r -> r.url(idp.issuer()).clientIDList(AUDIENCE))
                .openIDConnectProviderArn();
        assertThat(providerArn).isEqualTo("arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + idp.name());
        // The documented GitHub Actions trust policy, with this provider's name for token.actions.githubusercontent.com.
        String trust = trust("{\"Federated\":\"" + providerArn + "\"}", "\"sts:AssumeRoleWithWebIdentity\"",
                "{\"StringEquals\":{\"" + idp.name() + ":aud\":\"" + AUDIENCE + "\"},"
                        + "\"StringLike\":{\"" + idp.name() + ":sub\":\"repo:acme/app:*\"}}");
        String roleName = unique("wi-role");
        String roleArn = role(iam, roleName, trust);
        if (rolePolicy != null) {
            iam.putRolePolicy(r -> r.roleName(roleName).policyName("p").policyDocument(rolePolicy));
        }
        return roleArn;
    }

    static AssumeRoleWithWebIdentityResponse assume(TestServer server, String roleArn, String token) {
        try (StsClient sts = anonymousSts(server)) {
            return sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("ci-run")
                    .webIdentityToken(token));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aGitHubStyleTrustPolicyLetsTheMatchingRepositoryInAndTheSessionActsAsTheRole(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            String providerArn = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + idp.name();
            String roleArn = providerAndRole(server, idp, allowWhere("\"iam:ListRoles\"", "\"*\"",
                    "{\"ArnEquals\":{\"aws:FederatedProvider\":\"" + providerArn + "\"}}"));
            String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            String roleId = server.iam().getRole(r -> r.roleName(roleName)).role().roleId();
            String token = idp.token("repo:acme/app:ref:refs/heads/main", AUDIENCE);

            AssumeRoleWithWebIdentityResponse response = assume(server, roleArn, token);

            assertThat(response.subjectFromWebIdentityToken()).isEqualTo("repo:acme/app:ref:refs/heads/main");
            assertThat(response.provider()).isEqualTo(idp.issuer());
            assertThat(response.audience()).isEqualTo(AUDIENCE);
            assertThat(response.assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/ci-run");
            assertThat(response.assumedRoleUser().assumedRoleId()).isEqualTo(roleId + ":ci-run");
            assertThat(response.credentials().accessKeyId()).startsWith("ASIA");
            assertThat(response.packedPolicySize()).isNull();
            AwsSessionCredentials credentials = session(response.credentials());
            try (StsClient sts = server.sts(credentials); IamClient iam = server.iam(credentials)) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo(response.assumedRoleUser().arn());
                // Allowed only through aws:FederatedProvider, which the session carries.
                assertThat(iam.listRoles().roles()).isNotEmpty();
            }

            List<JsonNode> events = AssumeRoleFixtures.auditEvents(server);
            JsonNode event = events.stream().filter(e -> e.get("eventName").asText().equals("AssumeRoleWithWebIdentity")
                    && e.get("responseElements").isObject() && e.get("responseElements").get("assumedRoleUser")
                    .get("arn").asText().contains(roleName)).findFirst().orElseThrow();
            JsonNode identity = event.get("userIdentity");
            assertThat(identity.get("type").asText()).isEqualTo("WebIdentityUser");
            assertThat(identity.get("principalId").asText())
                    .isEqualTo(idp.name() + ":" + AUDIENCE + ":repo:acme/app:ref:refs/heads/main");
            assertThat(identity.get("identityProvider").asText()).isEqualTo(idp.name());
            assertThat(event.get("recipientAccountId").asText()).isEqualTo(ACCOUNT);
            assertThat(events.toString()).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.')));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anotherRepositoryIsNotAuthorizedByTheSubCondition(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            String roleArn = providerAndRole(server, idp, null);
            assertAwsError(() -> assume(server, roleArn, idp.token("repo:evil/app:ref:refs/heads/main", AUDIENCE)),
                    "AccessDenied", 403, NOT_AUTHORIZED);
            assertAwsError(() -> assume(server, roleArn.replace("wi-role", "no-such-role"),
                    idp.token("repo:acme/app:x", AUDIENCE)), "AccessDenied", 403, NOT_AUTHORIZED);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void azpIsTheAudienceAudTheOtherAudienceAndAmrAndSessionPoliciesApply(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            IamClient iam = server.iam();
            String providerArn = iam.createOpenIDConnectProvider(r -> r.url(idp.issuer()).clientIDList("web-app"))
                    .openIDConnectProviderArn();
            String trust = trust("{\"Federated\":\"" + providerArn + "\"}", "\"sts:AssumeRoleWithWebIdentity\"",
                    "{\"StringEquals\":{\"" + idp.name() + ":aud\":\"web-app\"},"
                            + "\"ForAnyValue:StringEquals\":{\"" + idp.name() + ":oaud\":\"api\",\""
                            + idp.name() + ":amr\":\"mfa\"}}");
            String roleName = unique("wi-azp");
            String roleArn = role(iam, roleName, trust);
            iam.putRolePolicy(r -> r.roleName(roleName).policyName("p").policyDocument(allow("iam:ListRoles",
                    "iam:ListUsers")));
            String token = idp.token("user-7", "api", c -> c.audience(List.of("api", "reports"))
                    .claim("azp", "web-app").claim("amr", List.of("pwd", "mfa")));
            try (StsClient sts = anonymousSts(server)) {
                AssumeRoleWithWebIdentityResponse response = sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn)
                        .roleSessionName("browser").webIdentityToken(token)
                        .policy(allow("iam:ListRoles")));
                assertThat(response.audience()).isEqualTo("web-app");
                assertThat(response.packedPolicySize()).isPositive();
                try (IamClient session = server.iam(session(response.credentials()))) {
                    assertThat(session.listRoles().roles()).isNotEmpty();
                    // The role allows ListUsers, the session policy does not.
                    assertThat(catchThrowableOfType(AwsServiceException.class, session::listUsers).statusCode())
                            .isEqualTo(403);
                }
                String withoutMfa = idp.token("user-7", "api", c -> c.audience(List.of("api"))
                        .claim("azp", "web-app").claim("amr", "pwd"));
                assertAwsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("browser")
                        .webIdentityToken(withoutMfa)), "AccessDenied", 403, NOT_AUTHORIZED);
                assertAwsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("browser")
                                .webIdentityToken(token).durationSeconds(7200)), "ValidationError", 400,
                        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
                // The session's token carries aud, sub, oaud and amr: claims too large for it are refused, not
                // turned into a session no request could carry.
                String hugeAmr = idp.token("user-7", "api", c -> c.audience(List.of("api"))
                        .claim("azp", "web-app").claim("amr", List.of("mfa", "x".repeat(9000))));
                assertAwsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("browser")
                        .webIdentityToken(hugeAmr)), "IDPRejectedClaim", 403, "The aud, sub, oaud and amr claims of "
                        + "the token are too large: a session carries at most 8192 bytes of them.");
                String noAudience = idp.token("user-7", "api", c -> c.audience((String) null));
                assertAwsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("browser")
                        .webIdentityToken(noAudience)), "InvalidIdentityToken", 400, "Missing a required claim: aud");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void unsignedAndHmacTokensAreRefusedWhateverTheyClaim(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            String roleArn = providerAndRole(server, idp, null);
            JWTClaimsSet claims = claims(idp, "repo:acme/app:x", AUDIENCE);
            String none = new PlainJWT(new PlainHeader(), claims).serialize();
            assertAwsError(() -> assume(server, roleArn, none), "InvalidIdentityToken", 400, NOT_VALIDATED);

            // The classic key-confusion attack: HS256 with the provider's public key as the shared secret.
            SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .keyID(idp.signingKey().getKeyID()).build(), claims);
            byte[] publicKey = idp.signingKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            hmac.sign(new MACSigner(publicKey));
            assertAwsError(() -> assume(server, roleArn, hmac.serialize()), "InvalidIdentityToken", 400, NOT_VALIDATED);
            assertAwsError(() -> assume(server, roleArn, "not.a.token"), "InvalidIdentityToken", 400, NOT_VALIDATED);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tokensOfAnotherIssuerOrAudienceOrWithAChangedSignatureAreRefused(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http(); TestIdentityProvider other = TestIdentityProvider.http()) {
            String roleArn = providerAndRole(server, idp, null);
            assertAwsError(() -> assume(server, roleArn, other.token("repo:acme/app:x", AUDIENCE)),
                    "InvalidIdentityToken", 400, "No OpenIDConnect provider found in your account for " + other.issuer());
            // The registered issuer's name, signed by another party's key: no published key verifies it.
            String forged = TestIdentityProvider.sign(claims(idp, "repo:acme/app:x", AUDIENCE), other.signingKey());
            assertAwsError(() -> assume(server, roleArn, forged), "InvalidIdentityToken", 400, NO_KEY);
            assertAwsError(() -> assume(server, roleArn, idp.token("repo:acme/app:x", "another-client")),
                    "InvalidIdentityToken", 400, "Incorrect token audience");

            String token = idp.token("repo:acme/app:x", AUDIENCE);
            String payload = token.split("\\.")[1];
            String changed = token.replace(payload, Base64.getUrlEncoder().withoutPadding().encodeToString(
                    claims(idp, "repo:acme/app:admin", AUDIENCE).toString().getBytes(StandardCharsets.UTF_8)));
            assertAwsError(() -> assume(server, roleArn, changed), "InvalidIdentityToken", 400, NOT_VALIDATED);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void expiredAndNotYetValidTokensAreRefused(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            String roleArn = providerAndRole(server, idp, null);
            Instant expired = Instant.now().minus(Duration.ofMinutes(10));
            AwsServiceException error = catchThrowableOfType(AwsServiceException.class, () -> assume(server, roleArn,
                    idp.token("repo:acme/app:x", AUDIENCE, c -> c.expirationTime(Date.from(expired))
                            .issueTime(Date.from(expired.minusSeconds(600)))
                            .notBeforeTime(Date.from(expired.minusSeconds(600))))));
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorMessage()).startsWith("Token expired: current date/time ")
                    .endsWith(" must be before the expiration date/time" + expired.getEpochSecond());

            Instant later = Instant.now().plus(Duration.ofMinutes(10));
            error = catchThrowableOfType(AwsServiceException.class, () -> assume(server, roleArn,
                    idp.token("repo:acme/app:x", AUDIENCE, c -> c.notBeforeTime(Date.from(later)))));
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNewSigningKeyIsPickedUpOnceTheProviderPublishesIt(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            String roleArn = providerAndRole(server, idp, null);
            assertThat(assume(server, roleArn, idp.token("repo:acme/app:x", AUDIENCE)).credentials()).isNotNull();

            idp.signWithUnpublishedKey();
            Thread.sleep(1_100); // past the refresh limit, so the unknown key id makes the keys be fetched again
            assertAwsError(() -> assume(server, roleArn, idp.token("repo:acme/app:x", AUDIENCE)),
                    "InvalidIdentityToken", 400, NO_KEY);
            int fetches = idp.jwksFetches();
            // Within the refresh limit an unknown key id fetches nothing.
            assertAwsError(() -> assume(server, roleArn, idp.token("repo:acme/app:x", AUDIENCE)),
                    "InvalidIdentityToken", 400, NO_KEY);
            assertThat(idp.jwksFetches()).isEqualTo(fetches);

            idp.publishSigningKey();
            Thread.sleep(1_100);
            assertThat(assume(server, roleArn, idp.token("repo:acme/app:x", AUDIENCE)).credentials()).isNotNull();

            // A rotation to an ES256 key: the allow-list takes ECDSA as well.
            idp.rotateToEc();
            Thread.sleep(1_100);
            assertThat(assume(server, roleArn, idp.token("repo:acme/app:x", AUDIENCE)).credentials()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aProviderWhoseKeysCannotBeFetchedIsACommunicationError(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            String roleArn = providerAndRole(server, idp, null);
            idp.jwksDown(true);
            assertAwsError(() -> assume(server, roleArn, idp.token("repo:acme/app:x", AUDIENCE)),
                    "IDPCommunicationError", 400, NO_KEY);
        }
        // Nobody listens on a TLS issuer whose certificate this server does not trust either.
        try (TestIdentityProvider tls = TestIdentityProvider.https()) {
            String roleArn = providerAndRole(server, tls, null);
            assertAwsError(() -> assume(server, roleArn, tls.token("repo:acme/app:x", AUDIENCE)),
                    "IDPCommunicationError", 400, NO_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void providerIdIsForOAuthProvidersOnly(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http(); StsClient sts = anonymousSts(server)) {
            String roleArn = providerAndRole(server, idp, null);
            String token = idp.token("repo:acme/app:x", AUDIENCE);
            assertAwsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("ci-run")
                            .webIdentityToken(token).providerId("www.amazon.com")), "InvalidParameterValue", 400,
                    "ProviderId is only for OAuth 2.0 access tokens; OpenID Connect ID tokens must be passed without it.");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anHttpsProviderIsTrustedThroughTheConfiguredCertificateAuthority(Backend backend, @TempDir Path data)
            throws Exception {
        try (TestIdentityProvider idp = TestIdentityProvider.https()) {
            Path ca = idp.caPem(data);
            try (TestServer server = TestServer.start(backend, data.resolve("server"), o -> o.withOidcCaFile(ca),
                    Map.of())) {
                String roleArn = providerAndRole(server, idp, allow("iam:ListRoles"));
                AssumeRoleWithWebIdentityResponse response = assume(server, roleArn,
                        idp.token("repo:acme/app:ref:refs/tags/v1", AUDIENCE));
                assertThat(response.provider()).startsWith("https://127.0.0.1:");
                try (IamClient iam = server.iam(session(response.credentials()))) {
                    assertThat(iam.listRoles().roles()).isNotEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void onlyAssumeRoleWithWebIdentityIsServedUnsigned(Backend backend) throws Exception {
        TestServer server = server(backend);
        HttpClient http = HttpClient.newHttpClient();
        for (String form : List.of("Action=GetCallerIdentity&Version=2011-06-15", "Version=2011-06-15",
                "Action=ListUsers&Version=2010-05-08", "Action=AssumeRole&Version=2011-06-15&RoleArn=x")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            server.endpoint().resolve("/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(form).isBetween(400, 499);
            assertThat(response.body()).as(form).doesNotContain("<Credentials>").doesNotContain("<Arn>");
        }
    }

    /** The tags claim of a token: {@code principal_tags} as given, {@code transitive_tag_keys} when any. */
    static Map<String, Object> tagsClaim(Map<String, Object> principalTags, String... transitiveKeys) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("principal_tags", principalTags);
        if (transitiveKeys.length > 0) {
            claim.put("transitive_tag_keys", List.of(transitiveKeys));
        }
        return claim;
    }

    /**
     * A role trusting {@code idp}'s tokens for sts.amazonaws.com, and letting them tag the session when {@code tagSession}
     * is a condition block (JSON) or {@code "{}"} for no condition; {@code null}: no sts:TagSession at all.
     */
    static String taggableRole(TestServer server, TestIdentityProvider idp, String tagSession, String rolePolicy) {
        IamClient iam = server.iam();
        String providerArn = iam.createOpenIDConnectProvider(r -> r.url(idp.issuer()).clientIDList(AUDIENCE))
                .openIDConnectProviderArn();
        String principal = "{\"Federated\":\"" + providerArn + "\"}";
        String statements = "{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\""
                + idp.name() + ":aud\":\"" + AUDIENCE + "\"}}}";
        if (tagSession != null) {
            statements += ",{\"Effect\":\"Allow\",\"Principal\":" + principal
                    + ",\"Action\":\"sts:TagSession\",\"Condition\":" + tagSession + "}";
        }
        String roleName = unique("wi-tags");
        String roleArn = role(iam, roleName, "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
        if (rolePolicy != null) {
            iam.putRolePolicy(r -> r.roleName(roleName).policyName("p").policyDocument(rolePolicy));
        }
        return roleArn;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tokenTagsArePrincipalTagsOfTheSessionAndTheTransitiveOnesSurviveAChainedAssumeRole(Backend backend)
            throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            String secondName = unique("wi-chained");
            String secondArn = "arn:aws:iam::" + ACCOUNT + ":role/" + secondName;
            // The trust policy may test the tags the token passes: only team=blue may tag the session.
            String firstArn = taggableRole(server, idp, "{\"StringEquals\":{\"aws:RequestTag/team\":\"blue\"},"
                    + "\"ForAllValues:StringEquals\":{\"sts:TransitiveTagKeys\":[\"team\"],"
                    + "\"aws:TagKeys\":[\"team\",\"project\"]}}",
                    "{\"Version\":\"2012-10-17\",\"Statement\":["
                            + "{\"Effect\":\"Allow\",\"Action\":\"iam:ListRoles\",\"Resource\":\"*\","
                            + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}},"
                            + "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + secondArn
                            + "\"}]}");
            role(server.iam(), secondName, trust(AssumeRoleFixtures.aws(firstArn),
                    "[\"sts:AssumeRole\",\"sts:TagSession\"]", null));
            server.iam().putRolePolicy(r -> r.roleName(secondName).policyName("p").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":["
                            + "{\"Effect\":\"Allow\",\"Action\":\"iam:ListRoles\",\"Resource\":\"*\","
                            + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}},"
                            + "{\"Effect\":\"Allow\",\"Action\":\"iam:ListUsers\",\"Resource\":\"*\","
                            + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/project\":\"apollo\"}}}]}"));

            String token = idp.token("user-1", AUDIENCE, c -> c.claim(SessionTagsClaim.CLAIM, tagsClaim(
                    Map.of("team", List.of("blue"), "project", List.of("apollo")), "team")));
            AssumeRoleWithWebIdentityResponse response = assume(server, firstArn, token);
            assertThat(response.packedPolicySize()).isPositive();
            AwsSessionCredentials first = session(response.credentials());
            try (IamClient iam = server.iam(first)) {
                assertThat(iam.listRoles().roles()).isNotEmpty();
            }

            // CloudTrail records the token's tags among the request parameters.
            JsonNode event = AssumeRoleFixtures.auditEvents(server).stream()
                    .filter(e -> e.get("eventName").asText().equals("AssumeRoleWithWebIdentity")
                            && e.get("requestParameters").path("roleArn").asText().equals(firstArn)
                            && !e.has("errorCode")).findFirst().orElseThrow();
            assertThat(event.get("requestParameters").get("principalTags").toString())
                    .isIn("{\"team\":\"blue\",\"project\":\"apollo\"}", "{\"project\":\"apollo\",\"team\":\"blue\"}");
            assertThat(event.get("requestParameters").get("transitiveTagKeys").toString()).isEqualTo("[\"team\"]");

            AwsSessionCredentials chained = AssumeRoleFixtures.assumed(server, first, secondArn, "chained");
            try (IamClient iam = server.iam(chained)) {
                assertThat(iam.listRoles().roles()).as("team is transitive").isNotEmpty();
                assertThat(catchThrowableOfType(AwsServiceException.class, iam::listUsers).statusCode())
                        .as("project is not").isEqualTo(403);
            }

            String red = idp.token("user-2", AUDIENCE, c -> c.claim(SessionTagsClaim.CLAIM,
                    tagsClaim(Map.of("team", List.of("red")))));
            assertAwsError(() -> assume(server, firstArn, red), "AccessDenied", 403,
                    "Not authorized to perform sts:TagSession");
            String otherKey = idp.token("user-3", AUDIENCE, c -> c.claim(SessionTagsClaim.CLAIM,
                    tagsClaim(Map.of("team", List.of("blue"), "cost", List.of("1")))));
            assertAwsError(() -> assume(server, firstArn, otherKey), "AccessDenied", 403,
                    "Not authorized to perform sts:TagSession");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrustPolicyWithoutTagSessionRefusesATokenWithTags(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            String roleArn = providerAndRole(server, idp, null);
            String tagged = idp.token("repo:acme/app:x", AUDIENCE, c -> c.claim(SessionTagsClaim.CLAIM,
                    tagsClaim(Map.of("team", List.of("blue")))));
            assertAwsError(() -> assume(server, roleArn, tagged), "AccessDenied", 403,
                    "Not authorized to perform sts:TagSession");
            assertThat(assume(server, roleArn, idp.token("repo:acme/app:x", AUDIENCE)).packedPolicySize())
                    .as("the same role without tags").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTagsClaimThatBreaksTheSessionTagRulesIsARejectedClaim(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            String roleArn = taggableRole(server, idp, "{}", null);
            Map<String, Object> fiftyOne = new LinkedHashMap<>();
            for (int i = 0; i < 51; i++) {
                fiftyOne.put("k" + i, List.of("v"));
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("not an object", "team=blue");
            claims.put("a value that is no array", Map.of("principal_tags", Map.of("team", "blue")));
            claims.put("two values", tagsClaim(Map.of("team", List.of("blue", "red"))));
            claims.put("no value", tagsClaim(Map.of("team", List.of())));
            claims.put("a reserved key", tagsClaim(Map.of("aws:team", List.of("blue"))));
            claims.put("keys differing by case", tagsClaim(new LinkedHashMap<>(Map.of("team", List.of("blue"),
                    "Team", List.of("red")))));
            claims.put("a character outside the tag alphabet", tagsClaim(Map.of("team", List.of("blue;red"))));
            claims.put("a key too long", tagsClaim(Map.of("k".repeat(129), List.of("v"))));
            claims.put("a value too long", tagsClaim(Map.of("team", List.of("v".repeat(257)))));
            claims.put("51 tags", tagsClaim(fiftyOne));
            claims.put("a transitive key of no tag", tagsClaim(Map.of("team", List.of("blue")), "project"));
            claims.put("transitive keys that are no array",
                    Map.of("principal_tags", Map.of("team", List.of("blue")), "transitive_tag_keys", "team"));
            for (Map.Entry<String, Object> claim : claims.entrySet()) {
                String token = idp.token("user-1", AUDIENCE, c -> c.claim(SessionTagsClaim.CLAIM, claim.getValue()));
                AwsServiceException error = catchThrowableOfType(AwsServiceException.class,
                        () -> assume(server, roleArn, token));
                assertThat(error).as(claim.getKey()).isNotNull();
                assertThat(error.awsErrorDetails().errorCode()).as(claim.getKey()).isEqualTo("IDPRejectedClaim");
                assertThat(error.statusCode()).as(claim.getKey()).isEqualTo(403);
            }
            // The token was verified: the refusal is recorded as the web identity user's.
            JsonNode refused = AssumeRoleFixtures.auditEvents(server).stream()
                    .filter(e -> e.path("errorCode").asText().equals("IDPRejectedClaim")
                            && e.path("requestParameters").path("roleArn").asText().equals(roleArn))
                    .findFirst().orElseThrow();
            assertThat(refused.get("userIdentity").get("type").asText()).isEqualTo("WebIdentityUser");
            assertThat(refused.get("userIdentity").get("principalId").asText())
                    .isEqualTo(idp.name() + ":" + AUDIENCE + ":user-1");

            // Fifty tags within every limit, of random text that does not compress: past the packed size limit (the token
            // stays within the 20,000 characters the model allows it).
            Map<String, Object> large = new LinkedHashMap<>();
            Random random = new Random(7);
            for (int i = 0; i < 50; i++) {
                large.put("k" + i + "-" + randomText(random, 20), List.of(randomText(random, 60)));
            }
            String tooLarge = idp.token("user-1", AUDIENCE, c -> c.claim(SessionTagsClaim.CLAIM, tagsClaim(large)));
            AwsServiceException error = catchThrowableOfType(AwsServiceException.class,
                    () -> assume(server, roleArn, tooLarge));
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("PackedPolicyTooLarge");
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorMessage()).matches("Packed policy consumes \\d+% of allotted space");

            Map<String, Object> fiftyTags = new LinkedHashMap<>(fiftyOne);
            fiftyTags.remove("k50");
            String fifty = idp.token("user-1", AUDIENCE, c -> c.claim(SessionTagsClaim.CLAIM, tagsClaim(fiftyTags)));
            assertThat(assume(server, roleArn, fifty).packedPolicySize()).as("50 short tags are fine").isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSessionsRequestsCarryTheProvidersKeysAndTheTokensSourceIdentity(Backend backend) throws Exception {
        TestServer server = server(backend);
        try (TestIdentityProvider idp = TestIdentityProvider.http()) {
            IamClient iam = server.iam();
            String providerArn = iam.createOpenIDConnectProvider(r -> r.url(idp.issuer()).clientIDList(AUDIENCE))
                    .openIDConnectProviderArn();
            String principal = "{\"Federated\":\"" + providerArn + "\"}";
            String roleName = unique("wi-source");
            String roleArn = role(iam, roleName, "{\"Version\":\"2012-10-17\",\"Statement\":["
                    + "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRoleWithWebIdentity\"},"
                    + "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sts:SetSourceIdentity\","
                    + "\"Condition\":{\"StringLike\":{\"sts:SourceIdentity\":\"*@example.com\"}}}]}");
            // Only the session of user-1, with the source identity its token set, may list roles.
            iam.putRolePolicy(r -> r.roleName(roleName).policyName("p").policyDocument(allowWhere(
                    "\"iam:ListRoles\"", "\"*\"", "{\"StringEquals\":{\"" + idp.name() + ":sub\":\"user-1\","
                            + "\"" + idp.name() + ":aud\":\"" + AUDIENCE + "\","
                            + "\"aws:SourceIdentity\":\"alice@example.com\"}}")));

            AssumeRoleWithWebIdentityResponse alice = assume(server, roleArn, idp.token("user-1", AUDIENCE,
                    c -> c.claim("https://aws.amazon.com/source_identity", "alice@example.com")));
            assertThat(alice.sourceIdentity()).isEqualTo("alice@example.com");
            try (IamClient session = server.iam(session(alice.credentials()))) {
                assertThat(session.listRoles().roles()).isNotEmpty();
            }
            AssumeRoleWithWebIdentityResponse other = assume(server, roleArn, idp.token("user-2", AUDIENCE,
                    c -> c.claim("https://aws.amazon.com/source_identity", "alice@example.com")));
            try (IamClient session = server.iam(session(other.credentials()))) {
                assertThat(catchThrowableOfType(AwsServiceException.class, session::listRoles).statusCode())
                        .as("another subject of the same provider").isEqualTo(403);
            }
            AssumeRoleWithWebIdentityResponse none = assume(server, roleArn, idp.token("user-1", AUDIENCE));
            assertThat(none.sourceIdentity()).isNull();

            assertAwsError(() -> assume(server, roleArn, idp.token("user-1", AUDIENCE,
                    c -> c.claim("https://aws.amazon.com/source_identity", "mallory@evil.test"))), "AccessDenied", 403,
                    "Not authorized to perform sts:SetSourceIdentity");
            for (Object bad : List.<Object>of("a", "aws:alice", "alice smith", List.of("alice"))) {
                assertAwsError(() -> assume(server, roleArn, idp.token("user-1", AUDIENCE,
                        c -> c.claim("https://aws.amazon.com/source_identity", bad))), "IDPRejectedClaim", 403,
                        "The https://aws.amazon.com/source_identity claim must be a string matching "
                                + "[a-zA-Z_0-9+=,.@-]{2,64}");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tokensOfThisServersOutboundFederationCannotOpenASession(Backend backend) {
        TestServer server = server(backend);
        IamClient iam = server.iam();
        String issuer;
        try {
            issuer = iam.enableOutboundWebIdentityFederation(r -> {}).issuerIdentifier();
        } catch (software.amazon.awssdk.services.iam.model.FeatureEnabledException enabled) {
            issuer = iam.getOutboundWebIdentityFederationInfo(r -> {}).issuerIdentifier();
        }
        String url = issuer;
        String providerArn = iam.createOpenIDConnectProvider(r -> r.url(url).clientIDList(AUDIENCE))
                .openIDConnectProviderArn();
        String roleArn = role(iam, unique("wi-own"), trust("{\"Federated\":\"" + providerArn + "\"}",
                "\"sts:AssumeRoleWithWebIdentity\"", null));
        String token;
        try (StsClient sts = server.sts(TestServer.root())) {
            token = sts.getWebIdentityToken(r -> r.audience(AUDIENCE).signingAlgorithm("RS256")).webIdentityToken();
        }
        assertAwsError(() -> assume(server, roleArn, token), "InvalidIdentityToken", 400, "Web identity tokens of "
                + "this server's outbound identity federation (GetWebIdentityToken) cannot be used with "
                + "AssumeRoleWithWebIdentity.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anOwnTokenIsKnownByItsKeyAfterThePublicUrlChanged(Backend backend, @TempDir Path data) throws Exception {
        AtomicReference<String> publicUrl = new AtomicReference<>("http://127.0.0.1:9/before");
        try (TestServer server = TestServer.start(backend, data, true, o -> o.withPublicUrl(publicUrl.get()))) {
            String issuer = server.iam().enableOutboundWebIdentityFederation(r -> {}).issuerIdentifier();
            assertThat(issuer).startsWith("http://127.0.0.1:9/before/issuers/");
            String token;
            try (StsClient sts = server.sts(TestServer.root())) {
                token = sts.getWebIdentityToken(r -> r.audience(AUDIENCE).signingAlgorithm("ES384"))
                        .webIdentityToken();
            }
            publicUrl.set("http://127.0.0.1:9/after");
            server.restart();
            // An IAM provider for the old issuer URL: were the token not known as this server's by its key, it would
            // now be checked against that (unreachable) issuer and refused as a communication error instead.
            String providerArn = server.iam().createOpenIDConnectProvider(r -> r.url(issuer).clientIDList(AUDIENCE))
                    .openIDConnectProviderArn();
            String roleArn = role(server.iam(), unique("wi-moved"), trust("{\"Federated\":\"" + providerArn + "\"}",
                    "\"sts:AssumeRoleWithWebIdentity\"", null));
            assertAwsError(() -> assume(server, roleArn, token), "InvalidIdentityToken", 400, "Web identity tokens "
                    + "of this server's outbound identity federation (GetWebIdentityToken) cannot be used with "
                    + "AssumeRoleWithWebIdentity.");
        }
    }

    private static String randomText(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:/=+-@";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static JWTClaimsSet claims(TestIdentityProvider idp, String subject, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(idp.issuer()).subject(subject).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build();
    }
}
