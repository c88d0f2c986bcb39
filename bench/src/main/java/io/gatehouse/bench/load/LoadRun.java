package io.gatehouse.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs one workload against one server as a closed loop: {@code connections} workers, each on its own persistent
 * connection, send a call, wait for its response and send the next. Calls run from the start through the warm-up
 * and then for the measured duration; only calls started inside the measured window count, each with the time from
 * writing its request to reading the whole response.
 *
 * <p>Closed loop means latencies are those of a server kept exactly busy by {@code connections} callers: a slow
 * call delays the calls behind it rather than queueing them (no coordinated-omission correction).
 */
final class LoadRun {

    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final InetSocketAddress address;
    private final Workload workload;
    private final int connections;
    private final ProcessCpu serverCpu;

    LoadRun(InetSocketAddress address, Workload workload, int connections, ProcessCpu serverCpu) {
        this.address = address;
        this.workload = workload;
        this.connections = connections;
        this.serverCpu = serverCpu;
    }

    /** Warms up, measures, and waits for every worker to finish its last iteration. */
    Measurement run(Duration warmup, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long from = start + warmup.toNanos();
        long to = from + duration.toNanos();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(i, from, to);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name("load-" + i).start(worker));
        }
        ProcessCpu driverCpu = ProcessCpu.self();
        sleepUntil(from);
        long driverBefore = driverCpu.nanos();
        long serverBefore = serverCpu.nanos();
        sleepUntil(to);
        long driverAfter = driverCpu.nanos();
        long serverAfter = serverCpu.nanos();
        for (Thread thread : threads) {
            thread.join();
        }
        Histogram latency = new Histogram(HIGHEST_NANOS, 3);
        long errors = 0;
        String firstError = null;
        for (Worker worker : workers) {
            latency.add(worker.latency);
            errors += worker.errors;
            if (firstError == null) {
                firstError = worker.firstError.get();
            }
        }
        return new Measurement(latency, errors, firstError, duration,
                driverBefore < 0 || driverAfter < 0 ? -1 : driverAfter - driverBefore,
                serverBefore < 0 || serverAfter < 0 ? -1 : serverAfter - serverBefore);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** One connection's closed loop. */
    private final class Worker implements Runnable {
        private final int id;
        private final long from;
        private final long to;
        final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
        long errors;
        final AtomicReference<String> firstError = new AtomicReference<>();

        Worker(int id, long from, long to) {
            this.id = id;
            this.from = from;
            this.to = to;
        }

        @Override
        public void run() {
            try (HttpConnection connection = new HttpConnection(address)) {
                // An iteration once begun is finished (a created user is deleted) even past the end.
                for (long iteration = 0; System.nanoTime() < to; iteration++) {
                    for (int step = 0; step < workload.steps(); step++) {
                        call(connection, iteration, step);
                    }
                }
            }
        }

        private void call(HttpConnection connection, long iteration, int step) {
            byte[] request = workload.request(id, iteration, step);
            long started = System.nanoTime();
            String problem;
            try {
                HttpConnection.Response response = connection.exchange(request);
                long took = System.nanoTime() - started;
                problem = workload.check(id, iteration, step, response, iteration == 0);
                if (started >= from && started < to) {
                    latency.recordValue(Math.min(took, HIGHEST_NANOS));
                }
            } catch (IOException e) {
                problem = e.toString();
                pause();
            }
            if (problem != null) {
                if (started >= from && started < to) {
                    errors++;
                }
                firstError.compareAndSet(null, problem);
            }
        }

        /** After a failed connection, so that a server that is gone is not called in a tight loop. */
        private static void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What one run measured.
     *
     * @param latency     every measured call's latency, in nanoseconds (failed calls included when answered)
     * @param errors      measured calls that failed or got a wrong answer
     * @param firstError  the first failure seen (warm-up included), or {@code null}
     * @param driverNanos CPU used by the driver during the window, or -1
     * @param serverNanos CPU used by the server during the window, or -1
     */
    record Measurement(Histogram latency, long errors, String firstError, Duration window, long driverNanos,
                       long serverNanos) {

        long calls() {
            return latency.getTotalCount();
        }

        double callsPerSecond() {
            return calls() / (window.toNanos() / 1e9);
        }

        double percentileMillis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }

        double maxMillis() {
            return latency.getMaxValue() / 1e6;
        }

        /** CPU microseconds per measured call, or -1. */
        double cpuMicrosPerCall(long nanos) {
            return nanos < 0 || calls() == 0 ? -1 : nanos / 1e3 / calls();
        }
    }
}
