package io.gatehouse.server.state;

import io.gatehouse.server.store.Store;

/**
 * The accounts' credential reports as committed in the store, where they are kept as entities of kind
 * {@link EntityCodec#CREDENTIAL_REPORT} (one per account) that the state loader skips. Reading them from the store
 * rather than from memory means every server on one database answers the same report, whichever generated it, at the
 * cost of a database read per GetCredentialReport. They are written through {@link Mutation}.
 */
public final class CredentialReports {

    /** The entity key of an account's report: there is one per account. */
    static final String KEY = "current";

    private final Store store;
    private final EntityCodec codec;

    public CredentialReports(Store store, EntityCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** The account's report or generation under way as committed, or {@code null} when none was ever started. */
    public CredentialReport of(String accountId) {
        return store.entity(accountId, EntityCodec.CREDENTIAL_REPORT, KEY)
                .map(row -> codec.readCredentialReport(row.body())).orElse(null);
    }
}
