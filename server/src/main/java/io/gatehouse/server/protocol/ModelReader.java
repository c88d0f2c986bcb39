package io.gatehouse.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a botocore {@code service-2.json} (and optionally its {@code paginators-1.json}) into immutable shapes.
 * Runs once per model; nothing here is on the request path.
 *
 * <p>Shapes are resolved from the operations down, each once, so a model holds one instance per shape. Recursive
 * shapes are refused: IAM and STS have none, and immutable records cannot hold a cycle.
 */
final class ModelReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode shapes;
    private final Map<String, Shape> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    private ModelReader(JsonNode shapes) {
        this.shapes = shapes;
    }

    /** Reads a model; {@code paginators} may be {@code null}. */
    static ServiceModel read(InputStream service, InputStream paginators) throws IOException {
        JsonNode root = JSON.readTree(service);
        JsonNode pagination = paginators == null ? null : JSON.readTree(paginators).path("pagination");
        JsonNode meta = required(root, "metadata");
        String endpointPrefix = text(meta, "endpointPrefix");
        ServiceMetadata metadata = new ServiceMetadata(
                text(meta, "apiVersion"),
                text(meta, "xmlNamespace"),
                text(meta, "protocol"),
                meta.hasNonNull("signingName") ? meta.get("signingName").asText() : endpointPrefix,
                text(meta, "serviceId"),
                endpointPrefix);
        ModelReader reader = new ModelReader(required(root, "shapes"));
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : required(root, "operations").properties()) {
            String name = entry.getKey();
            Paginator paginator = pagination == null ? null : paginator(name, pagination.get(name));
            operations.put(name, reader.operation(name, entry.getValue(), paginator));
        }
        return new ServiceModel(metadata, operations, reader.resolved);
    }

    private Operation operation(String name, JsonNode op, Paginator paginator) {
        StructureShape input = op.has("input")
                ? structure(text(op.get("input"), "shape"))
                : new StructureShape(name + "Request", List.of());
        StructureShape output = null;
        String wrapper = null;
        if (op.has("output")) {
            output = structure(text(op.get("output"), "shape"));
            wrapper = text(op.get("output"), "resultWrapper");
        }
        return new Operation(name, input, output, wrapper, paginator);
    }

    private static Paginator paginator(String operation, JsonNode spec) {
        if (spec == null) {
            return null;
        }
        for (String key : List.of("input_token", "output_token", "limit_key", "more_results")) {
            if (!spec.path(key).isTextual()) {
                throw new IllegalArgumentException("paginator of " + operation + ": " + key + " must be one name");
            }
        }
        return new Paginator(spec.get("input_token").asText(), spec.get("output_token").asText(),
                spec.get("limit_key").asText(), spec.get("more_results").asText());
    }

    private StructureShape structure(String name) {
        if (resolve(name) instanceof StructureShape structure) {
            return structure;
        }
        throw new IllegalArgumentException(name + " is not a structure");
    }

    private Shape resolve(String name) {
        Shape shape = resolved.get(name);
        if (shape != null) {
            return shape;
        }
        if (!resolving.add(name)) {
            throw new IllegalArgumentException("recursive shape " + name + " is not supported");
        }
        shape = build(name, required(shapes, name));
        resolving.remove(name);
        resolved.put(name, shape);
        return shape;
    }

    private Shape build(String name, JsonNode node) {
        String type = text(node, "type");
        boolean sensitive = node.path("sensitive").asBoolean(false);
        return switch (type) {
            case "structure" -> buildStructure(name, node);
            case "list" -> new ListShape(name, reference(required(node, "member"), "member", false),
                    node.path("flattened").asBoolean(false), bound(node, "min"), bound(node, "max"));
            case "map" -> new MapShape(name, reference(required(node, "key"), "key", false),
                    reference(required(node, "value"), "value", false), node.path("flattened").asBoolean(false),
                    bound(node, "min"), bound(node, "max"));
            case "string" -> buildString(name, node, sensitive);
            case "integer" -> new NumberShape(name, false, bound(node, "min"), bound(node, "max"));
            case "long" -> new NumberShape(name, true, bound(node, "min"), bound(node, "max"));
            case "boolean" -> new BooleanShape(name);
            case "timestamp" -> new TimestampShape(name,
                    node.hasNonNull("timestampFormat") ? node.get("timestampFormat").asText()
                            : TimestampShape.ISO_8601);
            case "blob" -> new BlobShape(name, bound(node, "min"), bound(node, "max"), sensitive);
            default -> throw new IllegalArgumentException(name + ": shape type " + type + " is not supported");
        };
    }

    private StructureShape buildStructure(String name, JsonNode node) {
        Set<String> required = new HashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : required(node, "members").properties()) {
            members.add(reference(entry.getValue(), entry.getKey(), required.remove(entry.getKey())));
        }
        if (!required.isEmpty()) {
            throw new IllegalArgumentException(name + " requires members it does not have: " + required);
        }
        return new StructureShape(name, members);
    }

    private static StringShape buildString(String name, JsonNode node, boolean sensitive) {
        String pattern = node.hasNonNull("pattern") ? node.get("pattern").asText() : null;
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(v -> enumValues.add(v.asText()));
        return new StringShape(name, bound(node, "min"), bound(node, "max"), pattern,
                pattern == null ? null : BotocorePattern.compile(pattern), enumValues, sensitive);
    }

    private Member reference(JsonNode ref, String name, boolean required) {
        if (ref.path("xmlAttribute").asBoolean(false)) {
            throw new IllegalArgumentException(name + ": XML attributes are not supported");
        }
        Shape shape = resolve(text(ref, "shape"));
        String serialized = ref.hasNonNull("locationName") ? ref.get("locationName").asText() : name;
        if (ref.path("flattened").asBoolean(false)) {
            shape = flattened(shape);
        }
        return new Member(name, serialized, shape, required);
    }

    /** A reference may flatten the list or map it names; the flag then belongs to that use only. */
    private static Shape flattened(Shape shape) {
        return switch (shape) {
            case ListShape list -> new ListShape(list.name(), list.member(), true, list.min(), list.max());
            case MapShape map -> new MapShape(map.name(), map.key(), map.value(), true, map.min(), map.max());
            default -> throw new IllegalArgumentException(shape.name() + ": only lists and maps can be flattened");
        };
    }

    private static Long bound(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer: " + value);
        }
        return value.asLong();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("model lacks " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
