package io.gatehouse.server.store;

/**
 * The statements both dialects share (SQLite 3.35+ and PostgreSQL 9.5+ both have {@code ON CONFLICT … DO UPDATE}
 * and {@code RETURNING}). Dialect-specific SQL is in {@link Dialect} and the migration scripts.
 */
final class Sql {

    static final String ENTITY_COLUMNS = "account_id, kind, entity_key, version, body, updated_at";
    static final String PUT_ENTITY = "INSERT INTO entities (" + ENTITY_COLUMNS + ") VALUES (?, ?, ?, 1, ?, ?)"
            + " ON CONFLICT (account_id, kind, entity_key) DO UPDATE SET version = entities.version + 1,"
            + " body = excluded.body, updated_at = excluded.updated_at RETURNING version";
    static final String DELETE_ENTITY = "DELETE FROM entities WHERE account_id = ? AND kind = ? AND entity_key = ?";
    static final String DELETE_ACCOUNT_ENTITIES = "DELETE FROM entities WHERE account_id = ?";
    static final String DELETE_ACCOUNT = "DELETE FROM accounts WHERE account_id = ?";
    static final String ENTITY = "SELECT " + ENTITY_COLUMNS + " FROM entities"
            + " WHERE account_id = ? AND kind = ? AND entity_key = ?";
    static final String ALL_ENTITIES = "SELECT " + ENTITY_COLUMNS + " FROM entities";

    static final String ACCOUNT_COLUMNS = "account_id, created_at, body";
    static final String PUT_ACCOUNT = "INSERT INTO accounts (" + ACCOUNT_COLUMNS + ") VALUES (?, ?, ?)"
            + " ON CONFLICT (account_id) DO UPDATE SET body = excluded.body";
    static final String ACCOUNT = "SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE account_id = ?";
    static final String ALL_ACCOUNTS = "SELECT " + ACCOUNT_COLUMNS + " FROM accounts";

    static final String LOG_CHANGE = "INSERT INTO change_log (account_id, kind, entity_key, op, changed_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    static final String CHANGES_SINCE = "SELECT seq, account_id, kind, entity_key, op, changed_at FROM change_log"
            + " WHERE seq > ? ORDER BY seq LIMIT ?";
    static final String LATEST_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM change_log";

    static final String AUDIT_COLUMNS = "seq, event_id, account_id, event_time, event_name, body";
    static final String RECORD_AUDIT = "INSERT INTO audit_events (event_id, account_id, event_time, event_name, body)"
            + " VALUES (?, ?, ?, ?, ?)";
    static final String AUDIT = "SELECT " + AUDIT_COLUMNS + " FROM audit_events"
            + " WHERE event_time >= ? AND event_time < ? AND seq < ? ORDER BY seq DESC LIMIT ?";
    static final String AUDIT_OF_ACCOUNT = "SELECT " + AUDIT_COLUMNS + " FROM audit_events"
            + " WHERE event_time >= ? AND event_time < ? AND seq < ? AND account_id = ? ORDER BY seq DESC LIMIT ?";

    static final String PUT_META = "INSERT INTO meta (name, value) VALUES (?, ?)"
            + " ON CONFLICT (name) DO UPDATE SET value = excluded.value";
    static final String META = "SELECT value FROM meta WHERE name = ?";

    static final String SAVEPOINT = "SAVEPOINT command";
    static final String RELEASE_SAVEPOINT = "RELEASE SAVEPOINT command";
    static final String ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT command";
    static final String COMMIT = "COMMIT";
    static final String ROLLBACK = "ROLLBACK";

    private Sql() {
    }
}
