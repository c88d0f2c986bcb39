package io.gatehouse.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@link Store} over JDBC: a read pool, the group-commit writer, and the dialect that tells them apart. */
final class JdbcStore implements Store {

    private static final int FETCH_SIZE = 1_000;

    private final Dialect dialect;
    private final HikariDataSource readers;
    private final GroupCommitWriter writer;

    private JdbcStore(Dialect dialect, HikariDataSource readers, GroupCommitWriter writer) {
        this.dialect = dialect;
        this.readers = readers;
        this.writer = writer;
    }

    static JdbcStore open(StoreOptions options) {
        String url = options.jdbcUrl();
        Dialect dialect = Dialect.of(url);
        Migrations.migrate(dialect, url);
        HikariDataSource readers = readPool(dialect, options);
        try {
            var writerSource = dialect.dataSource(url, "gatehouse-writer");
            WriterConnection connection = WriterConnection.open(dialect, writerSource);
            GroupCommitWriter writer = new GroupCommitWriter(dialect, writerSource, connection, options,
                    Clock.systemUTC());
            writer.start();
            return new JdbcStore(dialect, readers, writer);
        } catch (SQLException e) {
            readers.close();
            throw StoreException.of("open writer connection", e);
        }
    }

    private static HikariDataSource readPool(Dialect dialect, StoreOptions options) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dialect.dataSource(options.jdbcUrl(), "gatehouse-reader"));
        config.setPoolName("gatehouse-read");
        config.setMaximumPoolSize(options.readPoolSize());
        config.setMinimumIdle(1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw StoreException.of("open read pool", e);
        }
    }

    @Override
    public Writer writer() {
        return writer;
    }

    @Override
    public long load(Consumer<AccountRow> accounts, Consumer<EntityRow> entities) {
        return read("load", connection -> {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(dialect.snapshotIsolation());
            try {
                long seq = latestSeq(connection);
                try (PreparedStatement all = connection.prepareStatement(Sql.ALL_ACCOUNTS)) {
                    all.setFetchSize(FETCH_SIZE);
                    try (ResultSet rows = all.executeQuery()) {
                        while (rows.next()) {
                            accounts.accept(Rows.account(rows));
                        }
                    }
                }
                try (PreparedStatement all = connection.prepareStatement(Sql.ALL_ENTITIES)) {
                    all.setFetchSize(FETCH_SIZE);
                    try (ResultSet rows = all.executeQuery()) {
                        while (rows.next()) {
                            entities.accept(Rows.entity(rows));
                        }
                    }
                }
                return seq;
            } finally {
                connection.rollback();
            }
        });
    }

    @Override
    public Optional<EntityRow> entity(String accountId, String kind, String key) {
        return read("read entity", connection -> {
            try (PreparedStatement query = connection.prepareStatement(Sql.ENTITY)) {
                query.setString(1, accountId);
                query.setString(2, kind);
                query.setString(3, key);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(Rows.entity(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<AccountRow> account(String accountId) {
        return read("read account", connection -> {
            try (PreparedStatement query = connection.prepareStatement(Sql.ACCOUNT)) {
                query.setString(1, accountId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(Rows.account(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Change> changesSince(long afterSeq, int limit) {
        return read("read changes", connection -> {
            try (PreparedStatement query = connection.prepareStatement(Sql.CHANGES_SINCE)) {
                query.setLong(1, afterSeq);
                query.setInt(2, limit);
                List<Change> changes = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        changes.add(Rows.change(rows));
                    }
                }
                return List.copyOf(changes);
            }
        });
    }

    @Override
    public long latestSeq() {
        return read("read latest change", JdbcStore::latestSeq);
    }

    @Override
    public List<AuditRow> audit(AuditQuery q) {
        return read("read audit events", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    q.accountId() == null ? Sql.AUDIT : Sql.AUDIT_OF_ACCOUNT)) {
                query.setLong(1, q.from().toEpochMilli());
                query.setLong(2, q.to().toEpochMilli());
                query.setLong(3, q.beforeSeq());
                int next = 4;
                if (q.accountId() != null) {
                    query.setString(next++, q.accountId());
                }
                query.setInt(next, q.limit());
                List<AuditRow> events = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        events.add(Rows.audit(rows));
                    }
                }
                return List.copyOf(events);
            }
        });
    }

    @Override
    public Optional<String> meta(String name) {
        return read("read meta", connection -> {
            try (PreparedStatement query = connection.prepareStatement(Sql.META)) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void close() {
        writer.close();
        readers.close();
    }

    private static long latestSeq(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(Sql.LATEST_SEQ);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private <T> T read(String operation, Reading<T> reading) {
        try (Connection connection = readers.getConnection()) {
            return reading.apply(connection);
        } catch (SQLException e) {
            throw StoreException.of(operation, e);
        }
    }

    /** A read on a pooled connection. */
    @FunctionalInterface
    private interface Reading<T> {
        T apply(Connection connection) throws SQLException;
    }
}
