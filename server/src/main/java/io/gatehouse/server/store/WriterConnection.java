package io.gatehouse.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The writer's own connection with its prepared statements. Transactions are begun and ended with SQL statements on
 * an auto-commit connection, so that no driver opens one eagerly (sqlite-jdbc would otherwise hold the write lock
 * between batches).
 */
final class WriterConnection implements AutoCloseable {

    private final Connection connection;
    private final Dialect dialect;
    private final Statement control;
    private final PreparedStatement putEntity;
    private final PreparedStatement deleteEntity;
    private final PreparedStatement entity;
    private final PreparedStatement putAccount;
    private final PreparedStatement account;
    private final PreparedStatement logChange;
    private final PreparedStatement recordAudit;
    private final PreparedStatement putMeta;
    private final PreparedStatement meta;

    private WriterConnection(Connection connection, Dialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        connection.setAutoCommit(true);
        control = connection.createStatement();
        putEntity = connection.prepareStatement(Sql.PUT_ENTITY);
        deleteEntity = connection.prepareStatement(Sql.DELETE_ENTITY);
        entity = connection.prepareStatement(Sql.ENTITY);
        putAccount = connection.prepareStatement(Sql.PUT_ACCOUNT);
        account = connection.prepareStatement(Sql.ACCOUNT);
        logChange = connection.prepareStatement(Sql.LOG_CHANGE);
        recordAudit = connection.prepareStatement(Sql.RECORD_AUDIT);
        putMeta = connection.prepareStatement(Sql.PUT_META);
        meta = connection.prepareStatement(Sql.META);
    }

    /** Connects and checks that commits will be durable (warning if not). */
    static WriterConnection open(Dialect dialect, DataSource source) throws SQLException {
        Connection connection = source.getConnection();
        try {
            dialect.checkDurability(connection);
            return new WriterConnection(connection, dialect);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Begins a transaction and sets the savepoint {@code command} that marks where the first command starts. */
    void begin() throws SQLException {
        dialect.execute(control, dialect.beginBatch(), Sql.SAVEPOINT);
    }

    /** Keeps the work since the savepoint and moves the savepoint to here, where the next command starts. */
    void advanceSavepoint() throws SQLException {
        dialect.execute(control, Sql.RELEASE_SAVEPOINT, Sql.SAVEPOINT);
    }

    /** Undoes everything since the savepoint, which stays where it is, ready for the next command. */
    void rollbackToSavepoint() throws SQLException {
        control.execute(Sql.ROLLBACK_TO_SAVEPOINT);
    }

    /** Commits the transaction, savepoint and all. */
    void commit() throws SQLException {
        control.execute(Sql.COMMIT);
    }

    void rollback() throws SQLException {
        control.execute(Sql.ROLLBACK);
    }

    long putEntity(String accountId, String kind, String key, String body, long at) throws SQLException {
        putEntity.setString(1, accountId);
        putEntity.setString(2, kind);
        putEntity.setString(3, key);
        putEntity.setString(4, body);
        putEntity.setLong(5, at);
        try (ResultSet rows = putEntity.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    boolean deleteEntity(String accountId, String kind, String key) throws SQLException {
        deleteEntity.setString(1, accountId);
        deleteEntity.setString(2, kind);
        deleteEntity.setString(3, key);
        return deleteEntity.executeUpdate() > 0;
    }

    /** Deletes an account and every entity of it; whether the account existed. */
    boolean deleteAccount(String accountId) throws SQLException {
        try (PreparedStatement entities = connection.prepareStatement(Sql.DELETE_ACCOUNT_ENTITIES);
             PreparedStatement account = connection.prepareStatement(Sql.DELETE_ACCOUNT)) {
            entities.setString(1, accountId);
            entities.executeUpdate();
            account.setString(1, accountId);
            return account.executeUpdate() > 0;
        }
    }

    Optional<EntityRow> entity(String accountId, String kind, String key) throws SQLException {
        entity.setString(1, accountId);
        entity.setString(2, kind);
        entity.setString(3, key);
        try (ResultSet rows = entity.executeQuery()) {
            return rows.next() ? Optional.of(Rows.entity(rows)) : Optional.empty();
        }
    }

    void putAccount(String accountId, String body, long at) throws SQLException {
        putAccount.setString(1, accountId);
        putAccount.setLong(2, at);
        putAccount.setString(3, body);
        putAccount.executeUpdate();
    }

    Optional<AccountRow> account(String accountId) throws SQLException {
        account.setString(1, accountId);
        try (ResultSet rows = account.executeQuery()) {
            return rows.next() ? Optional.of(Rows.account(rows)) : Optional.empty();
        }
    }

    void logChange(String accountId, String kind, String key, Change.Op op, long at) throws SQLException {
        logChange.setString(1, accountId);
        logChange.setString(2, kind);
        logChange.setString(3, key);
        logChange.setString(4, op.text());
        logChange.setLong(5, at);
        logChange.executeUpdate();
    }

    void recordAudit(AuditEvent event) throws SQLException {
        recordAudit.setString(1, event.eventId());
        recordAudit.setString(2, event.accountId());
        recordAudit.setLong(3, event.eventTime().toEpochMilli());
        recordAudit.setString(4, event.eventName());
        recordAudit.setString(5, event.body());
        recordAudit.executeUpdate();
    }

    void putMeta(String name, String value) throws SQLException {
        putMeta.setString(1, name);
        putMeta.setString(2, value);
        putMeta.executeUpdate();
    }

    Optional<String> meta(String name) throws SQLException {
        meta.setString(1, name);
        try (ResultSet rows = meta.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    /** Closes the connection and, with it, its statements; a transaction still open is rolled back. */
    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The connection is being abandoned; there is nothing left to do with it.
        }
    }
}
