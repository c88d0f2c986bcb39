package io.gatehouse.server.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The durable record: accounts, entities, the change log, audit events and the store's own settings, in SQLite or
 * PostgreSQL. Changes go through the {@link #writer()}; the read methods here use a small pool of connections of
 * their own and see committed data only.
 *
 * <p>Read methods throw {@link StoreException} when the database fails.
 */
public interface Store extends AutoCloseable {

    /**
     * Opens the database named by the options, brings its schema up to date (Flyway migrations) and starts the
     * writer.
     *
     * @throws StoreException if the database cannot be opened or migrated
     * @throws IllegalArgumentException if the URL names neither SQLite nor PostgreSQL
     */
    static Store open(StoreOptions options) {
        return JdbcStore.open(options);
    }

    /** The only way to change the store. */
    Writer writer();

    /**
     * Streams every account, then every entity (in no particular order), from one consistent snapshot.
     *
     * @return the change sequence number the snapshot reflects: follow the log with {@link #changesSince} from it
     */
    long load(Consumer<AccountRow> accounts, Consumer<EntityRow> entities);

    /** The entity as committed. */
    Optional<EntityRow> entity(String accountId, String kind, String key);

    /** The account as committed. */
    Optional<AccountRow> account(String accountId);

    /** Up to {@code limit} changes with a sequence number greater than {@code afterSeq}, in sequence order. */
    List<Change> changesSince(long afterSeq, int limit);

    /** The greatest change sequence number committed, 0 before the first change. */
    long latestSeq();

    /** The audit events the query selects, newest first. */
    List<AuditRow> audit(AuditQuery query);

    /** A named value of the store's own settings. */
    Optional<String> meta(String name);

    /** Finishes the commands already queued, refuses new ones, and closes every connection. */
    @Override
    void close();
}
