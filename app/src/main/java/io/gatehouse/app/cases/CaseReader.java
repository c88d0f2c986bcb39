package io.gatehouse.app.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyProblem;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.policy.engine.Outcome;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.request.Principal;
import io.gatehouse.policy.request.RequestContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads cases in the engine-neutral JSON Lines format ({@code ../shared/policy-eval/FORMAT.md}) and compiles
 * each into an {@link EvaluationCase}. A case whose line or policies are invalid becomes a case with an error;
 * reading never stops at a bad case.
 *
 * <p>Policies are parsed strictly with the grammar of the role they play, except in cases tagged
 * {@code lenient-grammar}, whose documents knowingly break it.
 */
public final class CaseReader {

    private static final String LENIENT_TAG = "lenient-grammar";

    private final ObjectMapper mapper = new ObjectMapper();

    /** Reads every non-blank line of {@code reader}. */
    public List<EvaluationCase> readAll(BufferedReader reader) throws IOException {
        List<EvaluationCase> cases = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                cases.add(read(line, number));
            }
        }
        return cases;
    }

    /** Reads one line; {@code lineNumber} names the case when its id cannot be read. */
    public EvaluationCase read(String line, int lineNumber) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return failed("line-" + lineNumber, List.of(), null, "line " + lineNumber + " is not JSON: " + e.getOriginalMessage());
        }
        String id = node.path("id").asText("line-" + lineNumber);
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        Outcome expected = outcome(node.path("expected").path("decision").asText(null));
        try {
            JsonNode settings = node.path("settings");
            AuthorizationRequest request = request(node.path("request"), settings);
            boolean lenient = tags.contains(LENIENT_TAG);
            PolicySet policies = policies(node.path("policies"), request, lenient,
                    settings.path("s3BlockPublicAccess").asBoolean(false));
            return new EvaluationCase(id, tags, expected, request, policies, null);
        } catch (InvalidCaseException e) {
            return failed(id, tags, expected, e.getMessage());
        }
    }

    private static EvaluationCase failed(String id, List<String> tags, Outcome expected, String error) {
        return new EvaluationCase(id, tags, expected, null, null, error);
    }

    private static Outcome outcome(String text) {
        if (text == null) {
            return null;
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.text().equals(text)) {
                return outcome;
            }
        }
        return null;
    }

    private static AuthorizationRequest request(JsonNode node, JsonNode settings) {
        if (!node.isObject()) {
            throw new InvalidCaseException("the case has no request object");
        }
        String action = requiredText(node, "action");
        boolean anonymous = node.path("anonymous").asBoolean(false);
        Principal principal = anonymous ? Principal.ANONYMOUS : Principal.parse(requiredText(node, "principal"));
        return AuthorizationRequest.builder()
                .principal(principal)
                .action(action)
                .resource(requiredText(node, "resource"))
                .resourceAccount(node.path("resourceAccount").asText(null))
                .wildcardOnlyAction(node.path("wildcardOnlyAction").asBoolean(false))
                .context(context(node.path("context"), bucketTagsHidden(action, settings)))
                .build();
    }

    /**
     * Whether S3 keeps a bucket's tags out of the request context: ABAC is off for general purpose buckets unless
     * enabled, and then tags serve cost tracking only (S3 User Guide, "Enabling ABAC in general purpose buckets").
     * Only a case that says {@code "s3BucketAbacEnabled": false} turns it off, so cases without settings keep the
     * context they give.
     */
    private static boolean bucketTagsHidden(String action, JsonNode settings) {
        JsonNode abac = settings.path("s3BucketAbacEnabled");
        return abac.isBoolean() && !abac.asBoolean() && action.regionMatches(true, 0, "s3:", 0, 3);
    }

    private static RequestContext context(JsonNode node, boolean hideResourceTags) {
        Map<String, ContextValue> entries = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (hideResourceTags && field.getKey().regionMatches(true, 0, "aws:ResourceTag/", 0, 16)) {
                continue;
            }
            entries.put(field.getKey(), contextValue(field.getKey(), field.getValue()));
        }
        return RequestContext.of(entries);
    }

    private static ContextValue contextValue(String key, JsonNode node) {
        String typeName = node.path("type").asText("String");
        boolean multi = typeName.startsWith("ArrayOf");
        ContextType type = ContextType.ofText(multi ? typeName.substring("ArrayOf".length()) : typeName);
        if (type == null) {
            throw new InvalidCaseException("context key " + key + " has unknown type " + typeName);
        }
        if (multi) {
            List<String> values = new ArrayList<>();
            node.path("values").forEach(v -> values.add(v.asText()));
            return ContextValue.multi(type, values);
        }
        JsonNode value = node.path("value");
        if (value.isMissingNode() || value.isNull()) {
            throw new InvalidCaseException("context key " + key + " has no value");
        }
        return ContextValue.single(type, value.asText());
    }

    private PolicySet policies(JsonNode node, AuthorizationRequest request, boolean lenient, boolean restrictPublic) {
        PolicySet.Builder set = PolicySet.builder().restrictPublicBuckets(restrictPublic);
        set.identity(compileAll(node.path("identity"), PolicyType.IDENTITY, lenient));
        JsonNode resource = node.path("resource");
        if (resource.isObject()) {
            PolicyType type = isRoleArn(request.resource()) ? PolicyType.TRUST : PolicyType.RESOURCE;
            set.resource(compile(resource, type, lenient));
        }
        set.permissionsBoundary(compileAll(node.path("permissionsBoundary"), PolicyType.BOUNDARY, lenient));
        set.session(compileAll(node.path("session"), PolicyType.SESSION, lenient));
        for (JsonNode level : node.path("scps")) {
            set.scpLevel(compileAll(level.path("policies"), PolicyType.SCP, lenient));
        }
        for (JsonNode level : node.path("rcps")) {
            set.rcpLevel(compileAll(level.path("policies"), PolicyType.RCP, lenient));
        }
        for (CompiledPolicy endpoint : compileAll(node.path("endpoint"), PolicyType.ENDPOINT, lenient)) {
            set.endpoint(endpoint);
        }
        return set.build();
    }

    /** A resource policy on an IAM role is its trust policy. */
    private static boolean isRoleArn(String resource) {
        return resource.startsWith("arn:") && resource.contains(":iam::") && resource.contains(":role/");
    }

    private List<CompiledPolicy> compileAll(JsonNode array, PolicyType type, boolean lenient) {
        List<CompiledPolicy> policies = new ArrayList<>();
        for (JsonNode named : array) {
            policies.add(compile(named, type, lenient));
        }
        return policies;
    }

    private CompiledPolicy compile(JsonNode named, PolicyType type, boolean lenient) {
        String name = named.path("name").asText(type.cliName());
        JsonNode document = named.path("document");
        String text;
        try {
            text = document.isTextual() ? document.asText() : mapper.writeValueAsString(document);
        } catch (IOException e) {
            throw new InvalidCaseException("policy " + name + " cannot be written as JSON");
        }
        ParseResult parsed = lenient ? PolicyParser.parseLenient(text) : PolicyParser.parse(text, type);
        return switch (parsed) {
            case ParseResult.Valid valid -> CompiledPolicy.compile(name, type, valid.document());
            case ParseResult.Invalid invalid -> throw new InvalidCaseException(describe(name, type, invalid.first()));
        };
    }

    private static String describe(String name, PolicyType type, PolicyProblem problem) {
        return type.cliName() + " policy " + name + ": " + problem.code() + ": " + problem.message()
                + (problem.path().isEmpty() ? "" : " (at " + problem.path() + ")");
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new InvalidCaseException("request." + field + " is missing or not a string");
        }
        return value.asText();
    }

    /** A case that cannot be decided; its message says why. */
    private static final class InvalidCaseException extends RuntimeException {
        InvalidCaseException(String message) {
            super(message, null, false, false);
        }
    }
}
