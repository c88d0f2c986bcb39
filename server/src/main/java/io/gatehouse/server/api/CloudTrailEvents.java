package io.gatehouse.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.gatehouse.server.store.AuditEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes an audit event in CloudTrail's record format, field by field (no tree) and in CloudTrail's order: the envelope
 * every event has (version, time, source, name, region, address, user agent; event id, read-only, type, recipient
 * account, category) around what each kind of event says itself (who, and its request and response). The API's calls,
 * console sign-ins and workload credentials all write their events through it.
 */
public final class CloudTrailEvents {

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes one part of an event into it. */
    @FunctionalInterface
    public interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * What every event has.
     *
     * @param eventId            the event's id
     * @param recipientAccountId the account the event is recorded in
     * @param time               when it happened ({@code eventTime} shows whole seconds)
     * @param eventSource        the service's host ({@code sts.amazonaws.com})
     * @param eventName          the operation or event ({@code AssumeRole}, {@code ConsoleLogin})
     * @param region             the region recorded
     * @param sourceIp           the caller's address, or {@code null}
     * @param userAgent          the caller's user agent, or {@code null}
     * @param readOnly           whether the event changed nothing
     * @param eventType          {@code AwsApiCall} or {@code AwsConsoleSignIn}
     */
    public record Envelope(String eventId, String recipientAccountId, Instant time, String eventSource,
                           String eventName, String region, String sourceIp, String userAgent, boolean readOnly,
                           String eventType) {}

    private CloudTrailEvents() {}

    /**
     * The event.
     *
     * @param userIdentity writes the {@code userIdentity} field
     * @param body         writes what stands between {@code userAgent} and {@code eventID} ({@code requestParameters},
     *                     {@code responseElements}, error, …)
     */
    public static AuditEvent write(Envelope envelope, Fields userIdentity, Fields body) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("eventVersion", "1.09");
            userIdentity.write(json);
            json.writeStringField("eventTime",
                    DateTimeFormatter.ISO_INSTANT.format(envelope.time().truncatedTo(ChronoUnit.SECONDS)));
            json.writeStringField("eventSource", envelope.eventSource());
            json.writeStringField("eventName", envelope.eventName());
            json.writeStringField("awsRegion", envelope.region());
            json.writeStringField("sourceIPAddress", envelope.sourceIp());
            json.writeStringField("userAgent", envelope.userAgent());
            body.write(json);
            json.writeStringField("eventID", envelope.eventId());
            json.writeBooleanField("readOnly", envelope.readOnly());
            json.writeStringField("eventType", envelope.eventType());
            json.writeBooleanField("managementEvent", true);
            json.writeStringField("recipientAccountId", envelope.recipientAccountId());
            json.writeStringField("eventCategory", "Management");
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditEvent(envelope.eventId(), envelope.recipientAccountId(), envelope.time(),
                envelope.eventName(), text.toString());
    }
}
