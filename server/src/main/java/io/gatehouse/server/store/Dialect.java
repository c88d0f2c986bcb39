package io.gatehouse.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * What differs between SQLite and PostgreSQL: how to connect, where the migrations are, how a write transaction
 * begins, and how to tell whether commits are durable. Every other statement is portable and lives in {@link Sql}.
 */
enum Dialect {

    /**
     * One file, WAL journal, {@code synchronous=FULL} (the WAL is synced at every commit). A batch begins
     * {@code IMMEDIATE}, taking the file's write lock up front instead of upgrading a read lock later.
     */
    SQLITE("jdbc:sqlite:", "sqlite", "BEGIN IMMEDIATE", Connection.TRANSACTION_SERIALIZABLE, false,
            Integer.MAX_VALUE) {
        @Override
        DataSource dataSource(String url, String applicationName) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl(url);
            return source;
        }

        @Override
        void checkDurability(Connection connection) throws SQLException {
            String journal = single(connection, "PRAGMA journal_mode");
            String synchronous = single(connection, "PRAGMA synchronous");
            if (!"wal".equalsIgnoreCase(journal)) {
                LOG.warn("SQLite journal mode is {}, not wal: readers and the writer will block each other", journal);
            }
            if (Integer.parseInt(synchronous) < SYNCHRONOUS_FULL) {
                LOG.warn("SQLite synchronous={}: acknowledged commits may be lost on power failure", synchronous);
            }
        }
    },

    /**
     * A batch begins by locking {@code change_log} against other writers (readers are not blocked), so batches of
     * several nodes commit one at a time and change sequence numbers are handed out in commit order. A command's
     * reads then also see everything other nodes committed before, which makes check-then-write commands safe.
     *
     * <p>Statements that need no answer in between are sent together, one round trip. A batch holds at most 64
     * commands: each command's savepoint that writes is a subtransaction with its own transaction id, and past 64
     * of them PostgreSQL's per-backend subtransaction cache overflows, which slows every other session's snapshots
     * while the batch is open.
     */
    POSTGRESQL("jdbc:postgresql:", "postgresql", "BEGIN; LOCK TABLE change_log IN EXCLUSIVE MODE",
            Connection.TRANSACTION_REPEATABLE_READ, true, 64) {
        @Override
        DataSource dataSource(String url, String applicationName) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL(url);
            source.setApplicationName(applicationName);
            return source;
        }

        @Override
        void checkDurability(Connection connection) throws SQLException {
            String synchronousCommit = single(connection, "SHOW synchronous_commit");
            String fsync = single(connection, "SHOW fsync");
            if ("off".equalsIgnoreCase(synchronousCommit) || "off".equalsIgnoreCase(fsync)) {
                LOG.warn("PostgreSQL synchronous_commit={} fsync={}: acknowledged commits may be lost on a crash",
                        synchronousCommit, fsync);
            }
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(Dialect.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int SYNCHRONOUS_FULL = 2;

    private final String urlPrefix;
    private final String migrationDirectory;
    private final String beginBatch;
    private final int snapshotIsolation;
    private final boolean multiStatement;
    private final int maxCommandsPerBatch;

    Dialect(String urlPrefix, String migrationDirectory, String beginBatch, int snapshotIsolation,
            boolean multiStatement, int maxCommandsPerBatch) {
        this.urlPrefix = urlPrefix;
        this.migrationDirectory = migrationDirectory;
        this.beginBatch = beginBatch;
        this.snapshotIsolation = snapshotIsolation;
        this.multiStatement = multiStatement;
        this.maxCommandsPerBatch = maxCommandsPerBatch;
    }

    /** The dialect a JDBC URL names. */
    static Dialect of(String jdbcUrl) {
        for (Dialect dialect : values()) {
            if (jdbcUrl.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite: or jdbc:postgresql:)");
    }

    /** Connections to the database, configured for durability; the application name tells connections apart. */
    abstract DataSource dataSource(String url, String applicationName);

    /** Logs a warning if the database is set up so that a committed transaction may be lost. */
    abstract void checkDurability(Connection connection) throws SQLException;

    /** The Flyway location of this dialect's migrations. */
    String migrationLocation() {
        return "classpath:io/gatehouse/server/store/migration/" + migrationDirectory;
    }

    /** The statement(s) that begin a writer transaction. */
    String beginBatch() {
        return beginBatch;
    }

    /** The most commands one transaction may hold, whatever the options say. */
    int maxCommandsPerBatch() {
        return maxCommandsPerBatch;
    }

    /**
     * Runs statements that return nothing, in order: in one round trip where the driver sends several statements
     * at once, else one by one.
     */
    void execute(Statement statement, String... sql) throws SQLException {
        if (multiStatement) {
            statement.execute(String.join("; ", sql));
        } else {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** The isolation level under which several reads see one snapshot. */
    int snapshotIsolation() {
        return snapshotIsolation;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
