package io.gatehouse.server.api;

import io.gatehouse.server.store.AuditEvent;
import io.gatehouse.server.store.Transaction;
import io.gatehouse.server.store.WriteCommand;
import io.gatehouse.server.store.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the audit events of calls that changed nothing (reads, refused calls) to the store without making their
 * answers wait for the store, as long as it keeps up. Events wait here, and one writer command at a time records every
 * waiting event, up to a batch, in one savepoint: a server answering thousands of reads a second costs the writer a
 * few commands a second, not one command per read (which the writer's queue could not take, so that events were
 * refused and lost).
 *
 * <p>The first event after a quiet spell lingers a little ({@code linger}) before its command is submitted, so that
 * the events of the calls answered meanwhile share its commit. Without the linger a busy server committed a few
 * events at a time, hundreds of synced commits a second: the syncs cost more CPU than the reads themselves, and on a
 * small machine the writer's bursts delayed answers (a read's p99 went from about 1 ms to 20 ms). An answer never
 * waits for the linger; only the event's arrival in the store does.
 *
 * <p>When {@code capacity} events are waiting, the store records events more slowly than calls make them: a call then
 * waits for room (up to {@code maxWait}) before it is answered, so a read load runs at the pace the store can record
 * its events and none is lost. An event that finds no room within {@code maxWait} (the store is unreachable) is
 * dropped, counted, and reported in the log at most once a minute; so are the events of a command that fails.
 *
 * <p>{@link #close()} submits what still lingers; the store's writer then records it before it closes.
 */
final class AuditQueue implements AutoCloseable {

    /** The most events waiting by default (about 1.5 KB each). */
    static final int CAPACITY = 10_000;
    /** How long a call waits by default for room in a full queue before its event is dropped. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    /** The most events one command records by default. */
    static final int BATCH = 1_000;
    /** How long by default the first waiting event lingers for others to share its commit. */
    static final Duration LINGER = Duration.ofMillis(20);

    private static final Logger LOG = LoggerFactory.getLogger(AuditQueue.class);
    private static final long REPORT_EVERY_NANOS = 60_000_000_000L;

    private final Writer writer;
    private final int batch;
    private final long maxWaitNanos;
    private final long lingerNanos;
    /** Submits lingering commands; {@code null} when events do not linger. */
    private final ScheduledExecutorService lingering;
    private final ConcurrentLinkedQueue<AuditEvent> events = new ConcurrentLinkedQueue<>();
    /** Room for events: one permit per event that may still be queued. */
    private final Semaphore room;
    /** Whether a command that will take the waiting events is submitted and has not started yet. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_EVERY_NANOS);

    AuditQueue(Writer writer) {
        this(writer, CAPACITY, BATCH, MAX_WAIT, LINGER);
    }

    /** A queue whose events do not linger: each command is submitted when the first event it will take arrives. */
    AuditQueue(Writer writer, int capacity, int batch, Duration maxWait) {
        this(writer, capacity, batch, maxWait, Duration.ZERO);
    }

    AuditQueue(Writer writer, int capacity, int batch, Duration maxWait, Duration linger) {
        this.writer = writer;
        this.batch = batch;
        this.maxWaitNanos = maxWait.toNanos();
        this.lingerNanos = linger.toNanos();
        this.room = new Semaphore(capacity);
        if (linger.isZero()) {
            this.lingering = null;
        } else {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                    task -> Thread.ofPlatform().name("gatehouse-audit-linger").daemon(true).unstarted(task));
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            this.lingering = executor;
        }
    }

    /** Queues an event, waiting for room when the queue is full (see the class comment); never throws. */
    void add(AuditEvent event) {
        if (!room.tryAcquire()) {
            schedule(); // a command must be on its way to make room (an earlier submit may have been refused)
            if (!awaitRoom()) {
                drop(1, "the queue of audit events stayed full for " + Duration.ofNanos(maxWaitNanos).toMillis()
                        + " ms");
                return;
            }
        }
        events.add(event);
        schedule();
    }

    private boolean awaitRoom() {
        try {
            return room.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Events dropped so far. */
    long dropped() {
        return dropped.get();
    }

    /** Submits the lingering command now, if there is one, and stops lingering. */
    @Override
    public void close() {
        if (lingering == null) {
            return;
        }
        lingering.shutdown(); // cancels the lingering submission; one that already started finishes
        boolean stopped = false;
        while (!stopped) {
            try {
                stopped = lingering.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
        if (!events.isEmpty()) {
            // Whether or not a command is on its way already, one more takes what waits (or nothing).
            scheduled.set(true);
            submit();
        }
    }

    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        if (lingering == null) {
            submit();
            return;
        }
        try {
            lingering.schedule(this::submit, lingerNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            submit(); // closing: the writer still takes commands until the store closes
        }
    }

    private void submit() {
        Record record = new Record();
        writer.submit(record).whenComplete((written, failure) -> {
            if (failure != null) {
                if (!record.started) {
                    // Refused before it ran (queue full, closing): the events still wait; the next event retries.
                    scheduled.set(false);
                }
                drop(record.taken.size(), failure.toString());
            }
        });
    }

    private void drop(int count, String reason) {
        if (count == 0) {
            return;
        }
        long total = dropped.addAndGet(count);
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= REPORT_EVERY_NANOS && lastReport.compareAndSet(last, now)) {
            LOG.warn("audit events not recorded ({} so far): {}", total, reason);
        }
    }

    /** One command: takes up to a batch of the waiting events and records them. */
    private final class Record implements WriteCommand<Integer> {
        volatile boolean started;
        final List<AuditEvent> taken = new ArrayList<>();

        @Override
        public Integer execute(Transaction tx) {
            started = true;
            // Cleared before taking: an event added from now on schedules another command, one added before is taken.
            scheduled.set(false);
            for (AuditEvent event; taken.size() < batch && (event = events.poll()) != null; ) {
                taken.add(event);
            }
            room.release(taken.size());
            if (!events.isEmpty() && scheduled.compareAndSet(false, true)) {
                submit(); // a backlog: these events have lingered already
            }
            for (AuditEvent event : taken) {
                tx.audit(event);
            }
            return taken.size();
        }
    }
}
