package io.gatehouse.server.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.store.AuditEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The audit event of credentials issued to a workload, recorded as CloudTrail records the {@code AssumeRole} an AWS
 * service makes for a task or instance role: {@code userIdentity.type} {@code AWSService}, with {@code invokedBy}
 * {@value #INVOKED_BY} (Gatehouse's own name for its workload endpoint, where AWS writes e.g.
 * {@code ecs-tasks.amazonaws.com}). {@code additionalEventData.workloadTokenId} names the token (its SHA-256, which
 * {@code gatehouse workload revoke} takes), never the token; the secret and session token are never recorded.
 */
final class WorkloadCredentialsEvent {

    static final String EVENT_NAME = "AssumeRole";
    /** Who asked for the role session, in {@code userIdentity.invokedBy}. */
    static final String INVOKED_BY = "workloads.gatehouse.internal";
    private static final String REGION = "us-east-1";
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private WorkloadCredentialsEvent() {}

    /**
     * @param roleArn            the role assumed
     * @param instanceProfileArn the instance profile the token is bound to, or {@code null}
     */
    static AuditEvent of(String eventId, String requestId, WorkloadRequest request, WorkloadToken token,
                         String roleArn, String instanceProfileArn, Session session) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("eventVersion", "1.09");
            json.writeObjectFieldStart("userIdentity");
            json.writeStringField("type", "AWSService");
            json.writeStringField("invokedBy", INVOKED_BY);
            json.writeEndObject();
            json.writeStringField("eventTime", TIME.format(request.time().truncatedTo(ChronoUnit.SECONDS)));
            json.writeStringField("eventSource", "sts.amazonaws.com");
            json.writeStringField("eventName", EVENT_NAME);
            json.writeStringField("awsRegion", REGION);
            json.writeStringField("sourceIPAddress", request.sourceIp());
            json.writeStringField("userAgent", request.userAgent());
            json.writeObjectFieldStart("requestParameters");
            json.writeStringField("roleArn", roleArn);
            json.writeStringField("roleSessionName", token.sessionName());
            json.writeNumberField("durationSeconds",
                    session.expiresAt().getEpochSecond() - session.issuedAt().getEpochSecond());
            json.writeEndObject();
            json.writeObjectFieldStart("responseElements");
            json.writeObjectFieldStart("credentials");
            json.writeStringField("accessKeyId", session.accessKeyId());
            json.writeStringField("expiration", TIME.format(session.expiresAt()));
            json.writeEndObject();
            json.writeObjectFieldStart("assumedRoleUser");
            json.writeStringField("assumedRoleId", session.principal().uniqueId());
            json.writeStringField("arn", session.principal().arn());
            json.writeEndObject();
            json.writeEndObject();
            json.writeObjectFieldStart("additionalEventData");
            json.writeStringField("workloadTokenId", token.id());
            if (instanceProfileArn != null) {
                json.writeStringField("instanceProfileArn", instanceProfileArn);
            }
            json.writeEndObject();
            json.writeStringField("requestID", requestId);
            json.writeStringField("eventID", eventId);
            json.writeBooleanField("readOnly", true);
            json.writeStringField("eventType", "AwsApiCall");
            json.writeBooleanField("managementEvent", true);
            json.writeStringField("recipientAccountId", token.accountId());
            json.writeStringField("eventCategory", "Management");
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditEvent(eventId, token.accountId(), request.time(), EVENT_NAME, text.toString());
    }
}
