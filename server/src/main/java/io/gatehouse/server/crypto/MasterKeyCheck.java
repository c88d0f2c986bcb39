package io.gatehouse.server.crypto;

import io.gatehouse.server.store.Store;

/**
 * Binds a database to its master key: the first start records the key's id in the store's settings, every later
 * start must bring the same key. Without it a lost key file would be silently replaced by a new key, leaving every
 * secret sealed before unreadable and the secrets sealed after under another key.
 */
public final class MasterKeyCheck {

    /** The store setting that holds the id of the database's master key. */
    public static final String SETTING = "master-key-id";

    private MasterKeyCheck() {
    }

    /**
     * Records the key's id if the database has none yet, else checks that it is the recorded one.
     *
     * @throws IllegalStateException if the database belongs to another master key
     */
    public static void verify(Store store, MasterKey key) {
        String recorded = store.writer().submit(tx -> tx.meta(SETTING).orElseGet(() -> {
            tx.putMeta(SETTING, key.id());
            return key.id();
        })).join();
        if (!recorded.equals(key.id())) {
            throw new IllegalStateException("the secrets in this database are sealed under master key " + recorded
                    + ", but the master key found is " + key.id() + "; start with the original key ("
                    + MasterKeyLoader.ENVIRONMENT_VARIABLE + ", a key file, or " + MasterKeyLoader.FILE_NAME
                    + " in the data directory)");
        }
    }
}
