package io.gatehouse.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Which audit events {@link Store#audit} returns: those with {@code from <= eventTime < to}, of one account or of
 * all, recorded before {@code beforeSeq}, newest first, at most {@code limit}. The next page starts before the
 * {@link AuditRow#seq()} of the last row of this one.
 *
 * @param from earliest event time, inclusive
 * @param to latest event time, exclusive
 * @param accountId the account whose events to return, or {@code null} for every account
 * @param beforeSeq only events with a smaller sequence number; {@link Long#MAX_VALUE} for the first page
 * @param limit the most events to return, at least 1
 */
public record AuditQuery(Instant from, Instant to, String accountId, long beforeSeq, int limit) {

    /** The page size of {@link #between}. */
    public static final int DEFAULT_LIMIT = 50;

    public AuditQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** The first page of events of every account in {@code [from, to)}. */
    public static AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(from, to, null, Long.MAX_VALUE, DEFAULT_LIMIT);
    }

    /** This query restricted to one account. */
    public AuditQuery forAccount(String account) {
        return new AuditQuery(from, to, Objects.requireNonNull(account, "account"), beforeSeq, limit);
    }

    /** This query continued before the given sequence number. */
    public AuditQuery before(long seq) {
        return new AuditQuery(from, to, accountId, seq, limit);
    }

    /** This query with another page size. */
    public AuditQuery limit(int max) {
        return new AuditQuery(from, to, accountId, beforeSeq, max);
    }
}
