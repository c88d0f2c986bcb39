package io.gatehouse.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: a child process writes concurrently, is killed with SIGKILL in the middle of it, and
 * every write whose future had completed is found after the store is reopened.
 */
class DurabilityTest extends StoreTestBase {

    private static final int THREADS = 8;
    private static final int ACKS_BEFORE_KILL = 3_000;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        store.close();
        store = null;

        Map<String, Long> ackedVersions = new ConcurrentHashMap<>();
        Map<String, Boolean> ackedEvents = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);

        Process child = new ProcessBuilder(javaCommand(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(), database.url(),
                String.valueOf(THREADS))
                .redirectError(directory.resolve("child.err").toFile())
                .start();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("ack ")) {
                        String[] ack = line.split(" ");
                        ackedVersions.merge(ack[1], Long.parseLong(ack[2]), Math::max);
                        ackedEvents.put(ack[3], true);
                        if (acks.incrementAndGet() >= ACKS_BEFORE_KILL) {
                            enough.countDown();
                        }
                    }
                }
            } catch (IOException e) {
                // The child is gone; whatever it acknowledged was read.
            }
        });
        try {
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("child acknowledged %d writes", ACKS_BEFORE_KILL).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(Duration.ofSeconds(30));
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        store = Store.open(database.options());
        for (Map.Entry<String, Long> acked : ackedVersions.entrySet()) {
            EntityRow row = store.entity(DurabilityChild.ACCOUNT, "user", acked.getKey()).orElseThrow(
                    () -> new AssertionError("acknowledged entity lost: " + acked.getKey()));
            assertThat(row.version()).as("version of %s", acked.getKey()).isGreaterThanOrEqualTo(acked.getValue());
        }
        List<AuditRow> events = store.audit(AuditQuery.between(Instant.EPOCH, Instant.now().plusSeconds(60))
                .limit(Integer.MAX_VALUE));
        assertThat(events).extracting(r -> r.event().eventId()).containsAll(ackedEvents.keySet());
        long puts = store.changesSince(0, Integer.MAX_VALUE).size();
        assertThat(puts).as("every write is logged").isEqualTo(events.size()).isGreaterThanOrEqualTo(acks.get());
        System.out.printf("durability (%s): %d acknowledged writes before SIGKILL, %d found committed%n",
                backend, acks.get(), puts);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElseThrow();
    }
}
