package io.gatehouse.server.state;

import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.store.Writer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The only way the state changes. A change runs as a store command on the writer thread: it derives the next state
 * from the working state (which includes the effects of the commands before it in the batch) and writes the same
 * change to the database; the new state is published to readers after the commit is durable. If the command
 * fails, neither memory nor the database changes; if the whole batch fails to commit, the working state falls back
 * to the published one.
 */
public final class StateWriter {

    private final Writer writer;
    private final EntityCodec codec;
    private final AtomicReference<GatehouseState> published;
    /** The state commands build on; touched only on the writer thread. */
    private GatehouseState working;

    public StateWriter(Writer writer, EntityCodec codec, GatehouseState initial) {
        this.writer = writer;
        this.codec = codec;
        this.published = new AtomicReference<>(initial);
        this.working = initial;
    }

    /** The latest committed state. */
    public GatehouseState current() {
        return published.get();
    }

    /** Queues a change; the future completes with its result once it is durable and published. */
    public <T> CompletableFuture<T> submit(Function<Mutation, T> change) {
        return writer.submit(tx -> {
            Mutation mutation = new Mutation(working, tx, codec);
            T result = change.apply(mutation);
            GatehouseState next = mutation.result();
            working = next;
            tx.afterCommit(() -> published.set(next));
            tx.afterAbort(() -> working = published.get());
            return result;
        });
    }

    /**
     * Makes a change and waits until it is durable; an {@link AwsException} the change threw is rethrown as is.
     */
    public <T> T apply(Function<Mutation, T> change) {
        try {
            return submit(change).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AwsException aws) {
                throw aws;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
