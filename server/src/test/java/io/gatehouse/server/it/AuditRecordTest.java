package io.gatehouse.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * Every call, allowed or denied, leaves one CloudTrail-format event (eventVersion 1.09), and no secret ever enters
 * one.
 */
class AuditRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private static List<JsonNode> events(TestServer server) throws Exception {
        // Events of calls that change nothing are queued without waiting; give the writer a moment.
        Thread.sleep(300);
        List<AuditRow> rows = server.server().store().audit(AuditQuery.between(Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(1))).limit(1000));
        List<JsonNode> events = new java.util.ArrayList<>();
        for (AuditRow row : rows) {
            events.add(JSON.readTree(row.event().body()));
        }
        return events;
    }

    /** The event of a successful call of an operation. */
    private static JsonNode named(List<JsonNode> events, String name) {
        return events.stream().filter(e -> e.get("eventName").asText().equals(name) && !e.has("errorCode"))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void changesReadsAndDenialsAreRecordedWithoutSecrets(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            server.iam().createUser(r -> r.userName("carol").tags(t -> t.key("team").value("red")));
            AccessKey key = server.iam().createAccessKey(r -> r.userName("carol")).accessKey();
            server.iam().getUser(r -> r.userName("carol"));
            var carol = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
            assertThatThrownBy(() -> server.iam(carol).createUser(r -> r.userName("dave"))).isInstanceOf(IamException.class);

            List<JsonNode> events = events(server);
            JsonNode created = named(events, "CreateUser");
            assertThat(created.get("eventVersion").asText()).isEqualTo("1.09");
            assertThat(created.get("eventSource").asText()).isEqualTo("iam.amazonaws.com");
            assertThat(created.get("userIdentity").get("type").asText()).isEqualTo("Root");
            assertThat(created.get("requestParameters").get("userName").asText()).isEqualTo("carol");
            assertThat(created.get("readOnly").asBoolean()).isFalse();
            assertThat(created.get("recipientAccountId").asText()).isEqualTo(TestServer.ACCOUNT);
            assertThat(created.get("eventType").asText()).isEqualTo("AwsApiCall");

            JsonNode keyEvent = named(events, "CreateAccessKey");
            assertThat(keyEvent.get("responseElements").get("accessKey").get("accessKeyId").asText()).isEqualTo(key.accessKeyId());
            for (JsonNode event : events) {
                assertThat(event.toString()).as("no event holds a secret").doesNotContain(key.secretAccessKey())
                        .doesNotContain(TestServer.ROOT_SECRET);
            }

            JsonNode read = named(events, "GetUser");
            assertThat(read.get("readOnly").asBoolean()).isTrue();
            assertThat(read.get("responseElements").isNull()).isTrue();

            JsonNode denied = events.stream().filter(e -> e.has("errorCode")).findFirst().orElseThrow();
            assertThat(denied.get("errorCode").asText()).isEqualTo("AccessDenied");
            assertThat(denied.get("userIdentity").get("type").asText()).isEqualTo("IAMUser");
            assertThat(denied.get("userIdentity").get("userName").asText()).isEqualTo("carol");
            assertThat(denied.get("errorMessage").asText()).contains("is not authorized to perform: iam:CreateUser");
        }
    }
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theEventsOfReadsAnsweredJustBeforeAStopAreRecorded(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            server.iam().createUser(r -> r.userName("erin"));
            for (int i = 0; i < 20; i++) {
                server.iam().getUser(r -> r.userName("erin"));
            }
            server.restart(); // at once: the last reads' events may still be lingering in the audit queue

            List<JsonNode> reads = events(server).stream()
                    .filter(e -> e.get("eventName").asText().equals("GetUser")).toList();
            assertThat(reads).hasSize(20);
        }
    }
}
