-- Gatehouse durable record, SQLite dialect. Times are epoch milliseconds (UTC); bodies are JSON the server writes.

CREATE TABLE accounts (
    account_id TEXT    NOT NULL PRIMARY KEY,
    created_at INTEGER NOT NULL,
    body       TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE entities (
    account_id TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    entity_key TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, kind, entity_key)
) WITHOUT ROWID;

-- AUTOINCREMENT: a sequence number is never reused, even once old rows are pruned.
CREATE TABLE change_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    entity_key TEXT    NOT NULL,
    op         TEXT    NOT NULL CHECK (op IN ('put', 'delete')),
    changed_at INTEGER NOT NULL
);

CREATE TABLE audit_events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id   TEXT    NOT NULL UNIQUE,
    account_id TEXT    NOT NULL,
    event_time INTEGER NOT NULL,
    event_name TEXT    NOT NULL,
    body       TEXT    NOT NULL
);

CREATE INDEX audit_events_by_time ON audit_events (event_time);
CREATE INDEX audit_events_by_account_time ON audit_events (account_id, event_time);

CREATE TABLE meta (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
