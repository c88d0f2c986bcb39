package io.gatehouse.server.store;

import io.gatehouse.server.error.AwsError;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Writer}: one thread takes commands from a bounded queue and runs as many as are waiting, up to the
 * batch limits, in one transaction, each inside a savepoint. It never waits for more commands to arrive: while one
 * transaction commits, the next batch queues up, so the batch size follows the load by itself.
 *
 * <p>The thread survives everything: a command's failure fails that command; a failure of the transaction or the
 * connection fails the batch, drops the connection and opens a new one for the next batch.
 */
final class GroupCommitWriter implements Writer {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final long IDLE_POLL_MILLIS = 100;

    private final Dialect dialect;
    private final DataSource source;
    private final Clock clock;
    private final int maxBatchCommands;
    private final long maxBatchWorkNanos;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong failedCommands = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private volatile boolean closing;
    /** Owned by the writer thread once started; {@code null} after a failure until the next batch reconnects. */
    private WriterConnection connection;

    GroupCommitWriter(Dialect dialect, DataSource source, WriterConnection connection, StoreOptions options,
                      Clock clock) {
        this.dialect = dialect;
        this.source = source;
        this.connection = connection;
        this.clock = clock;
        this.maxBatchCommands = Math.min(options.maxBatchCommands(), dialect.maxCommandsPerBatch());
        this.maxBatchWorkNanos = options.maxBatchWork().toNanos();
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.thread = Thread.ofPlatform().name("gatehouse-store-writer").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    @Override
    public <T> CompletableFuture<T> submit(WriteCommand<T> command) {
        Pending<T> pending = new Pending<>(Objects.requireNonNull(command, "command"));
        if (closing) {
            pending.abort(AwsError.SERVICE_UNAVAILABLE.exception());
        } else if (!queue.offer(pending)) {
            pending.abort(AwsError.THROTTLING.exception());
        } else if (closing && queue.remove(pending)) {
            // close() may have drained the queue already; nothing would ever take this command.
            pending.abort(AwsError.SERVICE_UNAVAILABLE.exception());
        }
        return pending.future();
    }

    @Override
    public WriterStats stats() {
        return new WriterStats(batches.get(), commands.get(), failedCommands.get(), failedBatches.get());
    }

    /** Runs what is queued, refuses more, stops the thread and closes the connection. */
    void close() {
        closing = true;
        boolean stopped = false;
        while (!stopped) {
            try {
                thread.join();
                stopped = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = !thread.isAlive();
            }
        }
        for (Pending<?> left = queue.poll(); left != null; left = queue.poll()) {
            left.abort(AwsError.SERVICE_UNAVAILABLE.exception());
        }
    }

    private void run() {
        while (true) {
            Pending<?> first;
            try {
                first = closing ? queue.poll() : queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // Only close() ends the writer, and it does not interrupt.
            }
            if (first != null) {
                runBatch(first);
            } else if (closing) {
                break;
            }
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Runs one transaction starting with {@code first}; never throws, every future is decided. */
    private void runBatch(Pending<?> first) {
        List<Pending<?>> batch = new ArrayList<>();
        batch.add(first);
        WriterConnection db;
        try {
            db = begin();
        } catch (SQLException | RuntimeException e) {
            // The database is unreachable: fail what waits now rather than let each command retry on its own.
            queue.drainTo(batch);
            failBatch(batch, e);
            return;
        }
        try {
            long deadline = System.nanoTime() + maxBatchWorkNanos;
            boolean keep = execute(db, first);
            while (batch.size() < maxBatchCommands && System.nanoTime() - deadline < 0) {
                Pending<?> next = queue.poll();
                if (next == null) {
                    break;
                }
                batch.add(next);
                if (keep) {
                    db.advanceSavepoint();
                }
                keep = execute(db, next);
            }
            db.commit();
        } catch (SQLException | RuntimeException | Error e) {
            failBatch(batch, e);
            return;
        }
        batches.incrementAndGet();
        for (Pending<?> pending : batch) {
            if (pending.succeeded()) {
                commands.incrementAndGet();
                pending.runAfterCommit();
            }
        }
        for (Pending<?> pending : batch) {
            pending.complete();
        }
    }

    /** Begins a transaction, on a new connection if there is none or the current one fails to begin. */
    private WriterConnection begin() throws SQLException {
        if (connection != null) {
            try {
                connection.begin();
                return connection;
            } catch (SQLException e) {
                // No command has run yet, so retrying on a fresh connection is safe.
                LOG.warn("store writer: connection lost ({}), reconnecting", StoreException.describe(e));
                dropConnection();
            }
        }
        connection = WriterConnection.open(dialect, source);
        connection.begin();
        return connection;
    }

    /**
     * Runs one command from the savepoint, which marks where it starts. A command's own failure is rolled back to
     * the savepoint and kept; a failure to roll back is the transaction's and propagates.
     *
     * @return whether the command's work stays, so that the savepoint must move past it before the next command
     */
    private boolean execute(WriterConnection db, Pending<?> pending) throws SQLException {
        JdbcTransaction tx = new JdbcTransaction(db, clock.millis());
        try {
            pending.execute(tx);
            tx.close();
            if (tx.failure() != null) {
                throw tx.failure();
            }
            return true;
        } catch (RuntimeException | Error e) {
            tx.close();
            db.rollbackToSavepoint();
            failedCommands.incrementAndGet();
            pending.failed(publicFailure(e, tx));
            return false;
        }
    }

    /** What the submitter sees: a database error as ServiceFailure (logged here), anything else as thrown. */
    private static Throwable publicFailure(Throwable thrown, JdbcTransaction tx) {
        StoreException databaseError = tx.failure() != null ? tx.failure()
                : thrown instanceof StoreException e ? e : null;
        if (databaseError == null) {
            return thrown;
        }
        LOG.error("store writer: command rolled back, {}", databaseError.getMessage());
        return AwsError.SERVICE_FAILURE.exception();
    }

    private void failBatch(List<Pending<?>> batch, Throwable cause) {
        String reason = cause instanceof SQLException e ? StoreException.describe(e) : cause.toString();
        LOG.error("store writer: transaction of {} command(s) failed, reconnecting: {}", batch.size(), reason);
        failedBatches.incrementAndGet();
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The connection is dropped below; closing it rolls back whatever is left.
            }
            dropConnection();
        }
        for (Pending<?> pending : batch) {
            pending.abort(AwsError.SERVICE_FAILURE.exception());
        }
    }

    private void dropConnection() {
        connection.close();
        connection = null;
    }
}
