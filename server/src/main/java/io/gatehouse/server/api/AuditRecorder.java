package io.gatehouse.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.catalog.AccessLevel;
import io.gatehouse.catalog.ServiceCatalog;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.authz.RequestFacts;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.BlobShape;
import io.gatehouse.server.protocol.ListShape;
import io.gatehouse.server.protocol.MapShape;
import io.gatehouse.server.protocol.Member;
import io.gatehouse.server.protocol.Operation;
import io.gatehouse.server.protocol.Shape;
import io.gatehouse.server.protocol.StringShape;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.protocol.StructureShape;
import io.gatehouse.server.protocol.TimestampShape;
import io.gatehouse.server.store.AuditEvent;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes each call as a CloudTrail event (record format eventVersion 1.09): who called, what, from where, the
 * request parameters and, for calls that change something, the response elements. Values the service model marks
 * sensitive (secret access keys, passwords, private keys) never enter an event.
 */
public final class AuditRecorder {

    /** CloudTrail renders IAM's response timestamps in this form ({@code Jan 2, 2026, 3:04:05 AM}). */
    private static final DateTimeFormatter RESPONSE_TIME =
            DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ISO_INSTANT;

    private final ObjectMapper mapper = new ObjectMapper();
    private final String signingName;
    private final String eventSource;
    private final ServiceCatalog catalog;

    /**
     * @param signingName the service's action prefix ({@code iam}, {@code sts})
     * @param catalog     tells which actions only read (they are recorded without response elements)
     */
    public AuditRecorder(String signingName, ServiceCatalog catalog) {
        this.signingName = signingName;
        this.eventSource = signingName + ".amazonaws.com";
        this.catalog = catalog;
    }

    /** The IAM action an operation is authorized as ({@code iam:CreateUser}). */
    public String actionOf(Operation operation) {
        return signingName + ":" + operation.name();
    }

    /** Whether the operation only reads. */
    public boolean readOnly(Operation operation) {
        return catalog.action(actionOf(operation))
                .map(a -> a.accessLevel() == AccessLevel.READ || a.accessLevel() == AccessLevel.LIST)
                .orElse(operation.name().startsWith("Get") || operation.name().startsWith("List"));
    }

    /** The event of a call that succeeded. */
    AuditEvent success(Call call, Struct output) {
        ObjectNode event = base(call.caller(), call.facts(), call.operation(), call.requestId(), call.input());
        event.set("responseElements", readOnly(call.operation()) || output == null ? null : struct(output));
        return finish(event, call.caller().accountId(), call.facts().time(), call.operation().name());
    }

    /** The event of a call that failed with an AWS error (also an authorization failure). */
    AuditEvent failure(Caller caller, RequestFacts facts, Operation operation, String requestId, Struct input,
                       AwsException error) {
        ObjectNode event = base(caller, facts, operation, requestId, input);
        event.putNull("responseElements");
        event.put("errorCode", error.error().code());
        event.put("errorMessage", error.getMessage());
        return finish(event, caller.accountId(), facts.time(), operation.name());
    }

    private ObjectNode base(Caller caller, RequestFacts facts, Operation operation, String requestId, Struct input) {
        ObjectNode event = mapper.createObjectNode();
        event.put("eventVersion", "1.09");
        ObjectNode identity = event.putObject("userIdentity");
        identity.put("type", caller.isRoot() ? "Root" : caller.principalType().equals("User") ? "IAMUser"
                : caller.principalType());
        identity.put("principalId", caller.userId());
        identity.put("arn", caller.arn());
        identity.put("accountId", caller.accountId());
        identity.put("accessKeyId", caller.accessKeyId());
        if (caller.userName() != null) {
            identity.put("userName", caller.userName());
        }
        event.put("eventTime", EVENT_TIME.format(facts.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.put("eventSource", eventSource);
        event.put("eventName", operation.name());
        event.put("awsRegion", facts.region());
        event.put("sourceIPAddress", facts.sourceIp());
        event.put("userAgent", facts.userAgent());
        JsonNode parameters = struct(input);
        event.set("requestParameters", parameters.isEmpty() ? null : parameters);
        event.put("requestID", requestId);
        return event;
    }

    private AuditEvent finish(ObjectNode event, String accountId, Instant time, String eventName) {
        String eventId = UUID.randomUUID().toString();
        boolean readOnly = event.get("responseElements") == null || event.get("responseElements").isNull();
        event.put("eventID", eventId);
        event.put("readOnly", readOnly && event.get("errorCode") == null ? readOnlyOf(eventName) : readOnlyOf(eventName));
        event.put("eventType", "AwsApiCall");
        event.put("managementEvent", true);
        event.put("recipientAccountId", accountId);
        event.put("eventCategory", "Management");
        try {
            return new AuditEvent(eventId, accountId, time, eventName, mapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean readOnlyOf(String operationName) {
        return catalog.action(signingName + ":" + operationName)
                .map(a -> a.accessLevel() == AccessLevel.READ || a.accessLevel() == AccessLevel.LIST)
                .orElse(operationName.startsWith("Get") || operationName.startsWith("List"));
    }

    /** A structure as CloudTrail writes it: lowerCamel member names, sensitive values left out. */
    private ObjectNode struct(Struct value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        StructureShape shape = value.shape();
        for (Member member : shape.members()) {
            if (!value.has(member.name()) || isSensitive(member.shape())) {
                continue;
            }
            JsonNode converted = convert(member.shape(), raw(value, member));
            if (converted != null) {
                node.set(lowerCamel(member.name()), converted);
            }
        }
        return node;
    }

    private static Object raw(Struct value, Member member) {
        return switch (member.shape()) {
            case StructureShape s -> value.struct(member.name());
            case ListShape l -> value.list(member.name());
            case MapShape m -> value.map(member.name());
            case StringShape s -> value.string(member.name());
            case TimestampShape t -> value.timestamp(member.name());
            case BlobShape b -> null; // binary payloads are not recorded
            default -> numberOrBool(value, member);
        };
    }

    private static Object numberOrBool(Struct value, Member member) {
        Object bool = null;
        try {
            bool = value.bool(member.name());
        } catch (IllegalArgumentException notBool) {
            try {
                return value.integer(member.name());
            } catch (IllegalArgumentException notInt) {
                return value.longValue(member.name());
            }
        }
        return bool;
    }

    private JsonNode convert(Shape shape, Object value) {
        if (value == null || isSensitive(shape)) {
            return null;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (shape) {
            case StructureShape s -> struct((Struct) value);
            case ListShape l -> {
                ArrayNode array = f.arrayNode();
                for (Object element : (List<?>) value) {
                    JsonNode converted = convert(l.member().shape(), element);
                    if (converted != null) {
                        array.add(converted);
                    }
                }
                yield array;
            }
            case MapShape m -> {
                ObjectNode map = f.objectNode();
                ((Map<?, ?>) value).forEach((k, v) -> {
                    JsonNode converted = convert(m.value().shape(), v);
                    if (converted != null) {
                        map.set(String.valueOf(k), converted);
                    }
                });
                yield map;
            }
            case TimestampShape t -> f.textNode(RESPONSE_TIME.format((Instant) value));
            default -> switch (value) {
                case String s -> f.textNode(s);
                case Integer i -> f.numberNode(i);
                case Long l -> f.numberNode(l);
                case Boolean b -> f.booleanNode(b);
                default -> f.textNode(value.toString());
            };
        };
    }

    private static boolean isSensitive(Shape shape) {
        return shape instanceof StringShape string && string.sensitive();
    }

    private static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
