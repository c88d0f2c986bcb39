package io.gatehouse.server.store;

import java.util.Objects;

/**
 * A recorded audit event with its position in the audit log.
 *
 * @param seq increases with every recorded event; pages of {@link Store#audit} continue from it
 * @param event the event as recorded (its time at millisecond precision)
 */
public record AuditRow(long seq, AuditEvent event) {

    public AuditRow {
        Objects.requireNonNull(event, "event");
    }
}
