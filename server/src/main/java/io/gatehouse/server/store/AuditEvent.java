package io.gatehouse.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An audit event to record, in the transaction of the change it describes (or alone, for a call that failed or
 * changed nothing). The store indexes the identifying fields and keeps the body as given.
 *
 * @param eventId the event's unique id (CloudTrail {@code eventID}); recording the same id twice fails the command
 * @param accountId the account the event belongs to (CloudTrail {@code recipientAccountId})
 * @param eventTime when the call was made
 * @param eventName the operation ({@code CreateUser})
 * @param body the whole event as JSON; must never contain a secret
 */
public record AuditEvent(String eventId, String accountId, Instant eventTime, String eventName, String body) {

    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(body, "body");
    }
}
