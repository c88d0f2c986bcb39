package io.gatehouse.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GroupCommitTest extends StoreTestBase {

    private static final String ACCOUNT = "123456789012";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A long batch window, so that everything queued behind a gate joins the gate's transaction. */
    @Override
    StoreOptions options(Backend.TestDatabase db) {
        return db.options().withMaxBatchWork(Duration.ofMinutes(1));
    }

    @Test
    void concurrentSubmittersAllCommit() {
        int threads = 16;
        int perThread = 100;
        List<CompletableFuture<Long>> futures = new CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String key = "u" + thread + "-" + i;
                        futures.add(submit(tx -> {
                            tx.audit(event("ev-" + key));
                            return tx.put(ACCOUNT, "user", key, "{}");
                        }));
                    }
                });
            }
        }
        assertThat(futures).hasSize(threads * perThread).allSatisfy(f -> assertThat(f.join()).isEqualTo(1));

        List<EntityRow> entities = new ArrayList<>();
        store.load(a -> { }, entities::add);
        assertThat(entities).hasSize(threads * perThread);
        assertThat(store.changesSince(0, 10_000)).hasSize(threads * perThread);
        assertThat(store.audit(AuditQuery.between(T0, T0.plusSeconds(1)).limit(10_000))).hasSize(threads * perThread);
        WriterStats stats = store.writer().stats();
        assertThat(stats.commands()).isEqualTo(threads * perThread);
        assertThat(stats.batches()).isBetween(1L, (long) threads * perThread);
        assertThat(stats.failedCommands()).isZero();
    }

    @Test
    void aFailingCommandRollsBackAloneAndTheRestOfItsBatchCommits() {
        Gate gate = new Gate();
        long batchesBefore = store.writer().stats().batches();
        CompletableFuture<Long> a = submit(gate.around(tx -> tx.put(ACCOUNT, "user", "a", "{}")));
        gate.awaitEntered();
        CompletableFuture<Long> b = submit(tx -> {
            tx.audit(event("ev-b"));
            return tx.put(ACCOUNT, "user", "b", "{}");
        });
        CompletableFuture<Long> c = submit(tx -> {
            tx.put(ACCOUNT, "user", "c", "{}");
            tx.delete(ACCOUNT, "user", "a");
            tx.putAccount(ACCOUNT, "{}");
            tx.audit(event("ev-c"));
            throw AwsError.NO_SUCH_ENTITY.exception("The user with name c cannot be found.");
        });
        CompletableFuture<Long> d = submit(tx -> {
            tx.audit(event("ev-d"));
            return tx.put(ACCOUNT, "user", "d", "{}");
        });
        gate.release();

        assertThat(a.join()).isEqualTo(1);
        assertThat(b.join()).isEqualTo(1);
        assertThat(d.join()).isEqualTo(1);
        assertThat(failure(c::join)).isInstanceOf(AwsException.class)
                .satisfies(e -> assertThat(((AwsException) e).error()).isEqualTo(AwsError.NO_SUCH_ENTITY));
        assertThat(store.writer().stats().batches() - batchesBefore).as("one transaction").isEqualTo(1);

        assertThat(store.entity(ACCOUNT, "user", "a")).isPresent();
        assertThat(store.entity(ACCOUNT, "user", "c")).isEmpty();
        assertThat(store.account(ACCOUNT)).isEmpty();
        assertThat(store.changesSince(0, 100)).extracting(Change::key, Change::op).containsExactly(
                tuple("a", Change.Op.PUT), tuple("b", Change.Op.PUT), tuple("d", Change.Op.PUT));
        assertThat(store.audit(AuditQuery.between(T0, T0.plusSeconds(1)))).extracting(r -> r.event().eventId())
                .containsExactly("ev-d", "ev-b");
        assertThat(store.writer().stats().failedCommands()).isEqualTo(1);
    }

    @Test
    void failuresFirstAndInARowLeaveExactlyTheOtherCommandsWork() {
        Gate gate = new Gate();
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        futures.add(submit(gate.around(tx -> {
            tx.put(ACCOUNT, "user", "f0", "{}");
            throw AwsError.LIMIT_EXCEEDED.exception("no");
        })));
        gate.awaitEntered();
        String pattern = "ok fail fail ok ok fail ok";
        String[] outcomes = pattern.split(" ");
        for (int i = 0; i < outcomes.length; i++) {
            String key = (outcomes[i].equals("ok") ? "k" : "f") + (i + 1);
            boolean fails = outcomes[i].equals("fail");
            futures.add(submit(tx -> {
                tx.audit(event("ev-" + key));
                long version = tx.put(ACCOUNT, "user", key, "{}");
                if (fails) {
                    throw AwsError.LIMIT_EXCEEDED.exception("no");
                }
                return version;
            }));
        }
        gate.release();
        futures.forEach(f -> f.handle((r, e) -> r).join());

        assertThat(futures).extracting(CompletableFuture::isCompletedExceptionally)
                .containsExactly(true, false, true, true, false, false, true, false);
        assertThat(store.changesSince(0, 100)).extracting(Change::key).containsExactly("k1", "k4", "k5", "k7");
        assertThat(store.audit(AuditQuery.between(T0, T0.plusSeconds(1)))).extracting(r -> r.event().eventId())
                .containsExactly("ev-k7", "ev-k5", "ev-k4", "ev-k1");
    }

    @Test
    void afterCommitActionsRunInSubmissionOrderOnceCommittedAndBeforeAnyFutureCompletes() {
        int commands = 20;
        List<String> ran = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        Gate gate = new Gate();
        List<CompletableFuture<String>> futures = new ArrayList<>();
        futures.add(submit(gate.around(command("k0", ran, problems))));
        gate.awaitEntered();
        for (int i = 1; i < commands; i++) {
            String key = "k" + i;
            futures.add(submit(i == 7 ? failingCommand(key, ran) : command(key, ran, problems)));
        }
        List<Integer> ranWhenCompleted = new CopyOnWriteArrayList<>();
        // Wait for the observing stages themselves: a future's other dependents may finish before these have run.
        List<CompletableFuture<?>> observed = new ArrayList<>();
        futures.forEach(f -> observed.add(f.whenComplete((r, e) -> ranWhenCompleted.add(ran.size()))));
        gate.release();
        observed.forEach(f -> f.handle((r, e) -> r).join());

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            if (i != 7) {
                expected.add("k" + i);
            }
        }
        assertThat(ran).containsExactlyElementsOf(expected);
        assertThat(problems).isEmpty();
        assertThat(ranWhenCompleted).hasSize(commands).containsOnly(commands - 1);
    }

    /** Puts its key; its action checks from another connection that the row is committed, then notes the key. */
    private WriteCommand<String> command(String key, List<String> ran, List<String> problems) {
        return tx -> {
            tx.put(ACCOUNT, "user", key, "{}");
            tx.afterCommit(() -> {
                if (store.entity(ACCOUNT, "user", key).isEmpty()) {
                    problems.add(key + " not visible to other connections when its action ran");
                }
                ran.add(key);
            });
            return key;
        };
    }

    private static WriteCommand<String> failingCommand(String key, List<String> ran) {
        return tx -> {
            tx.put(ACCOUNT, "user", key, "{}");
            tx.afterCommit(() -> ran.add(key));
            throw new IllegalStateException("bug in " + key);
        };
    }

    @Test
    void aDatabaseErrorFailsOnlyItsCommandAsServiceFailureEvenWhenTheCommandSwallowsIt() {
        Gate gate = new Gate();
        CompletableFuture<Object> first = submit(gate.around(tx -> {
            tx.audit(event("ev-dup"));
            return null;
        }));
        gate.awaitEntered();
        CompletableFuture<Object> duplicate = submit(tx -> {
            tx.put(ACCOUNT, "user", "dup", "{}");
            tx.audit(event("ev-dup"));
            return null;
        });
        CompletableFuture<Object> swallowing = submit(tx -> {
            tx.put(ACCOUNT, "user", "swallow", "{}");
            try {
                tx.audit(event("ev-dup"));
            } catch (StoreException ignored) {
                // A command that ignores a database error must fail all the same.
            }
            return null;
        });
        CompletableFuture<Long> after = submit(tx -> tx.put(ACCOUNT, "user", "after", "{}"));
        gate.release();

        first.join();
        assertThat(after.join()).isEqualTo(1);
        for (CompletableFuture<Object> failed : List.of(duplicate, swallowing)) {
            assertThat(failure(failed::join)).isInstanceOf(AwsException.class)
                    .satisfies(e -> assertThat(((AwsException) e).error()).isEqualTo(AwsError.SERVICE_FAILURE))
                    .hasMessage(AwsError.SERVICE_FAILURE.defaultMessage());
        }
        assertThat(store.entity(ACCOUNT, "user", "dup")).isEmpty();
        assertThat(store.entity(ACCOUNT, "user", "swallow")).isEmpty();
        assertThat(store.changesSince(0, 100)).extracting(Change::key).containsExactly("after");
    }

    @Test
    void theWriterSurvivesCommandsThatThrowErrors() {
        CompletableFuture<Object> overflow = submit(tx -> {
            tx.put(ACCOUNT, "user", "x", "{}");
            throw new StackOverflowError("deep");
        });
        assertThat(failure(overflow::join)).isInstanceOf(StackOverflowError.class);
        assertThat(put(ACCOUNT, "user", "y", "{}")).isEqualTo(1);
        assertThat(store.entity(ACCOUNT, "user", "x")).isEmpty();
    }

    @Test
    void anAfterCommitActionThatThrowsFailsItsCommandButNotTheCommit() {
        CompletableFuture<Long> future = submit(tx -> {
            tx.afterCommit(() -> {
                throw new IllegalStateException("bug");
            });
            return tx.put(ACCOUNT, "user", "x", "{}");
        });
        assertThat(failure(future::join)).isInstanceOf(IllegalStateException.class);
        assertThat(store.entity(ACCOUNT, "user", "x")).isPresent();
    }

    @Test
    void aTransactionCannotBeUsedAfterItsCommandOrFromAnotherThread() throws Exception {
        AtomicReference<Transaction> leaked = new AtomicReference<>();
        run(leaked::set);
        assertThatIllegalStateException().isThrownBy(() -> leaked.get().put(ACCOUNT, "user", "x", "{}"));

        AtomicReference<Throwable> fromOtherThread = new AtomicReference<>();
        run(tx -> {
            Thread other = Thread.ofVirtual().start(() -> {
                try {
                    tx.entity(ACCOUNT, "user", "x");
                } catch (IllegalStateException e) {
                    fromOtherThread.set(e);
                }
            });
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(fromOtherThread.get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingFinishesQueuedCommandsAndRefusesNewOnes() {
        List<CompletableFuture<Long>> queued = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "k" + i;
            queued.add(submit(tx -> tx.put(ACCOUNT, "user", key, "{}")));
        }
        store.close();
        assertThat(queued).allSatisfy(f -> assertThat(f.join()).isEqualTo(1));
        assertThat(awsError(submit(tx -> tx.put(ACCOUNT, "user", "late", "{}")))).isEqualTo(AwsError.SERVICE_UNAVAILABLE);
        store = Store.open(database.options());
        assertThat(store.changesSince(0, 1_000)).hasSize(200);
    }

    @Test
    void aFullQueueThrottles() {
        store.close();
        store = Store.open(new StoreOptions(database.url(), 2, 256, Duration.ofMinutes(1), 1));
        Gate gate = new Gate();
        CompletableFuture<Long> held = submit(gate.around(tx -> tx.put(ACCOUNT, "user", "a", "{}")));
        gate.awaitEntered();
        CompletableFuture<Long> waiting = submit(tx -> tx.put(ACCOUNT, "user", "b", "{}"));
        CompletableFuture<Long> refused = submit(tx -> tx.put(ACCOUNT, "user", "c", "{}"));
        assertThat(awsError(refused)).isEqualTo(AwsError.THROTTLING);
        gate.release();
        assertThat(held.join()).isEqualTo(1);
        assertThat(waiting.join()).isEqualTo(1);
    }

    @Test
    void aBrokenConnectionFailsItsBatchAndTheWriterReconnects() throws SQLException {
        Assumptions.assumeTrue(backend == Backend.POSTGRESQL, "connections to SQLite do not break");
        // The writer's backend is the one holding this schema's change_log lock while a command is held.
        Gate gate = new Gate();
        CompletableFuture<Long> broken = submit(gate.around(tx -> tx.put(ACCOUNT, "user", "a", "{}")));
        gate.awaitEntered();
        CompletableFuture<Long> next = submit(tx -> tx.put(ACCOUNT, "user", "b", "{}"));
        terminate(writerBackend());
        gate.release();

        assertThat(awsError(broken)).isEqualTo(AwsError.SERVICE_FAILURE);
        assertThat(next.join()).as("next batch runs on a new connection").isEqualTo(1);
        assertThat(store.writer().stats().failedBatches()).isEqualTo(1);

        // A connection that died while idle is replaced before a batch begins, failing nothing.
        Gate idle = new Gate();
        CompletableFuture<Long> c = submit(idle.around(tx -> tx.put(ACCOUNT, "user", "c", "{}")));
        idle.awaitEntered();
        int pid = writerBackend();
        idle.release();
        assertThat(c.join()).isEqualTo(1);
        terminate(pid);
        assertThat(put(ACCOUNT, "user", "d", "{}")).isEqualTo(1);
        assertThat(store.writer().stats().failedBatches()).isEqualTo(1);
        assertThat(store.entity(ACCOUNT, "user", "a")).isEmpty();
    }

    private int writerBackend() throws SQLException {
        try (Connection admin = DriverManager.getConnection(database.url());
             Statement sql = admin.createStatement();
             ResultSet rows = sql.executeQuery("SELECT pid FROM pg_locks WHERE relation = 'change_log'::regclass"
                     + " AND mode = 'ExclusiveLock' AND granted")) {
            assertThat(rows.next()).as("writer holds the change_log lock").isTrue();
            return rows.getInt(1);
        }
    }

    private void terminate(int pid) throws SQLException {
        try (Connection admin = DriverManager.getConnection(database.url());
             Statement sql = admin.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(" + pid + ")");
        }
    }

    private static AuditEvent event(String id) {
        return new AuditEvent(id, ACCOUNT, T0, "CreateUser", "{\"eventID\":\"" + id + "\"}");
    }

    private static Throwable failure(ThrowableAssert.ThrowingCallable join) {
        try {
            join.call();
        } catch (CompletionException e) {
            return e.getCause();
        } catch (Throwable e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("expected the future to fail");
    }

    private static AwsError awsError(CompletableFuture<?> future) {
        Throwable cause = failure(future::join);
        assertThat(cause).isInstanceOf(AwsException.class);
        return ((AwsException) cause).error();
    }
}
