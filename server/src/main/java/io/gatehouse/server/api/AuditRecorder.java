package io.gatehouse.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gatehouse.catalog.AccessLevel;
import io.gatehouse.catalog.ServiceCatalog;
import io.gatehouse.policy.request.Principal;
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
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionTag;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.store.AuditEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes each call as a CloudTrail event (record format eventVersion 1.09): who called, what, from where, the
 * request parameters and, for calls that change something or issue credentials, the response elements. Values the
 * service model marks sensitive (secret access keys, passwords, private keys) never enter an event, nor do the
 * members a service withholds besides (session tokens, which the STS model does not mark sensitive; MFA codes). A call made
 * with temporary credentials names them in {@code userIdentity.sessionContext}, as CloudTrail does.
 *
 * <p>A call that acts on another account than its caller's ({@link Call#alsoAuditIn}: a cross-account AssumeRole) and
 * succeeds is recorded in both, as CloudTrail delivers "separate CloudTrail events for the same action" to the caller's
 * account and to the owner's: each copy has its own {@code eventID} and {@code recipientAccountId}, both share one
 * {@code sharedEventID}, and the owner's copy names the caller only as CloudTrail's {@code AWSAccount} identity (its
 * account and principal id; IAM User Guide, "Logging IAM and AWS STS API calls with AWS CloudTrail"). One that fails is
 * recorded in the caller's account only: CloudTrail "does not log denied AWS STS requests in the target account's
 * CloudTrail" (same page).
 */
public final class AuditRecorder {

    /** CloudTrail renders IAM's response timestamps in this form ({@code Jan 2, 2026, 3:04:05 AM}). */
    private static final DateTimeFormatter RESPONSE_TIME =
            DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ISO_INSTANT;

    private final String signingName;
    private final String eventSource;
    private final ServiceCatalog catalog;
    private final Ids ids = new Ids();
    private final Set<String> responsesRecorded;
    private final Set<String> withheld;

    /**
     * @param signingName the service's action prefix ({@code iam}, {@code sts})
     * @param catalog     tells which actions only read (they are recorded without response elements)
     */
    public AuditRecorder(String signingName, ServiceCatalog catalog) {
        this(signingName, catalog, Set.of(), Set.of());
    }

    /**
     * @param responsesRecorded operations that only read but whose response elements are recorded all the same
     *                          (CloudTrail records the credentials STS issues)
     * @param withheld          shapes whose values are never recorded besides the sensitive ones: secrets the model
     *                          does not mark sensitive ({@code tokenType}, a session token; one-time MFA codes).
     *                          By shape, so that every member of every operation holding one is covered
     */
    public AuditRecorder(String signingName, ServiceCatalog catalog, Set<String> responsesRecorded,
                         Set<String> withheld) {
        this.signingName = signingName;
        this.eventSource = signingName + ".amazonaws.com";
        this.catalog = catalog;
        this.responsesRecorded = Set.copyOf(responsesRecorded);
        this.withheld = Set.copyOf(withheld);
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

    /** The events of a call that succeeded: one, or one in each account for a call across accounts. */
    List<AuditEvent> success(Call call, Struct output) {
        boolean readOnly = readOnly(call.operation());
        Struct responseElements = !readOnly || responsesRecorded.contains(call.operation().name()) ? output : null;
        Request request = request(call);
        String owner = call.otherAuditedAccount();
        if (owner == null || owner.equals(request.caller().accountId())) {
            return List.of(event(request, responseElements, null, readOnly, null, null));
        }
        String shared = ids.eventId(call.facts().time());
        return List.of(event(request, responseElements, null, readOnly, shared, null),
                event(request, responseElements, null, readOnly, shared, owner));
    }

    /** The event of a call that failed with an AWS error (also an authorization failure). */
    AuditEvent failure(Caller caller, RequestFacts facts, Operation operation, String requestId, Struct input,
                       AwsException error) {
        return event(new Request(caller, facts, operation, requestId, input, List.of()), null, error,
                readOnly(operation), null, null);
    }

    /**
     * The event of a call that failed after its handler began (it may have identified an unsigned caller): one, in the
     * caller's account only, even for a call across accounts ({@link Call#alsoAuditIn}).
     */
    AuditEvent failure(Call call, AwsException error) {
        return event(request(call), null, error, readOnly(call.operation()), null, null);
    }

    private static Request request(Call call) {
        return new Request(call.auditedCaller(), call.facts(), call.operation(), call.requestId(), call.input(),
                call.assertedSessionTags());
    }

    /**
     * What an event says of its request.
     *
     * @param assertedTags the session tags an identity provider asserted (SAML, web identity), which CloudTrail records
     *                     among the request parameters as {@code principalTags} and {@code transitiveTagKeys}
     */
    private record Request(Caller caller, RequestFacts facts, Operation operation, String requestId, Struct input,
                           List<SessionTag> assertedTags) {}

    /**
     * The event of an API call ({@link CloudTrailEvents} writes the envelope every event has).
     *
     * @param sharedEventId the {@code sharedEventID} of a call recorded in two accounts, else {@code null}
     * @param owner         the account receiving the owner's copy of such a call ({@code AWSAccount} identity), or
     *                      {@code null} for the caller's own event
     */
    private AuditEvent event(Request request, Struct responseElements, AwsException error, boolean readOnly,
                             String sharedEventId, String owner) {
        Caller caller = request.caller();
        RequestFacts facts = request.facts();
        String recipient = owner != null ? owner : caller.accountId();
        CloudTrailEvents.Envelope envelope = new CloudTrailEvents.Envelope(ids.eventId(facts.time()), recipient,
                facts.time(), eventSource, request.operation().name(), facts.region(), facts.sourceIp(),
                facts.userAgent(), readOnly, "AwsApiCall");
        return CloudTrailEvents.write(envelope,
                json -> {
                    if (owner != null) {
                        otherAccountIdentity(json, caller);
                    } else {
                        userIdentity(json, caller);
                    }
                },
                json -> {
                    json.writeFieldName("requestParameters");
                    if (recordsAnything(request.input()) || !request.assertedTags().isEmpty()) {
                        json.writeStartObject();
                        members(json, request.input());
                        assertedTags(json, request.assertedTags());
                        json.writeEndObject();
                    } else {
                        json.writeNull();
                    }
                    json.writeStringField("requestID", request.requestId());
                    json.writeFieldName("responseElements");
                    if (responseElements == null) {
                        json.writeNull();
                    } else {
                        struct(json, responseElements);
                    }
                    if (error != null) {
                        json.writeStringField("errorCode", error.error().code());
                        json.writeStringField("errorMessage", error.getMessage());
                    }
                    if (sharedEventId != null) {
                        json.writeStringField("sharedEventID", sharedEventId);
                    }
                });
    }

    /**
     * The caller as the other account's copy of a cross-account event names it: CloudTrail's {@code AWSAccount} type,
     * the caller's principal id (none for a root user) and account, and nothing of its keys or session.
     */
    private static void otherAccountIdentity(JsonGenerator json, Caller caller) throws IOException {
        json.writeObjectFieldStart("userIdentity");
        json.writeStringField("type", "AWSAccount");
        if (!caller.isRoot()) {
            json.writeStringField("principalId", caller.userId());
        }
        json.writeStringField("accountId", caller.accountId());
        json.writeEndObject();
    }

    /**
     * Who called, as CloudTrail's {@code userIdentity} says it: a signed caller with its ARN, account, key and session;
     * a caller that did not sign as {@link #unsignedIdentity} says.
     */
    private static void userIdentity(JsonGenerator json, Caller caller) throws IOException {
        json.writeObjectFieldStart("userIdentity");
        if (caller.isUnsigned()) {
            unsignedIdentity(json, caller);
        } else {
            json.writeStringField("type", caller.isRoot() ? "Root"
                    : caller.principalType().equals("User") ? "IAMUser" : caller.principalType());
            json.writeStringField("principalId", caller.userId());
            json.writeStringField("arn", caller.arn());
            json.writeStringField("accountId", caller.accountId());
            json.writeStringField("accessKeyId", caller.accessKeyId());
            if (caller.userName() != null) {
                json.writeStringField("userName", caller.userName());
            }
            if (caller.hasSession()) {
                sessionContext(json, caller);
            }
        }
        json.writeEndObject();
    }

    /**
     * The identity of an unsigned call as CloudTrail writes it. A SAML user: {@code type} {@code SAMLUser}; once the
     * response is verified, {@code principalId} {@code NAMEQUALIFIER:SUBJECT}, {@code userName} the subject, and
     * {@code identityProvider} the provider's ARN. A web identity user: {@code WebIdentityUser}, {@code principalId}
     * {@code PROVIDER:AUDIENCE:SUBJECT} and the {@code identityProvider}, without ARN, account or key. A call whose
     * proof was not accepted and that named no SAML provider: {@code Anonymous}.
     */
    private static void unsignedIdentity(JsonGenerator json, Caller caller) throws IOException {
        boolean saml = caller.principal().id().contains(":saml-provider/");
        json.writeStringField("type", caller.principalType());
        if (saml) {
            if (caller.userId() != null) {
                json.writeStringField("principalId", caller.userId());
                json.writeStringField("userName", caller.userId().substring(caller.userId().indexOf(':') + 1));
            }
            json.writeStringField("identityProvider", caller.arn());
            return;
        }
        json.writeStringField("principalId", caller.userId());
        if (caller.principal().kind() == Principal.Kind.FEDERATED) {
            json.writeStringField("identityProvider", caller.identityProvider());
        }
    }

    /**
     * When the temporary credentials were issued and whether with MFA, in CloudTrail's words; for a role or federated
     * user session also who issued it ({@code sessionIssuer}: the role, or the IAM user or root user who federated)
     * and the source identity set along its role chain.
     */
    private static void sessionContext(JsonGenerator json, Caller caller) throws IOException {
        Session session = caller.session();
        json.writeObjectFieldStart("sessionContext");
        SessionIssuer issuer = session.attributes().issuer();
        if (issuer != null) {
            json.writeObjectFieldStart("sessionIssuer");
            boolean root = issuer.arn().endsWith(":root");
            json.writeStringField("type", root ? "Root" : issuer.arn().contains(":role/") ? "Role" : "IAMUser");
            json.writeStringField("principalId", issuer.uniqueId());
            json.writeStringField("arn", Arns.render(issuer.arn(), caller.partition()));
            json.writeStringField("accountId", session.accountId());
            if (!root) {
                json.writeStringField("userName", issuer.name());
            }
            json.writeEndObject();
        }
        json.writeObjectFieldStart("attributes");
        json.writeStringField("creationDate", EVENT_TIME.format(session.issuedAt()));
        json.writeStringField("mfaAuthenticated", Boolean.toString(session.mfaAuthenticated()));
        json.writeEndObject();
        if (session.attributes().sourceIdentity() != null) {
            json.writeStringField("sourceIdentity", session.attributes().sourceIdentity());
        }
        json.writeEndObject();
    }

    /** Whether a structure has a member that its event records (so that it is not written as {@code null}). */
    private boolean recordsAnything(Struct value) {
        for (Member member : value.shape().members()) {
            if (value.has(member.name()) && recorded(member.shape(), raw(value, member))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Session tags an identity provider asserted, as CloudTrail records them among the request parameters:
     * {@code principalTags} (key to value) and {@code transitiveTagKeys}, each only when there is something to say.
     */
    private static void assertedTags(JsonGenerator json, List<SessionTag> tags) throws IOException {
        if (tags.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart("principalTags");
        for (SessionTag tag : tags) {
            json.writeStringField(tag.key(), tag.value());
        }
        json.writeEndObject();
        if (tags.stream().anyMatch(SessionTag::transitive)) {
            json.writeArrayFieldStart("transitiveTagKeys");
            for (SessionTag tag : tags) {
                if (tag.transitive()) {
                    json.writeString(tag.key());
                }
            }
            json.writeEndArray();
        }
    }

    /** A structure as CloudTrail writes it: lowerCamel member names, sensitive and withheld values left out. */
    private void struct(JsonGenerator json, Struct value) throws IOException {
        json.writeStartObject();
        members(json, value);
        json.writeEndObject();
    }

    /** The members of a structure, as {@link #struct} writes them. */
    private void members(JsonGenerator json, Struct value) throws IOException {
        for (Member member : value.shape().members()) {
            if (!value.has(member.name())) {
                continue;
            }
            Object raw = raw(value, member);
            if (recorded(member.shape(), raw)) {
                json.writeFieldName(lowerCamel(member.name()));
                write(json, member.shape(), raw);
            }
        }
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

    /** Whether a value is written at all: sensitive values and absent ones are left out. */
    /** Whether a value is written: it is present, and its shape is neither sensitive nor withheld. */
    private boolean recorded(Shape shape, Object value) {
        return value != null && records(shape);
    }

    /** Whether values of this shape enter events at all (blobs are left out where they are written). */
    boolean records(Shape shape) {
        return !isSensitive(shape) && !withheld.contains(shape.name());
    }

    /** Writes a value that is {@link #recorded}. */
    private void write(JsonGenerator json, Shape shape, Object value) throws IOException {
        switch (shape) {
            case StructureShape s -> struct(json, (Struct) value);
            case ListShape l -> {
                json.writeStartArray();
                for (Object element : (List<?>) value) {
                    if (recorded(l.member().shape(), element)) {
                        write(json, l.member().shape(), element);
                    }
                }
                json.writeEndArray();
            }
            case MapShape m -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    if (recorded(m.value().shape(), entry.getValue())) {
                        json.writeFieldName(String.valueOf(entry.getKey()));
                        write(json, m.value().shape(), entry.getValue());
                    }
                }
                json.writeEndObject();
            }
            case TimestampShape t -> json.writeString(RESPONSE_TIME.format((Instant) value));
            default -> {
                switch (value) {
                    case String text -> json.writeString(text);
                    case Integer i -> json.writeNumber(i);
                    case Long l -> json.writeNumber(l);
                    case Boolean b -> json.writeBoolean(b);
                    default -> json.writeString(value.toString());
                }
            }
        }
    }

    private static boolean isSensitive(Shape shape) {
        return shape instanceof StringShape string && string.sensitive();
    }

    private static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
