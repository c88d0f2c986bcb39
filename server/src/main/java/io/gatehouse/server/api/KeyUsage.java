package io.gatehouse.server.api;

import io.gatehouse.server.auth.Authentication;
import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.StateWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Records when, for which service and in which region each access key was last used, as GetAccessKeyLastUsed
 * reports it. The record is written through the state writer without the request waiting for it, and at most once
 * per {@link #GRANULARITY} per key: a key used all the time costs one write a minute, and its reported last use is
 * at most that much older than its true last use (the first use of a key is recorded at once). A record that cannot
 * be written (the writer's queue is full) is dropped; the next use tries again.
 *
 * <p>A use is a request whose signature verified, whatever its outcome, like AWS counts it. Keys the server did not
 * issue ({@code --dev} mode's unchecked keys) have nothing to record.
 */
public final class KeyUsage {

    /** How stale a recorded last use may be before a use of the key records it again. */
    public static final Duration GRANULARITY = Duration.ofMinutes(1);

    private final StateWriter state;
    private final UsageWrites writes;

    public KeyUsage(StateWriter state) {
        this.state = state;
        this.writes = new UsageWrites(state, "access key");
    }

    /** Notes a use of the key that signed the request, if its recorded last use is older than the granularity. */
    public void record(Authentication<?> authentication, Instant when) {
        String keyId = authentication.accessKeyId();
        GatehouseState current = state.current();
        AccessKey key = current.accessKey(keyId);
        if (key == null || !stale(key, when)) {
            return;
        }
        String accountId = current.accountOfKey(keyId);
        AccessKey.LastUsed use = new AccessKey.LastUsed(when, authentication.service(), authentication.region());
        writes.submit(keyId, mutation -> {
            AccountState account = mutation.account(accountId);
            AccessKey stored = account == null ? null : account.accessKeys().get(keyId);
            // The key may have been deleted, or its use recorded, since the request looked.
            if (stored != null && stale(stored, when)) {
                mutation.putAccessKey(accountId, stored.withLastUsed(use));
            }
        });
    }

    private static boolean stale(AccessKey key, Instant when) {
        return key.lastUsed() == null || !key.lastUsed().date().plus(GRANULARITY).isAfter(when);
    }
}
