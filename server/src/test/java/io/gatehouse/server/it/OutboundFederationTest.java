package io.gatehouse.server.it;

import static io.gatehouse.server.it.AssumeRoleFixtures.aws;
import static io.gatehouse.server.it.AssumeRoleFixtures.role;
import static io.gatehouse.server.it.AssumeRoleFixtures.session;
import static io.gatehouse.server.it.AssumeRoleFixtures.trust;
import static io.gatehouse.server.it.AssumeRoleFixtures.userArn;
import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gatehouse.server.store.Backend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.model.GetOutboundWebIdentityFederationInfoResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetWebIdentityTokenResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * IAM outbound identity federation and STS GetWebIdentityToken: an account enables the feature and gets an issuer URL;
 * its principals get signed JWTs about themselves, which an external service verifies with a stock OIDC library from
 * the issuer URL alone (discovery document, then JWKS), as IAM User Guide, "Federating AWS identities to external
 * services", describes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboundFederationTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "https://api.example.com";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @Order(1)
    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountEnablesTheFeatureOnceAndKeepsItsIssuerWhenItDisablesIt(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String name = unique("minter");
        AwsCredentials key = userWithKey(server.iam(), name);
        grant(server.iam(), name, allow("sts:GetWebIdentityToken"));

        assertAwsError(() -> server.iam().getOutboundWebIdentityFederationInfo(r -> {}), "FeatureDisabled", 404,
                "Outbound identity federation is disabled for this account.");
        assertAwsError(() -> server.iam().disableOutboundWebIdentityFederation(r -> {}), "FeatureDisabled", 404,
                "Outbound identity federation is disabled for this account.");
        try (StsClient sts = server.sts(key)) {
            assertAwsError(() -> token(sts, "RS256"), "OutboundWebIdentityFederationDisabledException", 403,
                    "Outbound web identity federation is not enabled for this account. Enable it with "
                            + "EnableOutboundWebIdentityFederation before requesting web identity tokens.");

            String issuer = server.iam().enableOutboundWebIdentityFederation(r -> {}).issuerIdentifier();
            assertThat(issuer).matches(server.endpoint() + "/issuers/[0-9a-f-]{36}");
            assertAwsError(() -> server.iam().enableOutboundWebIdentityFederation(r -> {}), "FeatureEnabled", 409,
                    "Outbound identity federation is already enabled for this account.");
            GetOutboundWebIdentityFederationInfoResponse info = server.iam().getOutboundWebIdentityFederationInfo(r -> {});
            assertThat(info.issuerIdentifier()).isEqualTo(issuer);
            assertThat(info.jwtVendingEnabled()).isTrue();
            String before = token(sts, "RS256").webIdentityToken();

            server.iam().disableOutboundWebIdentityFederation(r -> {});
            info = server.iam().getOutboundWebIdentityFederationInfo(r -> {});
            assertThat(info.issuerIdentifier()).isEqualTo(issuer);
            assertThat(info.jwtVendingEnabled()).isFalse();
            assertAwsError(() -> token(sts, "RS256"), "OutboundWebIdentityFederationDisabledException", 403,
                    "Outbound web identity federation is not enabled for this account. Enable it with "
                            + "EnableOutboundWebIdentityFederation before requesting web identity tokens.");
            assertThat(verify(before, issuer, AUDIENCE).getSubject())
                    .as("tokens issued before the feature was disabled still verify").isEqualTo(userArn(name));

            server.restart();
            String issuerId = issuer.substring(issuer.lastIndexOf('/'));
            assertThat(server.iam().enableOutboundWebIdentityFederation(r -> {}).issuerIdentifier())
                    .as("the issuer survives a restart (on another port) and a new enabling")
                    .isEqualTo(server.endpoint() + "/issuers" + issuerId);
        }
    }

    @Order(2)
    @ParameterizedTest
    @EnumSource(Backend.class)
    void anIssuerServesADiscoveryDocumentAndKeysOnlyForItsAccount(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String issuer = enabled(server);

        HttpResponse<String> discovery = get(issuer + "/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode document = JSON.readTree(discovery.body());
        assertThat(document.get("issuer").asText()).isEqualTo(issuer);
        assertThat(document.get("jwks_uri").asText()).isEqualTo(issuer + "/.well-known/jwks.json");
        assertThat(document.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\",\"ES384\"]");

        JsonNode keys = JSON.readTree(get(issuer + "/.well-known/jwks.json").body()).get("keys");
        assertThat(keys).as("the current keys, and the next ones published ahead of the next rotation").hasSize(4);
        assertThat(keys.findValuesAsText("alg")).containsExactly("RS256", "ES384", "RS256", "ES384");
        assertThat(keys.findValuesAsText("kid")).allMatch(kid -> kid.matches("(RSA|EC384)_[0-9a-f]{12}"));
        assertThat(keys.toString()).as("public keys only").doesNotContain("\"d\"").doesNotContain("\"p\"");

        String other = server.endpoint() + "/issuers/00000000-0000-0000-0000-000000000000";
        assertThat(get(other + "/.well-known/openid-configuration").statusCode()).isEqualTo(404);
        assertThat(get(other + "/.well-known/jwks.json").statusCode()).isEqualTo(404);
    }

    @Order(3)
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUsersTokenSaysWhoTheUserIsAndVerifiesWithEitherAlgorithm(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String issuer = enabled(server);
        String name = unique("token-user");
        AwsCredentials key = userWithKey(server.iam(), name);
        server.iam().tagUser(r -> r.userName(name).tags(t -> t.key("team").value("data")));
        grant(server.iam(), name, allow("sts:GetWebIdentityToken", "sts:TagGetWebIdentityToken"));
        try (StsClient sts = server.sts(key)) {
            for (String algorithm : List.of("RS256", "ES384")) {
                Instant asked = Instant.now();
                GetWebIdentityTokenResponse response = sts.getWebIdentityToken(r -> r.audience(AUDIENCE)
                        .signingAlgorithm(algorithm).tags(t -> t.key("job-id").value("job-1")));
                SignedJWT jwt = SignedJWT.parse(response.webIdentityToken());
                assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm);
                assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");

                JWTClaimsSet claims = verify(response.webIdentityToken(), issuer, AUDIENCE);
                assertThat(claims.getIssuer()).isEqualTo(issuer);
                assertThat(claims.getSubject()).isEqualTo(userArn(name));
                assertThat(claims.getAudience()).containsExactly(AUDIENCE);
                assertThat(claims.getJWTID()).isNotBlank();
                assertThat(claims.getIssueTime().toInstant()).isCloseTo(asked, within(5, ChronoUnit.SECONDS));
                assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                        .as("300 seconds by default").isEqualTo(Duration.ofMinutes(5));
                assertThat(response.expiration()).isEqualTo(claims.getExpirationTime().toInstant());
                assertThat(claims.getJSONObjectClaim("https://sts.amazonaws.com/")).isEqualTo(Map.of(
                        "aws_account", ACCOUNT, "source_region", "us-east-1", "principal_id", userArn(name),
                        "principal_tags", Map.of("team", "data"), "request_tags", Map.of("job-id", "job-1")));
            }
            GetWebIdentityTokenResponse two = sts.getWebIdentityToken(r -> r.audience(AUDIENCE, "other-app")
                    .signingAlgorithm("ES384").durationSeconds(3600));
            JWTClaimsSet claims = verify(two.webIdentityToken(), issuer, "other-app");
            assertThat(claims.getAudience()).containsExactly(AUDIENCE, "other-app");
            assertThat(claims.getJSONObjectClaim("https://sts.amazonaws.com/")).doesNotContainKey("request_tags");
            assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                    .isEqualTo(Duration.ofHours(1));
            assertThat(verifyFails(two.webIdentityToken(), issuer, "someone-else")).isTrue();

            List<JsonNode> events = AssumeRoleFixtures.auditEvents(server).stream()
                    .filter(event -> event.get("eventName").asText().equals("GetWebIdentityToken")
                            && event.get("userIdentity").get("arn").asText().equals(userArn(name))).toList();
            assertThat(events).hasSize(3);
            assertThat(events.toString()).as("the audit trail never holds a token")
                    .doesNotContain(two.webIdentityToken()).doesNotContain(two.webIdentityToken().split("\\.")[2]);
        }
    }

    @Order(4)
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRoleSessionsTokenNamesTheRoleAndCannotOutliveTheSession(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String issuer = enabled(server);
        String user = unique("session-user");
        AwsCredentials key = userWithKey(server.iam(), user);
        String roleName = unique("token-role");
        String roleArn = role(server.iam(), roleName, trust(aws(userArn(user)),
                "[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]", null));
        server.iam().tagRole(r -> r.roleName(roleName).tags(t -> t.key("team").value("platform"),
                t -> t.key("stage").value("prod")));
        server.iam().putRolePolicy(r -> r.roleName(roleName).policyName("tokens")
                .policyDocument(allow("sts:GetWebIdentityToken")));
        grant(server.iam(), user, allow("sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"));
        AwsSessionCredentials roleSession;
        Instant sessionExpiry;
        try (StsClient sts = server.sts(key)) {
            var assumed = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("job").durationSeconds(900)
                    .sourceIdentity("alice").tags(t -> t.key("stage").value("test")));
            roleSession = session(assumed.credentials());
            sessionExpiry = assumed.credentials().expiration();
        }
        try (StsClient sts = server.sts(roleSession)) {
            GetWebIdentityTokenResponse response = sts.getWebIdentityToken(r -> r.audience(AUDIENCE)
                    .signingAlgorithm("RS256").durationSeconds(600));
            JWTClaimsSet claims = verify(response.webIdentityToken(), issuer, AUDIENCE);
            assertThat(claims.getSubject()).as("the role, not the session").isEqualTo(roleArn);
            Map<String, Object> aws = claims.getJSONObjectClaim("https://sts.amazonaws.com/");
            assertThat(aws).containsEntry("principal_id", roleArn)
                    .containsEntry("source_identity", "alice")
                    .containsEntry("original_session_exp", sessionExpiry.toString())
                    .containsEntry("principal_tags", Map.of("team", "platform", "stage", "test"));

            assertAwsError(() -> sts.getWebIdentityToken(r -> r.audience(AUDIENCE).signingAlgorithm("RS256")
                    .durationSeconds(3600)), "SessionDurationEscalationException", 403,
                    "The requested token duration would extend the session beyond its original expiration time.");
        }
    }

    @Order(5)
    @ParameterizedTest
    @EnumSource(Backend.class)
    void policiesDecideTheAudienceAlgorithmLifetimeAndTagsOfATokenTheyAllow(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        enabled(server);
        String name = unique("limited");
        String arn = userArn(name);
        AwsCredentials key = userWithKey(server.iam(), name);
        grant(server.iam(), name, allowWhere("\"sts:GetWebIdentityToken\"", "\"*\"",
                "{\"ForAllValues:StringEquals\":{\"sts:IdentityTokenAudience\":\"" + AUDIENCE + "\"},"
                        + "\"StringEquals\":{\"sts:SigningAlgorithm\":\"ES384\"},"
                        + "\"NumericLessThanEquals\":{\"sts:DurationSeconds\":\"300\"}}"));
        try (StsClient sts = server.sts(key)) {
            assertThat(sts.getWebIdentityToken(r -> r.audience(AUDIENCE).signingAlgorithm("ES384"))
                    .webIdentityToken()).isNotBlank();
            String denied = "User: " + arn + " is not authorized to perform: sts:GetWebIdentityToken on resource: *"
                    + " because no identity-based policy allows the sts:GetWebIdentityToken action";
            assertAwsError(() -> sts.getWebIdentityToken(r -> r.audience(AUDIENCE, "elsewhere")
                    .signingAlgorithm("ES384")), "AccessDenied", 403, denied);
            assertAwsError(() -> token(sts, "RS256"), "AccessDenied", 403, denied);
            assertAwsError(() -> sts.getWebIdentityToken(r -> r.audience(AUDIENCE).signingAlgorithm("ES384")
                    .durationSeconds(301)), "AccessDenied", 403, denied);
            assertAwsError(() -> sts.getWebIdentityToken(r -> r.audience(AUDIENCE).signingAlgorithm("ES384")
                    .tags(t -> t.key("job").value("1"))), "AccessDenied", 403, "User: " + arn
                    + " is not authorized to perform: sts:TagGetWebIdentityToken on resource: *"
                    + " because no identity-based policy allows the sts:TagGetWebIdentityToken action");
            assertAwsError(() -> token(sts, "HS256"), "ValidationError", 400, "1 validation error detected: "
                    + "Value 'HS256' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum "
                    + "value set: [RS256, ES384]");
            StsException tooShort = catchThrowableOfType(StsException.class, () -> sts.getWebIdentityToken(
                    r -> r.audience(AUDIENCE).signingAlgorithm("ES384").durationSeconds(59)));
            assertThat(tooShort.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        }
    }

    @Order(6)
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTokenTooLargeToSignIsRefused(Backend backend) {
        TestServer server = servers.get(backend);
        enabled(server);
        String name = unique("tagger");
        AwsCredentials key = userWithKey(server.iam(), name);
        grant(server.iam(), name, allow("sts:GetWebIdentityToken", "sts:TagGetWebIdentityToken"));
        List<software.amazon.awssdk.services.sts.model.Tag> tags = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tags.add(software.amazon.awssdk.services.sts.model.Tag.builder()
                    .key(String.format("%03d", i) + "k".repeat(125)).value("v".repeat(256)).build());
        }
        try (StsClient sts = server.sts(key)) {
            assertAwsError(() -> sts.getWebIdentityToken(r -> r.audience(AUDIENCE).signingAlgorithm("ES384")
                    .tags(tags)), "JWTPayloadSizeExceededException", 400, "The requested token payload size exceeds "
                    + "the maximum allowed size. Reduce the number of request tags.");
            assertThat(sts.getWebIdentityToken(r -> r.audience(AUDIENCE).signingAlgorithm("ES384")
                    .tags(tags.subList(0, 20))).webIdentityToken()).isNotBlank();
        }
    }

    @Order(7)
    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachAccountsIssuerSignsWithKeysOfItsOwn(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String issuer = enabled(server);
        TestAccount other = TestAccount.create(server);
        String otherIssuer = other.iam(server).enableOutboundWebIdentityFederation(r -> {}).issuerIdentifier();
        assertThat(otherIssuer).isNotEqualTo(issuer);

        List<String> keys = JSON.readTree(get(issuer + "/.well-known/jwks.json").body()).get("keys")
                .findValuesAsText("kid");
        List<String> otherKeys = JSON.readTree(get(otherIssuer + "/.well-known/jwks.json").body()).get("keys")
                .findValuesAsText("kid");
        assertThat(otherKeys).hasSize(4).doesNotContainAnyElementsOf(keys);
        try (StsClient sts = server.sts(other.root())) {
            String token = token(sts, "RS256").webIdentityToken();
            assertThat(verify(token, otherIssuer, AUDIENCE).getIssuer()).isEqualTo(otherIssuer);
            assertThat(keys).as("another account's JWKS cannot verify it").doesNotContain(
                    SignedJWT.parse(token).getHeader().getKeyID());
        }
    }

    /** The account's issuer, enabling the feature if it is not. */
    private static String enabled(TestServer server) {
        GetOutboundWebIdentityFederationInfoResponse info;
        try {
            info = server.iam().getOutboundWebIdentityFederationInfo(r -> {});
        } catch (software.amazon.awssdk.services.iam.model.FeatureDisabledException never) {
            return server.iam().enableOutboundWebIdentityFederation(r -> {}).issuerIdentifier();
        }
        if (!info.jwtVendingEnabled()) {
            server.iam().enableOutboundWebIdentityFederation(r -> {});
        }
        return info.issuerIdentifier();
    }

    private static GetWebIdentityTokenResponse token(StsClient sts, String algorithm) {
        return sts.getWebIdentityToken(r -> r.audience(AUDIENCE).signingAlgorithm(algorithm));
    }

    /**
     * Verifies a token as an external service would: the issuer's discovery document names its JWKS, whose keys
     * check the signature; issuer, audience and expiry are checked too.
     */
    private static JWTClaimsSet verify(String token, String issuer, String audience) throws Exception {
        JsonNode discovery = JSON.readTree(get(issuer + "/.well-known/openid-configuration").body());
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(discovery.get("jwks_uri").asText())
                .toURL()).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES384),
                keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(discovery.get("issuer").asText()).build(),
                Set.of("sub", "iat", "exp", "jti")));
        return processor.process(token, null);
    }

    private static boolean verifyFails(String token, String issuer, String audience) throws Exception {
        try {
            verify(token, issuer, audience);
            return false;
        } catch (BadJOSEException refused) {
            return true;
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
