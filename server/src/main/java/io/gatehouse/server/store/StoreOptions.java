package io.gatehouse.server.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open a store.
 *
 * @param jdbcUrl {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}; the dialect follows from it. The schema is
 *     the connection's default one (PostgreSQL: {@code currentSchema} in the URL chooses another)
 * @param readPoolSize connections for reads, beside the writer's own
 * @param maxBatchCommands the most commands in one transaction
 * @param maxBatchWork the writer stops taking more commands into a transaction once it has worked on it this long
 * @param queueCapacity the most commands waiting; more are refused with {@code Throttling}
 */
public record StoreOptions(String jdbcUrl, int readPoolSize, int maxBatchCommands, Duration maxBatchWork,
                           int queueCapacity) {

    /** The file name of the SQLite database in the data directory. */
    public static final String SQLITE_FILE = "gatehouse.db";

    public StoreOptions {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(maxBatchWork, "maxBatchWork");
        if (readPoolSize < 1 || maxBatchCommands < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("pool size, batch size and queue capacity must be at least 1");
        }
        if (maxBatchWork.isNegative()) {
            throw new IllegalArgumentException("maxBatchWork must not be negative");
        }
    }

    /**
     * Defaults for the given database: 4 readers, batches of up to 256 commands or 10 ms of work, 10,000 queued.
     *
     * <p>A batch only grows when commands queue faster than they commit, and then a bigger batch means fewer
     * synced commits per command, so more throughput and less waiting for everyone. The count limit (256, or 64 on
     * PostgreSQL) is what normally ends a batch, at a few milliseconds of work; the time limit guards against slow
     * commands holding the database's write lock.
     */
    public static StoreOptions of(String jdbcUrl) {
        return new StoreOptions(jdbcUrl, 4, 256, Duration.ofMillis(10), 10_000);
    }

    /** Defaults for the SQLite database {@value #SQLITE_FILE} in the given (existing) data directory. */
    public static StoreOptions inDataDirectory(Path dataDirectory) {
        return of("jdbc:sqlite:" + dataDirectory.resolve(SQLITE_FILE).toAbsolutePath());
    }

    /**
     * The database for a log line: its kind and where it is, e.g. {@code SQLite /srv/gatehouse/gatehouse.db} or
     * {@code PostgreSQL //db.internal:5432/gatehouse}. URL parameters and user information are left out, since
     * they may hold a password.
     */
    public String description() {
        String kind;
        String rest;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            kind = "SQLite";
            rest = jdbcUrl.substring("jdbc:sqlite:".length());
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            kind = "PostgreSQL";
            rest = jdbcUrl.substring("jdbc:postgresql:".length());
        } else {
            return "an unsupported database";
        }
        int parameters = rest.indexOf('?');
        if (parameters >= 0) {
            rest = rest.substring(0, parameters);
        }
        int at = rest.lastIndexOf('@');
        if (rest.startsWith("//") && at >= 0) {
            rest = "//" + rest.substring(at + 1);
        }
        return kind + " " + rest;
    }

    /** These options with another batch time limit. */
    public StoreOptions withMaxBatchWork(Duration work) {
        return new StoreOptions(jdbcUrl, readPoolSize, maxBatchCommands, work, queueCapacity);
    }
}
