package io.gatehouse.server.workload;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gatehouse.server.api.CloudTrailEvents;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.store.AuditEvent;
import java.io.IOException;
import java.time.format.DateTimeFormatter;

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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private WorkloadCredentialsEvent() {}

    /**
     * @param roleArn            the role assumed
     * @param instanceProfileArn the instance profile the token is bound to, or {@code null}
     */
    static AuditEvent of(String eventId, String requestId, WorkloadRequest request, WorkloadToken token,
                         String roleArn, String instanceProfileArn, Session session) {
        return CloudTrailEvents.write(new CloudTrailEvents.Envelope(eventId, token.accountId(), request.time(),
                "sts.amazonaws.com", EVENT_NAME, REGION, request.sourceIp(), request.userAgent(), true, "AwsApiCall"),
                WorkloadCredentialsEvent::userIdentity,
                json -> body(json, requestId, token, roleArn, instanceProfileArn, session));
    }

    private static void userIdentity(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("userIdentity");
        json.writeStringField("type", "AWSService");
        json.writeStringField("invokedBy", INVOKED_BY);
        json.writeEndObject();
    }

    private static void body(JsonGenerator json, String requestId, WorkloadToken token, String roleArn,
                             String instanceProfileArn, Session session) throws IOException {
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
    }
}
