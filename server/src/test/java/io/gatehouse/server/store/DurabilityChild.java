package io.gatehouse.server.store;

import java.io.PrintStream;
import java.time.Instant;

/**
 * The process {@link DurabilityTest} kills: opens the store at {@code args[0]} and, on {@code args[1]} threads,
 * replaces entities over and over, each with an audit event, printing {@code ack KEY VERSION} once a write's future
 * has completed. Runs until killed.
 */
public final class DurabilityChild {

    static final String ACCOUNT = "123456789012";
    static final int KEYS_PER_THREAD = 50;

    private DurabilityChild() {
    }

    public static void main(String[] args) {
        Store store = Store.open(StoreOptions.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        out.println("ready");
        out.flush();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> {
                for (long i = 0; ; i++) {
                    String key = "t" + thread + "-k" + (i % KEYS_PER_THREAD);
                    String eventId = "t" + thread + "-e" + i;
                    String body = "{\"i\":" + i + "}";
                    long version = store.writer().submit(tx -> {
                        tx.audit(new AuditEvent(eventId, ACCOUNT, Instant.now(), "UpdateUser", "{}"));
                        return tx.put(ACCOUNT, "user", key, body);
                    }).join();
                    synchronized (out) {
                        out.println("ack " + key + " " + version + " " + eventId);
                        out.flush();
                    }
                }
            });
        }
    }
}
