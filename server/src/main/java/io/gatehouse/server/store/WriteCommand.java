package io.gatehouse.server.store;

/**
 * A unit of change, run by the {@link Writer} on its thread inside a database transaction shared with other
 * commands. Everything the command does through the {@link Transaction} commits together or not at all: if it
 * throws, its own writes (entities, change-log entries, audit events) are rolled back and the other commands of the
 * batch are unaffected.
 *
 * <p>A command must be quick and must not block on anything but the transaction (every command behind it waits),
 * and must not keep the transaction after it returns.
 *
 * @param <T> what the command returns to its submitter
 */
@FunctionalInterface
public interface WriteCommand<T> {

    /**
     * Makes the change.
     *
     * @param tx the transaction, valid until this method returns, on this thread only
     * @return the result the submitter's future completes with once the change is durable
     */
    T execute(Transaction tx);
}
