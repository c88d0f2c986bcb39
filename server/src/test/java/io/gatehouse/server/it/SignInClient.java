package io.gatehouse.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Talks to {@code POST /signin} as a browser or {@code gatehouse login} does, and reads the sign-in events back. */
final class SignInClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignInClient() {}

    /** An answer: status, headers and body as sent. */
    record Answer(int status, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        AwsSessionCredentials credentials() {
            JsonNode c = json().get("credentials");
            return AwsSessionCredentials.create(c.get("accessKeyId").asText(), c.get("secretAccessKey").asText(),
                    c.get("sessionToken").asText());
        }
    }

    /** An IAM user's request: members given in pairs (name, value); a null value leaves the member out. */
    static String body(String... members) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < members.length; i += 2) {
            if (members[i + 1] != null) {
                node.put(members[i], members[i + 1]);
            }
        }
        return node.toString();
    }

    static Answer user(TestServer server, String account, String userName, String password) {
        return post(server, body("account", account, "userName", userName, "password", password));
    }

    static Answer post(TestServer server, String json) {
        return post(server.endpoint(), "application/json", json);
    }

    static Answer post(URI endpoint, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/signin"))
                .header("Content-Type", contentType).header("User-Agent", "signin-test/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ConsoleLogin events that match, once as many as expected are recorded (failures are queued). */
    static List<JsonNode> events(TestServer server, int expected, Predicate<JsonNode> which) throws Exception {
        List<JsonNode> found = List.of();
        for (int tries = 0; tries < 50 && found.size() < expected; tries++) {
            if (tries > 0) {
                Thread.sleep(100);
            }
            List<AuditRow> rows = server.server().store().audit(AuditQuery.between(
                    Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1))).limit(1000));
            List<JsonNode> matching = new ArrayList<>();
            for (AuditRow row : rows) {
                JsonNode event = JSON.readTree(row.event().body());
                if (event.get("eventName").asText().equals("ConsoleLogin") && which.test(event)) {
                    matching.add(event);
                }
            }
            found = matching;
        }
        return found;
    }

    /** Events of one user name (as recorded). */
    static Predicate<JsonNode> ofUser(String userName) {
        return event -> userName.equals(event.get("userIdentity").path("userName").asText(null));
    }
}
