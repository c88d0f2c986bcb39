package io.gatehouse.app.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyProblem;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.policy.engine.Outcome;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.request.Principal;
import io.gatehouse.policy.request.RequestContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one parsed case into an {@link EvaluationCase}: builds the request as the service would (honouring the
 * case's settings) and compiles each policy for the role it plays.
 *
 * <p>Each policy is checked with IAM's grammar for its role; what that finds is kept as the case's grammar
 * errors. The engine still decides a policy that breaks the grammar but reads as a policy (the case format's
 * corpora include documents that IAM would refuse to store, and cases tagged {@code lenient-grammar} break it
 * on purpose); only a document that cannot be read as a policy at all makes the case undecidable.
 */
final class CaseCompiler {

    private static final String LENIENT_TAG = "lenient-grammar";

    private final ObjectMapper mapper;
    private final String id;
    private final List<String> tags;
    private final Outcome expected;
    private final List<String> grammarErrors = new ArrayList<>();
    private String partition = ParseOptions.DEFAULT_PARTITION;

    CaseCompiler(ObjectMapper mapper, String id, List<String> tags, Outcome expected) {
        this.mapper = mapper;
        this.id = id;
        this.tags = tags;
        this.expected = expected;
    }

    EvaluationCase compile(JsonNode node) {
        try {
            JsonNode settings = node.path("settings");
            AuthorizationRequest request = request(node.path("request"), settings);
            partition = partitionOf(request);
            PolicySet policies = policies(node.path("policies"), request,
                    settings.path("s3BlockPublicAccess").asBoolean(false));
            return new EvaluationCase(id, tags, expected, request, policies, grammarErrors, null);
        } catch (UndecidableCaseException e) {
            return new EvaluationCase(id, tags, expected, null, null, grammarErrors, e.getMessage());
        }
    }

    private static AuthorizationRequest request(JsonNode node, JsonNode settings) {
        if (!node.isObject()) {
            throw new UndecidableCaseException("the case has no request object");
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
            throw new UndecidableCaseException("context key " + key + " has unknown type " + typeName);
        }
        if (multi) {
            List<String> values = new ArrayList<>();
            node.path("values").forEach(v -> values.add(v.asText()));
            return ContextValue.multi(type, values);
        }
        JsonNode value = node.path("value");
        if (value.isMissingNode() || value.isNull()) {
            throw new UndecidableCaseException("context key " + key + " has no value");
        }
        return ContextValue.single(type, value.asText());
    }

    private PolicySet policies(JsonNode node, AuthorizationRequest request, boolean restrictPublic) {
        PolicySet.Builder set = PolicySet.builder().restrictPublicBuckets(restrictPublic);
        set.identity(compileAll(node.path("identity"), PolicyType.IDENTITY));
        JsonNode resource = node.path("resource");
        if (resource.isObject()) {
            set.resource(compile(resource, isRoleArn(request.resource()) ? PolicyType.TRUST : PolicyType.RESOURCE));
        }
        set.permissionsBoundary(compileAll(node.path("permissionsBoundary"), PolicyType.BOUNDARY));
        set.session(compileAll(node.path("session"), PolicyType.SESSION));
        for (JsonNode level : node.path("scps")) {
            set.scpLevel(compileAll(level.path("policies"), PolicyType.SCP));
        }
        for (JsonNode level : node.path("rcps")) {
            set.rcpLevel(compileAll(level.path("policies"), PolicyType.RCP));
        }
        for (CompiledPolicy endpoint : compileAll(node.path("endpoint"), PolicyType.ENDPOINT)) {
            set.endpoint(endpoint);
        }
        return set.build();
    }

    /** A resource policy on an IAM role is its trust policy. */
    private static boolean isRoleArn(String resource) {
        return resource.startsWith("arn:") && resource.contains(":iam::") && resource.contains(":role/");
    }

    /** The partition of the principal's ARN, else of the resource's, else {@code aws}. */
    private static String partitionOf(AuthorizationRequest request) {
        if (request.principal().partition() != null) {
            return request.principal().partition();
        }
        String resource = request.resource();
        int end = resource.startsWith("arn:") ? resource.indexOf(':', 4) : -1;
        return end > 4 ? resource.substring(4, end) : ParseOptions.DEFAULT_PARTITION;
    }

    private List<CompiledPolicy> compileAll(JsonNode array, PolicyType type) {
        List<CompiledPolicy> policies = new ArrayList<>();
        for (JsonNode named : array) {
            policies.add(compile(named, type));
        }
        return policies;
    }

    private CompiledPolicy compile(JsonNode named, PolicyType type) {
        String name = named.path("name").asText(type.cliName());
        JsonNode document = named.path("document");
        String text;
        try {
            text = document.isTextual() ? document.asText() : mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UndecidableCaseException("policy " + name + " cannot be written as JSON");
        }
        ParseResult strict = PolicyParser.parse(text, type, options(type));
        if (strict instanceof ParseResult.Valid valid) {
            return CompiledPolicy.compile(name, type, valid.document());
        }
        if (!tags.contains(LENIENT_TAG)) {
            grammarErrors.add(describe(name, type, ((ParseResult.Invalid) strict).first()));
        }
        return switch (PolicyParser.parseLenient(text)) {
            case ParseResult.Valid valid -> CompiledPolicy.compile(name, type, valid.document());
            case ParseResult.Invalid invalid -> throw new UndecidableCaseException(describe(name, type, invalid.first()));
        };
    }

    /**
     * The strict-parse options for a case's policy. A case does not say whether an identity policy is inline or
     * managed, so it is checked as an inline role policy, the most permissive of IAM's identity-policy rules
     * (largest quota, Version may be omitted). Policies are checked in the partition the request is made in.
     */
    private ParseOptions options(PolicyType type) {
        ParseOptions options = type == PolicyType.IDENTITY
                ? ParseOptions.inline(PolicySizeQuota.roleInline("case")) : ParseOptions.defaultsFor(type);
        return options.withPartition(partition);
    }

    private static String describe(String name, PolicyType type, PolicyProblem problem) {
        return type.cliName() + " policy " + name + ": " + problem.code() + ": " + problem.message()
                + (problem.path().isEmpty() ? "" : " (at " + problem.path() + ")");
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new UndecidableCaseException("request." + field + " is missing or not a string");
        }
        return value.asText();
    }

    /** A case that cannot be decided; its message says why. */
    private static final class UndecidableCaseException extends RuntimeException {
        UndecidableCaseException(String message) {
            super(message, null, false, false);
        }
    }
}
