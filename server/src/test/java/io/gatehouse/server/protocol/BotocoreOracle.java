package io.gatehouse.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * botocore, the library under the aws CLI and boto3, run as a long-lived {@code python3} process: what a real client
 * makes of the documents Gatehouse writes, and which parameters it sends. One process serves every test.
 */
final class BotocoreOracle {

    static final ObjectMapper JSON = new ObjectMapper();

    private static BotocoreOracle instance;

    private final Process process;
    private final Writer requests;
    private final BufferedReader answers;

    private BotocoreOracle() throws IOException {
        String script;
        try (InputStream in = BotocoreOracle.class.getResourceAsStream("botocore_oracle.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        process = new ProcessBuilder("python3", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static synchronized BotocoreOracle get() {
        if (instance == null) {
            try {
                instance = new BotocoreOracle();
            } catch (IOException e) {
                throw new UncheckedIOException("python3 with botocore is needed to check the wire format", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance.process::destroy));
        }
        return instance;
    }

    /** What a botocore client returns for a response of a model botocore ships ({@code iam}, {@code sts}). */
    JsonNode parse(String service, String operation, int status, String body) {
        ObjectNode request = JSON.createObjectNode().put("op", "parse").put("service", service)
                .put("operation", operation).put("status", status).put("body", body);
        return ask(request);
    }

    /** What botocore's Query parser returns for a response of the given inline model. */
    JsonNode parse(JsonNode model, String operation, int status, String body) {
        ObjectNode request = JSON.createObjectNode().put("op", "parse").put("operation", operation)
                .put("status", status).put("body", body);
        request.set("model", model);
        return ask(request);
    }

    /** The parameters a botocore client sends for a call, in its order. */
    Map<String, List<String>> serialize(String service, String operation, String paramsJson) {
        ObjectNode request = JSON.createObjectNode().put("op", "serialize").put("service", service)
                .put("operation", operation);
        request.set("params", read(paramsJson));
        return parameters(ask(request));
    }

    /** The parameters botocore sends for a call of the given inline model. */
    Map<String, List<String>> serialize(JsonNode model, String operation, String paramsJson) {
        ObjectNode request = JSON.createObjectNode().put("op", "serialize").put("operation", operation);
        request.set("model", model);
        request.set("params", read(paramsJson));
        return parameters(ask(request));
    }

    private static Map<String, List<String>> parameters(JsonNode pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (JsonNode pair : pairs) {
            parameters.computeIfAbsent(pair.get(0).asText(), k -> new ArrayList<>()).add(pair.get(1).asText());
        }
        return parameters;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized JsonNode ask(ObjectNode request) {
        try {
            requests.write(JSON.writeValueAsString(request));
            requests.write('\n');
            requests.flush();
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("botocore oracle ended; is botocore installed for python3?");
            }
            JsonNode answer = JSON.readTree(line);
            if (answer.has("error")) {
                throw new AssertionError("botocore refused: " + answer.get("error").asText());
            }
            return answer.get("ok");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
