package io.gatehouse.server.store;

/**
 * Counters of the writer since the store was opened, for metrics.
 *
 * @param batches transactions committed
 * @param commands commands committed
 * @param failedCommands commands rolled back because they threw
 * @param failedBatches transactions that failed as a whole (every command in them failed)
 */
public record WriterStats(long batches, long commands, long failedCommands, long failedBatches) {
}
