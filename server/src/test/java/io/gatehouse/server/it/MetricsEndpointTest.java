package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;
import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.metrics.PrometheusScrape;
import io.gatehouse.server.store.Backend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * {@code GET /metrics} after real calls: requests are counted by service, action, HTTP status and AWS error code,
 * timed per action, and the engine's decisions counted by action and result; the scrape is well-formed Prometheus
 * text and names no account, user or access key.
 */
class MetricsEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static HttpResponse<String> get(TestServer server, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.endpoint().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static PrometheusScrape scrape(TestServer server) throws IOException, InterruptedException {
        return PrometheusScrape.parse(get(server, "/metrics").body());
    }

    /** How much a series grew between two scrapes. */
    private static double grew(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static double requests(PrometheusScrape before, PrometheusScrape after, String action, String status,
                                   String errorCode) {
        return errorCode == null
                ? grew(before, after, "gatehouse_requests_total", "service", "iam", "action", action, "status", status)
                : grew(before, after, "gatehouse_requests_total", "service", "iam", "action", action, "status", status,
                        "error_code", errorCode);
    }

    private static double timed(PrometheusScrape before, PrometheusScrape after, String action) {
        return grew(before, after, "gatehouse_request_duration_seconds_count", "service", "iam", "action", action);
    }

    private static double decisions(PrometheusScrape before, PrometheusScrape after, String action, String result) {
        return grew(before, after, "gatehouse_authorization_decisions_total", "action", action, "result", result);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void allowedDeniedAndInvalidCallsEachMoveTheirOwnCounters(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String reader = unique("reader");
        AwsCredentials readerKey = userWithKey(iam, reader);
        grant(iam, reader, allow("iam:GetUser"));
        String denied = unique("denied");
        AwsCredentials deniedKey = userWithKey(iam, denied);
        grant(iam, denied, allow("iam:*"));
        grant(iam, denied, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:GetUser\","
                + "\"Resource\":\"*\"}]}");

        PrometheusScrape before = scrape(server);
        server.iam(readerKey).getUser(r -> r.userName(reader));
        assertThatThrownBy(() -> server.iam(readerKey).listUsers()).isInstanceOf(IamException.class);
        assertThatThrownBy(() -> server.iam(deniedKey).getUser(r -> r.userName(denied))).isInstanceOf(IamException.class);
        assertThatThrownBy(() -> iam.createUser(r -> r.userName("not a valid name!"))).isInstanceOf(IamException.class);
        PrometheusScrape after = scrape(server);

        assertThat(requests(before, after, "GetUser", "200", null)).isEqualTo(1);
        assertThat(requests(before, after, "ListUsers", "403", "AccessDenied")).isEqualTo(1);
        assertThat(requests(before, after, "GetUser", "403", "AccessDenied")).isEqualTo(1);
        assertThat(requests(before, after, "CreateUser", "400", "ValidationError")).isEqualTo(1);
        assertThat(requests(before, after, "CreateUser", "200", null)).isZero();

        assertThat(timed(before, after, "GetUser")).isEqualTo(2);
        assertThat(timed(before, after, "ListUsers")).isEqualTo(1);
        assertThat(timed(before, after, "CreateUser")).isEqualTo(1);

        assertThat(decisions(before, after, "iam:GetUser", "allow")).isEqualTo(1);
        assertThat(decisions(before, after, "iam:ListUsers", "implicit_deny")).isEqualTo(1);
        assertThat(decisions(before, after, "iam:GetUser", "explicit_deny")).isEqualTo(1);
        assertThat(decisions(before, after, "iam:CreateUser", "allow") + decisions(before, after, "iam:CreateUser",
                "implicit_deny")).as("a request refused before authorization decides nothing").isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anUnsignedRequestIsCountedUnderItsActionOrAsUnknownButNeverUnderWhatTheClientMadeUp(Backend backend)
            throws Exception {
        TestServer server = servers.get(backend);
        PrometheusScrape before = scrape(server);
        for (String action : new String[] {"ListUsers", "MadeUpAction" + unique("x").replace("-", "")}) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(server.endpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=" + action + "&Version=2010-05-08")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
        }
        String text = get(server, "/metrics").body();
        PrometheusScrape after = PrometheusScrape.parse(text);

        assertThat(requests(before, after, "ListUsers", "403", "MissingAuthenticationToken")).isEqualTo(1);
        assertThat(requests(before, after, "unknown", "403", "MissingAuthenticationToken")).isEqualTo(1);
        assertThat(text).doesNotContain("MadeUpAction");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRequestTheHttpLayerRefusesIsCountedWithItsErrorButNotTimed(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        PrometheusScrape before = scrape(server);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(server.endpoint())
                .PUT(HttpRequest.BodyPublishers.ofString("Action=ListUsers&Version=2010-05-08")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        PrometheusScrape after = scrape(server);

        assertThat(requests(before, after, "unknown", "400", "UnsupportedProtocol")).isEqualTo(1);
        assertThat(requests(before, after, "ListUsers", "400", "UnsupportedProtocol")).isZero();
        assertThat(timed(before, after, "unknown")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theScrapeIsPrometheusTextAndNamesNoAccountUserOrKey(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("private-person");
        AwsCredentials key = userWithKey(iam, user);
        grant(iam, user, allow("iam:GetUser"));
        server.iam(key).getUser(r -> r.userName(user));

        HttpResponse<String> answer = get(server, "/metrics");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        PrometheusScrape scrape = PrometheusScrape.parse(answer.body());
        assertThat(scrape.types()).containsEntry("gatehouse_requests_total", "counter")
                .containsEntry("gatehouse_request_duration_seconds", "histogram")
                .containsEntry("gatehouse_authorization_decisions_total", "counter")
                .containsEntry("process_cpu_seconds_total", "counter")
                .containsEntry("jvm_memory_used_bytes", "gauge");
        assertThat(scrape.samples().stream().map(s -> s.labels().keySet()).flatMap(java.util.Set::stream).distinct())
                .containsOnly("service", "action", "status", "error_code", "le", "result", "area", "gc", "version",
                        "vendor", "runtime");
        assertThat(answer.body()).doesNotContain(user).doesNotContain(key.accessKeyId()).doesNotContain(ACCOUNT)
                .doesNotContain(TestServer.ROOT_KEY_ID);
    }
}
