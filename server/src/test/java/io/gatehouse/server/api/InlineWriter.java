package io.gatehouse.server.api;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.state.Secrets;
import io.gatehouse.server.store.AccountRow;
import io.gatehouse.server.store.AuditEvent;
import io.gatehouse.server.store.EntityRow;
import io.gatehouse.server.store.Transaction;
import io.gatehouse.server.store.WriteCommand;
import io.gatehouse.server.store.Writer;
import io.gatehouse.server.store.WriterStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A writer for unit tests: runs each command at once and keeps the kinds and keys it put, or refuses every command as a
 * full queue does.
 */
final class InlineWriter implements Writer {
    final List<String> writes = new ArrayList<>();
    boolean full;

    @Override
    public <T> CompletableFuture<T> submit(WriteCommand<T> command) {
        if (full) {
            return CompletableFuture.failedFuture(AwsError.THROTTLING.exception());
        }
        List<Runnable> afterCommit = new ArrayList<>();
        T result = command.execute(new Transaction() {
            @Override
            public long put(String accountId, String kind, String key, String body) {
                writes.add(kind + ":" + key);
                return writes.size();
            }

            @Override
            public boolean delete(String accountId, String kind, String key) {
                return true;
            }

            @Override
            public boolean deleteAccount(String accountId) {
                return true;
            }

            @Override
            public void putAccount(String accountId, String body) {
            }

            @Override
            public void audit(AuditEvent event) {
            }

            @Override
            public void putMeta(String name, String value) {
            }

            @Override
            public void afterCommit(Runnable action) {
                afterCommit.add(action);
            }

            @Override
            public void afterAbort(Runnable action) {
            }

            @Override
            public Optional<EntityRow> entity(String accountId, String kind, String key) {
                return Optional.empty();
            }

            @Override
            public Optional<AccountRow> account(String accountId) {
                return Optional.empty();
            }

            @Override
            public Optional<String> meta(String name) {
                return Optional.empty();
            }
        });
        afterCommit.forEach(Runnable::run);
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public WriterStats stats() {
        return new WriterStats(0, writes.size(), 0, 0);
    }

    /** Secrets kept as they are. */
    static final Secrets PLAIN = new Secrets() {
        @Override
        public String seal(String plaintext, String associatedData) {
            return plaintext;
        }

        @Override
        public String open(String sealed, String associatedData) {
            return sealed;
        }
    };
}
