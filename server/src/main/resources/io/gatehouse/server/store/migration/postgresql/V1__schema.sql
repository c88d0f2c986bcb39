-- Gatehouse durable record, PostgreSQL dialect. Times are epoch milliseconds (UTC); bodies are JSON the server writes.

CREATE TABLE accounts (
    account_id TEXT   NOT NULL PRIMARY KEY,
    created_at BIGINT NOT NULL,
    body       TEXT   NOT NULL
);

CREATE TABLE entities (
    account_id TEXT   NOT NULL,
    kind       TEXT   NOT NULL,
    entity_key TEXT   NOT NULL,
    version    BIGINT NOT NULL,
    body       TEXT   NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, kind, entity_key)
);

-- Writers hold LOCK TABLE change_log IN EXCLUSIVE MODE from the start of a batch to its commit, so sequence
-- numbers are handed out in commit order: a follower reading seq > n never misses a later commit of a lower number.
CREATE TABLE change_log (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id TEXT   NOT NULL,
    kind       TEXT   NOT NULL,
    entity_key TEXT   NOT NULL,
    op         TEXT   NOT NULL CHECK (op IN ('put', 'delete')),
    changed_at BIGINT NOT NULL
);

CREATE TABLE audit_events (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id   TEXT   NOT NULL UNIQUE,
    account_id TEXT   NOT NULL,
    event_time BIGINT NOT NULL,
    event_name TEXT   NOT NULL,
    body       TEXT   NOT NULL
);

CREATE INDEX audit_events_by_time ON audit_events (event_time);
CREATE INDEX audit_events_by_account_time ON audit_events (account_id, event_time);

CREATE TABLE meta (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
