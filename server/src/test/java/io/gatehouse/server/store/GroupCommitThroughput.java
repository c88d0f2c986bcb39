package io.gatehouse.server.store;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Measures, and only prints, how many commits and writes per second group commit reaches with 1 to 256 concurrent
 * submitters and a batch work limit of 2 and 10 ms, each write an entity put (with its change-log row) and an audit
 * event, or an audit event alone (how the server records read-only and failed calls). Not part of the normal build
 * (the name matches no surefire pattern); run it with
 * {@code ./mvnw -B -q -pl server -am verify -Dtest=GroupCommitThroughput -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GroupCommitThroughput extends StoreTestBase {

    private static final String ACCOUNT = "123456789012";
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    private static final Duration RUN = Duration.ofSeconds(3);
    private static final String USER_BODY = "{\"UserName\":\"%s\",\"UserId\":\"AIDA%016d\",\"Path\":\"/\","
            + "\"Arn\":\"arn:aws:iam::123456789012:user/%s\",\"CreateDate\":\"2026-01-01T00:00:00Z\","
            + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"platform\"}],\"PermissionsBoundary\":null,"
            + "\"AttachedPolicies\":[\"arn:aws:iam::aws:policy/ReadOnlyAccess\"],\"Groups\":[\"developers\"]}";
    private static final String EVENT_BODY = "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"Root\","
            + "\"principalId\":\"123456789012\",\"arn\":\"arn:aws:iam::123456789012:root\",\"accountId\":"
            + "\"123456789012\",\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\"},\"eventTime\":\"2026-01-01T00:00:00Z\","
            + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"awsRegion\":\"us-east-1\","
            + "\"sourceIPAddress\":\"127.0.0.1\",\"userAgent\":\"aws-cli/2.27.0 md/Botocore#1.38.0\","
            + "\"requestParameters\":{\"userName\":\"%s\"},\"responseElements\":{\"user\":{\"userName\":\"%s\"}},"
            + "\"requestID\":\"%s\",\"eventID\":\"%s\",\"readOnly\":false,\"eventType\":\"AwsApiCall\","
            + "\"managementEvent\":true,\"recipientAccountId\":\"123456789012\"}";

    @Test
    void measure() throws InterruptedException {
        for (int workMillis : new int[] {2, 10}) {
            store.close();
            store = Store.open(database.options().withMaxBatchWork(Duration.ofMillis(workMillis)));
            for (boolean auditOnly : new boolean[] {false, true}) {
                for (int submitters : new int[] {1, 16, 64, 256}) {
                    measure(workMillis, auditOnly, submitters);
                }
            }
        }
    }

    @Test
    void measureLoad() {
        int entities = 200_000;
        int perCommand = 1_000;
        long writeStart = System.nanoTime();
        for (int first = 0; first < entities; first += perCommand) {
            int from = first;
            store.writer().submit(tx -> {
                for (int i = from; i < from + perCommand; i++) {
                    String name = "user" + i;
                    tx.put(ACCOUNT, "user", name, USER_BODY.formatted(name, (long) i, name));
                }
                return null;
            }).join();
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long[] rows = new long[2];
        long loadStart = System.nanoTime();
        store.load(account -> rows[0]++, entity -> rows[1] += entity.body().length());
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf("load %-10s %d entities written in %.1f s, read back by load() in %.2f s (%.0f entities/s,"
                        + " %.0f MB of bodies) (load %.1f)%n",
                backend, entities, writeSeconds, loadSeconds, entities / loadSeconds, rows[1] / 1e6,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void measure(int workMillis, boolean auditOnly, int submitters) throws InterruptedException {
        round(submitters, auditOnly, WARM_UP);
        WriterStats before = store.writer().stats();
        long start = System.nanoTime();
        long[] latencies = round(submitters, auditOnly, RUN);
        double seconds = (System.nanoTime() - start) / 1e9;
        WriterStats after = store.writer().stats();
        long commits = after.batches() - before.batches();
        long writes = after.commands() - before.commands();
        Arrays.sort(latencies);
        System.out.printf("group commit %-10s %-11s batch work %2d ms, submitters %3d: %6.0f writes/s"
                        + " %5.0f commits/s %5.1f writes/commit, latency p50 %6.2f ms p99 %6.2f ms (load %.1f)%n",
                backend, auditOnly ? "audit only" : "put+audit", workMillis, submitters, writes / seconds, commits / seconds, (double) writes / commits,
                percentile(latencies, 0.50), percentile(latencies, 0.99),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Runs the submitters for the duration; returns every write's latency in nanoseconds. */
    private long[] round(int submitters, boolean auditOnly, Duration duration) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> results = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < submitters; t++) {
            String prefix = "u" + System.nanoTime() + "-" + t + "-";
            threads.add(Thread.ofVirtual().start(() -> results.add(submitUntil(stop, auditOnly, prefix))));
        }
        Thread.sleep(duration);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return results.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private long[] submitUntil(AtomicBoolean stop, boolean auditOnly, String prefix) {
        long[] latencies = new long[1 << 12];
        int count = 0;
        for (long i = 0; !stop.get(); i++) {
            String name = prefix + i;
            String eventId = "e-" + name;
            AuditEvent event = new AuditEvent(eventId, ACCOUNT, Instant.now(), "CreateUser",
                    EVENT_BODY.formatted(name, name, eventId, eventId));
            String user = USER_BODY.formatted(name, 0L, name);
            long begin = System.nanoTime();
            store.writer().submit(tx -> {
                tx.audit(event);
                return auditOnly ? 0L : tx.put(ACCOUNT, "user", name, user);
            }).join();
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - begin;
        }
        return Arrays.copyOf(latencies, count);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }
}
