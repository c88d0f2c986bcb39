package io.gatehouse.server.store;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs a test class once per {@link Backend}, each test with a fresh database and an open store. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
abstract class StoreTestBase {

    @Parameter
    Backend backend;

    @TempDir
    Path directory;

    Backend.TestDatabase database;
    Store store;

    @BeforeEach
    void openStore() {
        database = backend.create(directory);
        store = Store.open(options(database));
    }

    /** The options the test's store opens with. */
    StoreOptions options(Backend.TestDatabase db) {
        return db.options();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Submits a command and waits for its outcome. */
    <T> T write(WriteCommand<T> command) {
        return submit(command).join();
    }

    /** Runs a command that returns nothing and waits for it. */
    void run(Consumer<Transaction> command) {
        write(tx -> {
            command.accept(tx);
            return null;
        });
    }

    long put(String account, String kind, String key, String body) {
        return write(tx -> tx.put(account, kind, key, body));
    }

    boolean delete(String account, String kind, String key) {
        return write(tx -> tx.delete(account, kind, key));
    }

    <T> CompletableFuture<T> submit(WriteCommand<T> command) {
        return store.writer().submit(command);
    }
}
