package io.gatehouse.server.store;

import java.util.Optional;

/**
 * What a {@link WriteCommand} sees: writes and reads inside the batch's database transaction. Reads see the
 * committed state plus every write made earlier in the batch, including this command's own. Every put or delete of
 * an entity and every put of an account appends one {@link Change} to the change log in the same transaction.
 *
 * <p>Valid only on the writer thread, until the command returns. A database error is thrown as
 * {@link StoreException}; whether or not the command catches it, the command fails and its writes roll back.
 */
public interface Transaction {

    /**
     * Inserts or replaces an entity.
     *
     * @param kind the entity's kind; must not be blank or start with {@code @}
     * @return the entity's new version: 1 for a new entity, one more than before for a replaced one
     */
    long put(String accountId, String kind, String key, String body);

    /**
     * Deletes an entity if it exists; logs a change only if it did.
     *
     * @return whether the entity existed
     */
    boolean delete(String accountId, String kind, String key);

    /**
     * Deletes an account with every entity of it, logging one account change (followers reload the account).
     *
     * @return whether the account existed
     */
    boolean deleteAccount(String accountId);

    /** Inserts an account or replaces its body (its creation time stays). */
    void putAccount(String accountId, String body);

    /** Records an audit event. */
    void audit(AuditEvent event);

    /** Sets a named value of the store's own settings (no change is logged). */
    void putMeta(String name, String value);

    /**
     * Registers an action to run on the writer thread after the transaction is durably committed, before the
     * submitter's future completes; actions of a batch run in submission order. Nothing runs if the command fails or
     * the commit does. An action that throws fails its command's future with that exception, although the change is
     * committed; it must therefore not throw for anything but a bug.
     */
    void afterCommit(Runnable action);

    /**
     * Registers an action to run on the writer thread when this command succeeded but the batch's transaction as a
     * whole then failed, so that the command's changes are lost after all. Callers that keep state derived from
     * their changes use it to fall back. Nothing runs when the command itself fails (its changes were never kept).
     */
    void afterAbort(Runnable action);

    /** The entity as it stands in this transaction. */
    Optional<EntityRow> entity(String accountId, String kind, String key);

    /** The account as it stands in this transaction. */
    Optional<AccountRow> account(String accountId);

    /** A named value of the store's own settings as it stands in this transaction. */
    Optional<String> meta(String name);
}
