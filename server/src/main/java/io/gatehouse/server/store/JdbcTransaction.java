package io.gatehouse.server.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Transaction} of one command: writes go straight to the writer's connection, inside the command's
 * savepoint. Remembers the first database error, so that a command which catches it still fails.
 */
final class JdbcTransaction implements Transaction {

    private final WriterConnection db;
    private final long now;
    private final Thread owner = Thread.currentThread();
    private final List<Runnable> afterCommit = new ArrayList<>(2);
    private final List<Runnable> afterAbort = new ArrayList<>(1);
    private StoreException failure;
    private boolean open = true;

    /**
     * @param now the command's time in epoch milliseconds, used for every row it writes
     */
    JdbcTransaction(WriterConnection db, long now) {
        this.db = db;
        this.now = now;
    }

    @Override
    public long put(String accountId, String kind, String key, String body) {
        checkUsable();
        checkKind(kind);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        try {
            long version = db.putEntity(accountId, kind, key, body, now);
            db.logChange(accountId, kind, key, Change.Op.PUT, now);
            return version;
        } catch (SQLException e) {
            throw failed("put entity", e);
        }
    }

    @Override
    public boolean delete(String accountId, String kind, String key) {
        checkUsable();
        checkKind(kind);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(key, "key");
        try {
            boolean existed = db.deleteEntity(accountId, kind, key);
            if (existed) {
                db.logChange(accountId, kind, key, Change.Op.DELETE, now);
            }
            return existed;
        } catch (SQLException e) {
            throw failed("delete entity", e);
        }
    }

    @Override
    public boolean deleteAccount(String accountId) {
        checkUsable();
        Objects.requireNonNull(accountId, "accountId");
        try {
            boolean existed = db.deleteAccount(accountId);
            if (existed) {
                db.logChange(accountId, Change.ACCOUNT_KIND, "", Change.Op.DELETE, now);
            }
            return existed;
        } catch (SQLException e) {
            throw failed("delete account", e);
        }
    }

    @Override
    public void putAccount(String accountId, String body) {
        checkUsable();
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(body, "body");
        try {
            db.putAccount(accountId, body, now);
            db.logChange(accountId, Change.ACCOUNT_KIND, "", Change.Op.PUT, now);
        } catch (SQLException e) {
            throw failed("put account", e);
        }
    }

    @Override
    public void audit(AuditEvent event) {
        checkUsable();
        Objects.requireNonNull(event, "event");
        try {
            db.recordAudit(event);
        } catch (SQLException e) {
            throw failed("record audit event", e);
        }
    }

    @Override
    public void putMeta(String name, String value) {
        checkUsable();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        try {
            db.putMeta(name, value);
        } catch (SQLException e) {
            throw failed("put meta", e);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        checkUsable();
        afterCommit.add(Objects.requireNonNull(action, "action"));
    }

    @Override
    public Optional<EntityRow> entity(String accountId, String kind, String key) {
        checkUsable();
        try {
            return db.entity(accountId, kind, key);
        } catch (SQLException e) {
            throw failed("read entity", e);
        }
    }

    @Override
    public Optional<AccountRow> account(String accountId) {
        checkUsable();
        try {
            return db.account(accountId);
        } catch (SQLException e) {
            throw failed("read account", e);
        }
    }

    @Override
    public Optional<String> meta(String name) {
        checkUsable();
        try {
            return db.meta(name);
        } catch (SQLException e) {
            throw failed("read meta", e);
        }
    }

    /** Ends the transaction's life: the command returned or threw. */
    void close() {
        open = false;
    }

    /** The first database error the command met, or {@code null}. */
    StoreException failure() {
        return failure;
    }

    /** The actions registered for after the commit, in registration order. */
    @Override
    public void afterAbort(Runnable action) {
        checkUsable();
        afterAbort.add(Objects.requireNonNull(action, "action"));
    }

    List<Runnable> afterAbortActions() {
        return afterAbort;
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    private StoreException failed(String operation, SQLException e) {
        StoreException error = StoreException.of(operation, e);
        if (failure == null) {
            failure = error;
        }
        return error;
    }

    private void checkUsable() {
        if (!open || Thread.currentThread() != owner) {
            throw new IllegalStateException("a transaction is usable only by its command, on the writer thread");
        }
    }

    private static void checkKind(String kind) {
        if (kind == null || kind.isBlank() || kind.startsWith("@")) {
            throw new IllegalArgumentException("entity kind must be non-blank and not start with @: " + kind);
        }
    }
}
