package io.gatehouse.server.it;

import static io.gatehouse.server.it.AssumeRoleFixtures.auditEvents;
import static io.gatehouse.server.it.RoleFixtures.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.GatehouseData;
import io.gatehouse.server.store.Backend;
import io.gatehouse.server.workload.WorkloadCredentials;
import io.gatehouse.server.workload.WorkloadTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Roles for workloads: a bearer token bound to a role or an instance profile, traded at the container-credentials
 * endpoint for temporary credentials of a role session, exactly as the SDKs' default chains do it with
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} and no other credentials.
 */
class WorkloadCredentialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFUSED = "{\"code\":\"AccessDenied\",\"message\":\"The authorization token is not "
            + "valid.\"}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static String createRole(TestServer server, String name) {
        return server.iam().createRole(r -> r.roleName(name).path("/apps/")
                .assumeRolePolicyDocument(trust("{\"Service\":\"ecs-tasks.amazonaws.com\"}"))).role().arn();
    }

    private static WorkloadTokens tokens(TestServer server) {
        return new WorkloadTokens(server.server().store());
    }

    private static URI endpoint(TestServer server) {
        return server.endpoint().resolve(WorkloadCredentials.PATH);
    }

    private static HttpResponse<String> get(TestServer server, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(server)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * What {@code use} makes of the SDK's container provider configured with only the two settings the environment
     * variables carry (the SDK reads them from these system properties before the environment).
     */
    private static <T> T withContainerProvider(TestServer server, String token,
                                               Function<ContainerCredentialsProvider, T> use) {
        System.setProperty("aws.containerCredentialsFullUri", endpoint(server).toString());
        System.setProperty("aws.containerAuthorizationToken", token);
        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build()) {
            return use.apply(provider);
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
        }
    }

    private static AwsCredentials resolveAsContainer(TestServer server, String token) {
        return withContainerProvider(server, token, ContainerCredentialsProvider::resolveCredentials);
    }

    private static String callerArn(TestServer server, String token) {
        return withContainerProvider(server, token, provider -> {
            try (StsClient sts = StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(provider).httpClient(UrlConnectionHttpClient.create()).build()) {
                return sts.getCallerIdentity().arn();
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anSdkWithOnlyTheContainerSettingsGetsTheRolesSession(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        createRole(server, "wl-web");
        String token = tokens(server).issue(TestServer.ACCOUNT, "wl-web", null, "web-1", Instant.now(),
                Duration.ofHours(2)).token();

        assertThat(callerArn(server, token))
                .isEqualTo("arn:aws:sts::" + TestServer.ACCOUNT + ":assumed-role/wl-web/web-1");
        AwsCredentials resolved = resolveAsContainer(server, token);
        assertThat(resolved.accessKeyId()).startsWith("ASIA");
        assertThat(resolved.expirationTime()).hasValueSatisfying(expiry -> assertThat(expiry)
                .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61))));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theAwsCliReadsTheEnvironmentVariables(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        createRole(server, "wl-cli");
        String token = tokens(server).issue(TestServer.ACCOUNT, "wl-cli", null, "batch", Instant.now(),
                Duration.ofHours(1)).token();

        AwsCli.Run run = AwsCli.aws(server, Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint(server).toString(),
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", token), "sts", "get-caller-identity");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("Arn").asText())
                .isEqualTo("arn:aws:sts::" + TestServer.ACCOUNT + ":assumed-role/wl-cli/batch");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyCallIssuesFreshCredentialsInTheContainerFormat(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String roleArn = createRole(server, "wl-fresh");
        String token = tokens(server).issue(TestServer.ACCOUNT, "wl-fresh", null, null, Instant.now(),
                Duration.ofHours(3)).token();

        HttpResponse<String> first = get(server, token);
        HttpResponse<String> second = get(server, token);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode one = JSON.readTree(first.body());
        JsonNode two = JSON.readTree(second.body());
        assertThat(one.fieldNames()).toIterable().containsExactlyInAnyOrder("AccessKeyId", "SecretAccessKey", "Token",
                "Expiration", "RoleArn", "AccountId");
        assertThat(one.get("RoleArn").asText()).isEqualTo(roleArn);
        assertThat(one.get("AccountId").asText()).isEqualTo(TestServer.ACCOUNT);
        assertThat(one.get("Expiration").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(two.get("AccessKeyId").asText()).isNotEqualTo(one.get("AccessKeyId").asText());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void credentialsNeverOutliveTheToken(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        createRole(server, "wl-short");
        String token = tokens(server).issue(TestServer.ACCOUNT, "wl-short", null, null, Instant.now(),
                Duration.ofMinutes(20)).token();

        Instant expiration = Instant.parse(JSON.readTree(get(server, token).body()).get("Expiration").asText());

        assertThat(expiration).isBetween(Instant.now().plus(Duration.ofMinutes(19)),
                Instant.now().plus(Duration.ofMinutes(20)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anInstanceProfileTokenYieldsTheProfilesRole(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        createRole(server, "wl-ec2");
        server.iam().createInstanceProfile(r -> r.instanceProfileName("wl-profile"));
        server.iam().addRoleToInstanceProfile(r -> r.instanceProfileName("wl-profile").roleName("wl-ec2"));
        String token = tokens(server).issue(TestServer.ACCOUNT, null, "wl-profile", "i-0123456789", Instant.now(),
                Duration.ofHours(1)).token();

        assertThat(callerArn(server, token))
                .isEqualTo("arn:aws:sts::" + TestServer.ACCOUNT + ":assumed-role/wl-ec2/i-0123456789");

        server.iam().removeRoleFromInstanceProfile(r -> r.instanceProfileName("wl-profile").roleName("wl-ec2"));
        assertThat(get(server, token).body()).as("a profile without a role yields nothing").isEqualTo(REFUSED);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusalsSayNothingAboutTokensOrRoles(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        createRole(server, "wl-refused");
        WorkloadTokens tokens = tokens(server);
        WorkloadTokens.Issued revoked = tokens.issue(TestServer.ACCOUNT, "wl-refused", null, null, Instant.now(),
                Duration.ofHours(1));
        String expired = tokens.issue(TestServer.ACCOUNT, "wl-refused", null, null,
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)).token();
        String missingRole = tokens.issue(TestServer.ACCOUNT, "wl-no-such-role", null, null, Instant.now(),
                Duration.ofHours(1)).token();
        assertThat(get(server, revoked.token()).statusCode()).isEqualTo(200);
        assertThat(tokens.revoke(TestServer.ACCOUNT, revoked.stored().id())).isTrue();

        HttpResponse<String> none = get(server, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("code").asText()).isEqualTo("Unauthorized");
        String tampered = revoked.token().substring(0, revoked.token().length() - 1)
                + (revoked.token().endsWith("A") ? "B" : "A");
        for (String refused : List.of(revoked.token(), expired, missingRole, tampered, "gwt.123456789012.x",
                "Bearer " + revoked.token(), "not a token")) {
            HttpResponse<String> answer = get(server, refused);
            assertThat(answer.statusCode()).as(refused).isEqualTo(403);
            assertThat(answer.body()).as(refused).isEqualTo(REFUSED);
        }
        assertThatThrownBy(() -> resolveAsContainer(server, expired)).isInstanceOf(SdkClientException.class);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tokensAreStoredHashedAndSurviveRestarts(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        createRole(server, "wl-stored");
        WorkloadTokens.Issued issued = tokens(server).issue(TestServer.ACCOUNT, "wl-stored", null, "kept",
                Instant.now(), Duration.ofHours(1));

        String body = server.server().store().entity(TestServer.ACCOUNT, WorkloadTokens.KIND, issued.stored().id())
                .orElseThrow().body();
        assertThat(body).doesNotContain(issued.token()).doesNotContain(issued.token().substring(17));
        assertThat(issued.token()).startsWith("gwt." + TestServer.ACCOUNT + ".");
        server.restart();
        assertThat(callerArn(server, issued.token())).endsWith(":assumed-role/wl-stored/kept");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRunningServerAcceptsTokensIssuedBesideIt(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        createRole(server, "wl-beside");
        String token;
        try (GatehouseData beside = GatehouseData.openExisting(server.directory(),
                backend == Backend.SQLITE ? null : server.jdbcUrl(), null, TestServer.environment())) {
            token = beside.workloadTokens().issue(TestServer.ACCOUNT, "wl-beside", null, "beside", Instant.now(),
                    Duration.ofHours(1)).token();
        }
        assertThat(callerArn(server, token)).endsWith(":assumed-role/wl-beside/beside");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachIssuanceIsAuditedWithoutSecrets(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String roleArn = createRole(server, "wl-audited");
        WorkloadTokens.Issued issued = tokens(server).issue(TestServer.ACCOUNT, "wl-audited", null, "audited",
                Instant.now(), Duration.ofHours(1));
        JsonNode credentials = JSON.readTree(get(server, issued.token()).body());

        JsonNode event = auditEvents(server).stream()
                .filter(e -> e.path("additionalEventData").path("workloadTokenId").asText()
                        .equals(issued.stored().id()))
                .findFirst().orElseThrow();
        assertThat(event.get("eventName").asText()).isEqualTo("AssumeRole");
        assertThat(event.get("eventSource").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(event.at("/userIdentity/type").asText()).isEqualTo("AWSService");
        assertThat(event.at("/requestParameters/roleArn").asText()).isEqualTo(roleArn);
        assertThat(event.at("/responseElements/credentials/accessKeyId").asText())
                .isEqualTo(credentials.get("AccessKeyId").asText());
        assertThat(event.at("/responseElements/assumedRoleUser/arn").asText()).endsWith("/wl-audited/audited");
        assertThat(event.toString()).doesNotContain(issued.token())
                .doesNotContain(credentials.get("SecretAccessKey").asText())
                .doesNotContain(credentials.get("Token").asText());
    }
}
