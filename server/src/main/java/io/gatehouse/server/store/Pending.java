package io.gatehouse.server.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A submitted command on its way through the writer: its outcome once executed, then its future once the batch
 * is decided. Used by the writer thread only, apart from the future.
 */
final class Pending<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Pending.class);

    private final WriteCommand<T> command;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private T result;
    private List<Runnable> afterCommit = List.of();
    private List<Runnable> afterAbort = List.of();
    private Throwable failure;

    Pending(WriteCommand<T> command) {
        this.command = command;
    }

    CompletableFuture<T> future() {
        return future;
    }

    /** Runs the command; what it throws propagates, its result is kept. */
    void execute(JdbcTransaction tx) {
        result = command.execute(tx);
        afterCommit = tx.afterCommitActions();
        afterAbort = tx.afterAbortActions();
    }

    /** Marks the command failed on its own; its writes were rolled back. */
    void failed(Throwable cause) {
        failure = cause;
        result = null;
        afterCommit = List.of();
        afterAbort = List.of();
    }

    boolean succeeded() {
        return failure == null;
    }

    /** Runs the after-commit actions; one that throws fails the command (the change is committed regardless). */
    void runAfterCommit() {
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                LOG.error("after-commit action failed; its change is committed, in-memory state may lag", e);
                failure = e;
                return;
            }
        }
    }

    /** Completes the future with the result or the failure. */
    void complete() {
        if (failure == null) {
            future.complete(result);
        } else {
            future.completeExceptionally(failure);
        }
    }

    /**
     * Fails the future at once, whatever happened before: the batch's transaction failed. A command that had
     * succeeded learns through its after-abort actions that its changes are lost.
     */
    void abort(Throwable cause) {
        for (Runnable action : afterAbort) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                LOG.error("after-abort action failed", e);
            }
        }
        afterAbort = List.of();
        future.completeExceptionally(cause);
    }
}
