package io.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.store.AccountRow;
import io.gatehouse.server.store.AuditEvent;
import io.gatehouse.server.store.EntityRow;
import io.gatehouse.server.store.Transaction;
import io.gatehouse.server.store.WriteCommand;
import io.gatehouse.server.store.Writer;
import io.gatehouse.server.store.WriterStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The events of calls that changed nothing reach the store in batches, one writer command for many events, so that
 * a stream of reads cannot overflow the writer's queue; none is lost while the queue has room.
 */
class AuditQueueTest {

    /**
     * Holds submitted commands until the test runs them, as a busy writer would; or refuses them all. Thread-safe
     * where a test needs it: a waiting caller may submit while the test runs a command.
     */
    private static final class HeldWriter implements Writer {
        final Deque<Held<?>> held = new ArrayDeque<>();
        final List<List<String>> recordedPerCommand = new ArrayList<>();
        boolean full;

        private record Held<T>(WriteCommand<T> command, CompletableFuture<T> future) {
        }

        @Override
        public synchronized <T> CompletableFuture<T> submit(WriteCommand<T> command) {
            if (full) {
                return CompletableFuture.failedFuture(AwsError.THROTTLING.exception());
            }
            CompletableFuture<T> future = new CompletableFuture<>();
            held.add(new Held<>(command, future));
            return future;
        }

        /** Runs the oldest held command and completes its future. */
        synchronized void runNext() {
            runNext(held.poll());
        }

        private <T> void runNext(Held<T> next) {
            List<String> recorded = new ArrayList<>();
            T result = next.command().execute(new RecordingTransaction(recorded));
            recordedPerCommand.add(recorded);
            next.future().complete(result);
        }

        /** Runs the oldest held command, then fails it as a failed commit does. */
        void failNext() {
            Held<?> next = held.poll();
            next.command().execute(new RecordingTransaction(new ArrayList<>()));
            next.future().completeExceptionally(AwsError.SERVICE_FAILURE.exception());
        }

        void runAll() {
            while (!held.isEmpty()) {
                runNext();
            }
        }

        List<String> recorded() {
            return recordedPerCommand.stream().flatMap(List::stream).toList();
        }

        @Override
        public WriterStats stats() {
            return new WriterStats(0, 0, 0, 0);
        }
    }

    private record RecordingTransaction(List<String> recorded) implements Transaction {
        @Override
        public void audit(AuditEvent event) {
            recorded.add(event.eventId());
        }

        @Override
        public long put(String accountId, String kind, String key, String body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String accountId, String kind, String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean deleteAccount(String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAccount(String accountId, String body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putMeta(String name, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void afterCommit(Runnable action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void afterAbort(Runnable action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<EntityRow> entity(String accountId, String kind, String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AccountRow> account(String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> meta(String name) {
            throw new UnsupportedOperationException();
        }
    }

    private static AuditEvent event(int i) {
        return new AuditEvent("event-" + i, "111122223333", Instant.parse("2026-01-01T00:00:00Z"), "GetUser", "{}");
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "event-" + i).toList();
    }

    @Test
    void eventsQueuedWhileTheWriterIsBusyAreRecordedByOneCommand() {
        HeldWriter writer = new HeldWriter();
        AuditQueue queue = new AuditQueue(writer, 10_000, 1_000, Duration.ZERO);

        IntStream.range(0, 500).forEach(i -> queue.add(event(i)));
        assertThat(writer.held).hasSize(1);
        writer.runAll();

        assertThat(writer.recordedPerCommand).containsExactly(ids(0, 500));
        assertThat(queue.dropped()).isZero();
    }

    @Test
    void moreEventsThanABatchAreRecordedByFollowingCommandsInOrder() {
        HeldWriter writer = new HeldWriter();
        AuditQueue queue = new AuditQueue(writer, 10_000, 1_000, Duration.ZERO);

        IntStream.range(0, 2_500).forEach(i -> queue.add(event(i)));
        writer.runAll();

        assertThat(writer.recordedPerCommand).extracting(List::size).containsExactly(1_000, 1_000, 500);
        assertThat(writer.recorded()).isEqualTo(ids(0, 2_500));
    }

    @Test
    void anEventAddedAfterACommandTookTheQueueGetsACommandOfItsOwn() {
        HeldWriter writer = new HeldWriter();
        AuditQueue queue = new AuditQueue(writer, 10_000, 1_000, Duration.ZERO);

        queue.add(event(0));
        writer.runNext();
        queue.add(event(1));

        assertThat(writer.held).hasSize(1);
        writer.runAll();
        assertThat(writer.recordedPerCommand).containsExactly(ids(0, 1), ids(1, 2));
    }

    @Test
    void eventsRefusedByAFullWriterWaitAndGoWithTheNextCommand() {
        HeldWriter writer = new HeldWriter();
        AuditQueue queue = new AuditQueue(writer, 10_000, 1_000, Duration.ZERO);

        writer.full = true;
        queue.add(event(0));
        writer.full = false;
        queue.add(event(1));
        writer.runAll();

        assertThat(writer.recorded()).isEqualTo(ids(0, 2));
        assertThat(queue.dropped()).isZero();
    }

    @Test
    void aCallFindingTheQueueFullWaitsForRoomAndItsEventIsRecorded() throws Exception {
        HeldWriter writer = new HeldWriter();
        AuditQueue queue = new AuditQueue(writer, 2, 1_000, Duration.ofMinutes(1));
        queue.add(event(0));
        queue.add(event(1));

        Thread caller = Thread.ofPlatform().start(() -> queue.add(event(2)));
        while (caller.getState() != Thread.State.TIMED_WAITING) {
            assertThat(caller.isAlive()).as("the caller waits for room").isTrue();
            Thread.onSpinWait();
        }
        writer.runNext(); // takes events 0 and 1, which makes room
        caller.join();
        writer.runAll();

        assertThat(writer.recorded()).isEqualTo(ids(0, 3));
        assertThat(queue.dropped()).isZero();
    }

    @Test
    void anEventThatFindsNoRoomWithinTheWaitIsDroppedAndCounted() {
        HeldWriter writer = new HeldWriter();
        AuditQueue queue = new AuditQueue(writer, 100, 1_000, Duration.ZERO);

        IntStream.range(0, 130).forEach(i -> queue.add(event(i)));
        writer.runAll();

        assertThat(writer.recorded()).isEqualTo(ids(0, 100));
        assertThat(queue.dropped()).isEqualTo(30);
    }

    @Test
    void theEventsOfACommandWhoseTransactionFailedAreCountedAsDropped() {
        HeldWriter writer = new HeldWriter();
        AuditQueue queue = new AuditQueue(writer, 10_000, 1_000, Duration.ZERO);

        IntStream.range(0, 3).forEach(i -> queue.add(event(i)));
        writer.failNext();
        queue.add(event(3));
        writer.runAll();

        assertThat(queue.dropped()).isEqualTo(3);
        assertThat(writer.recorded()).isEqualTo(ids(3, 4));
    }

    @Test
    void eventsArrivingWithinTheLingerShareOneCommand() throws Exception {
        HeldWriter writer = new HeldWriter();
        try (AuditQueue queue = new AuditQueue(writer, 10_000, 1_000, Duration.ZERO, Duration.ofMillis(200))) {
            queue.add(event(0));
            queue.add(event(1));
            synchronized (writer) {
                assertThat(writer.held).as("nothing submitted while the first event lingers").isEmpty();
            }
            queue.add(event(2));
            awaitHeld(writer, 1);
            writer.runAll();
        }

        assertThat(writer.recordedPerCommand).containsExactly(ids(0, 3));
    }

    @Test
    void closingSubmitsWhatStillLingers() {
        HeldWriter writer = new HeldWriter();
        AuditQueue queue = new AuditQueue(writer, 10_000, 1_000, Duration.ZERO, Duration.ofMillis(50));
        queue.add(event(0));

        queue.close();
        synchronized (writer) {
            // One command, or two when the linger ran out just before the close: the second then takes nothing.
            assertThat(writer.held).isNotEmpty();
        }
        queue.add(event(1)); // an answer sent while closing: its command is submitted at once
        writer.runAll();

        assertThat(writer.recorded()).isEqualTo(ids(0, 2));
    }

    @Test
    void aBacklogLargerThanABatchIsTakenWithoutLingeringAgain() throws Exception {
        HeldWriter writer = new HeldWriter();
        try (AuditQueue queue = new AuditQueue(writer, 10_000, 1_000, Duration.ZERO, Duration.ofMinutes(10))) {
            IntStream.range(0, 1_500).forEach(i -> queue.add(event(i)));
            queue.close(); // a ten-minute linger ends with the close
            writer.runNext();
            synchronized (writer) {
                assertThat(writer.held).as("the rest is submitted as the first batch is taken").hasSize(1);
            }
            writer.runAll();
        }

        assertThat(writer.recordedPerCommand).extracting(List::size).containsExactly(1_000, 500);
    }

    private static void awaitHeld(HeldWriter writer, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            synchronized (writer) {
                if (writer.held.size() >= count) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("a command submitted within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
