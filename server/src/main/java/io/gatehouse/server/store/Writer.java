package io.gatehouse.server.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The single writer of a store. Commands run one after another on one thread, up to
 * {@link StoreOptions#maxBatchCommands()} of them or {@link StoreOptions#maxBatchWork()} of work in one database
 * transaction (group commit), each inside its own savepoint.
 *
 * <p>A submitted command's future:
 * <ul>
 *   <li>completes with the command's result once the transaction is durably committed (SQLite: WAL synced;
 *       PostgreSQL: commit acknowledged under the server's {@code synchronous_commit}) and after the after-commit
 *       actions of every command of the batch ran, in submission order, on the writer thread;</li>
 *   <li>fails with what the command threw, after its writes were rolled back; a database error met by the command
 *       becomes {@link io.gatehouse.server.error.AwsError#SERVICE_FAILURE};</li>
 *   <li>fails with {@code SERVICE_FAILURE} when the whole transaction fails (the commit, or the connection), together
 *       with every other future of the batch;</li>
 *   <li>fails with {@link io.gatehouse.server.error.AwsError#THROTTLING} at once when the queue is full, and with
 *       {@link io.gatehouse.server.error.AwsError#SERVICE_UNAVAILABLE} once the store is closing.</li>
 * </ul>
 *
 * <p>Futures are completed on the writer thread: wait with {@code join()} or attach dependent actions with the
 * {@code …Async} methods, never block in a non-async dependent action.
 */
public interface Writer {

    /**
     * Queues a command.
     *
     * @return a future completed as the class comment says
     */
    <T> CompletableFuture<T> submit(WriteCommand<T> command);

    /**
     * Queues a command and waits until it is durable (or failed).
     *
     * @return the command's result
     * @throws RuntimeException what the command threw, or the failure of its transaction, as the class comment says
     */
    default <T> T run(WriteCommand<T> command) {
        try {
            return submit(command).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The writer's counters so far. */
    WriterStats stats();
}
