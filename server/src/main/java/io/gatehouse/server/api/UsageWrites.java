package io.gatehouse.server.api;

import io.gatehouse.server.state.Mutation;
import io.gatehouse.server.state.StateWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes of last-use records ({@link KeyUsage}, {@link RoleUsage}): submitted to the state writer without the
 * request waiting, at most one outstanding per recorded thing, and dropped (logged at debug) when the writer refuses
 * them, so the next use tries again.
 */
final class UsageWrites {

    private static final Logger LOG = LoggerFactory.getLogger(UsageWrites.class);

    private final StateWriter state;
    private final String what;
    /** Ids whose record is on its way to the writer; holds as many ids as writes are outstanding. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    /** @param what what the ids name, for the log ({@code access key}) */
    UsageWrites(StateWriter state, String what) {
        this.state = state;
        this.what = what;
    }

    /** Submits {@code change} unless a record of {@code id} is already on its way. */
    void submit(String id, Consumer<Mutation> change) {
        if (!pending.add(id)) {
            return;
        }
        state.submit(mutation -> {
            change.accept(mutation);
            return null;
        }).whenComplete((done, failure) -> {
            pending.remove(id);
            if (failure != null) {
                LOG.debug("last use of {} {} not recorded: {}", what, id, failure.toString());
            }
        });
    }
}
