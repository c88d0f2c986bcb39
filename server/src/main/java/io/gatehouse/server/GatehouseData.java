package io.gatehouse.server;

import io.gatehouse.server.crypto.MasterKey;
import io.gatehouse.server.crypto.MasterKeyCheck;
import io.gatehouse.server.crypto.MasterKeyLoader;
import io.gatehouse.server.crypto.SealedSecrets;
import io.gatehouse.server.crypto.SecretBox;
import io.gatehouse.server.outbound.SigningKeys;
import io.gatehouse.server.session.SessionKeys;
import io.gatehouse.server.state.CredentialReports;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.StateLoader;
import io.gatehouse.server.state.StateWriter;
import io.gatehouse.server.store.Store;
import io.gatehouse.server.store.StoreOptions;
import io.gatehouse.server.workload.WorkloadTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A data directory's durable side, opened: the store (SQLite in the directory, or the database named) under the
 * master key it was first opened with, its session keys, and the state loaded from it with its writer. The server
 * opens it to serve ({@link #open}); {@code gatehouse accounts create} opens it to add an account and
 * {@code gatehouse keys rotate-session-key} to rotate the session keys ({@link #openExisting}).
 *
 * <p>Whoever opens it holds its own copy of the state: a change written here reaches a server already running on
 * the same database only when that server starts again. Workload tokens are the exception: servers read them from the
 * store at each use ({@link WorkloadTokens}), so one issued or revoked here counts at once.
 */
public final class GatehouseData implements AutoCloseable {

    private final Store store;
    private final StateWriter state;
    private final SessionKeys sessionKeys;
    private final SigningKeys signingKeys;
    private final CredentialReports reports;
    private final WorkloadTokens workloadTokens;
    private final String database;
    private final String masterKeyId;

    private GatehouseData(Store store, StateWriter state, SessionKeys sessionKeys, SigningKeys signingKeys,
                          CredentialReports reports, String database, String masterKeyId) {
        this.store = store;
        this.state = state;
        this.sessionKeys = sessionKeys;
        this.signingKeys = signingKeys;
        this.reports = reports;
        this.workloadTokens = new WorkloadTokens(store);
        this.database = database;
        this.masterKeyId = masterKeyId;
    }

    /**
     * Opens the data, creating what a first start needs: the data directory, the master key file in it (unless the
     * environment or {@code masterKeyFile} names the key) and the database.
     *
     * @param jdbcUrl       the database, or {@code null} for SQLite in the data directory
     * @param masterKeyFile the operator's master key file, or {@code null}
     * @param environment   the process environment ({@value MasterKeyLoader#ENVIRONMENT_VARIABLE})
     * @throws IllegalStateException when the master key is unusable or is not the database's
     */
    public static GatehouseData open(Path dataDirectory, String jdbcUrl, Path masterKeyFile,
                                     Map<String, String> environment) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
        return load(dataDirectory, jdbcUrl, masterKeyFile, environment);
    }

    /**
     * Opens data a server has already created, and creates nothing: not the directory, the database or a master key.
     *
     * @throws IllegalStateException when there is no such data: its message says what is missing and how to point at
     *                               it
     */
    public static GatehouseData openExisting(Path dataDirectory, String jdbcUrl, Path masterKeyFile,
                                             Map<String, String> environment) {
        Path database = dataDirectory.resolve(StoreOptions.SQLITE_FILE);
        if (jdbcUrl == null && !Files.isRegularFile(database)) {
            throw new IllegalStateException("there is no Gatehouse database in " + dataDirectory.toAbsolutePath()
                    + " (" + database.toAbsolutePath() + " does not exist): name the data directory a server runs on "
                    + "with --data-dir, or its PostgreSQL database with --db");
        }
        String fromEnvironment = environment.get(MasterKeyLoader.ENVIRONMENT_VARIABLE);
        Path keyInDirectory = dataDirectory.resolve(MasterKeyLoader.FILE_NAME);
        if ((fromEnvironment == null || fromEnvironment.isBlank()) && masterKeyFile == null
                && !Files.isRegularFile(keyInDirectory)) {
            throw new IllegalStateException("there is no master key: " + MasterKeyLoader.ENVIRONMENT_VARIABLE
                    + " is not set, no key file was named and " + keyInDirectory.toAbsolutePath()
                    + " does not exist; give the key the server runs with (" + MasterKeyLoader.ENVIRONMENT_VARIABLE
                    + " or --master-key-file)");
        }
        return load(dataDirectory, jdbcUrl, masterKeyFile, environment);
    }

    private static GatehouseData load(Path dataDirectory, String jdbcUrl, Path masterKeyFile,
                                      Map<String, String> environment) {
        MasterKey masterKey = MasterKeyLoader.load(environment, masterKeyFile, dataDirectory);
        SecretBox box = new SecretBox(masterKey);
        EntityCodec codec = new EntityCodec(new SealedSecrets(box));
        StoreOptions options = jdbcUrl == null ? StoreOptions.inDataDirectory(dataDirectory) : StoreOptions.of(jdbcUrl);
        Store store = Store.open(options);
        try {
            MasterKeyCheck.verify(store, masterKey);
            SessionKeys sessionKeys = SessionKeys.open(store, box, Clock.systemUTC());
            SigningKeys signingKeys = SigningKeys.open(store, box, Clock.systemUTC());
            GatehouseState loaded = StateLoader.load(store, codec);
            return new GatehouseData(store, new StateWriter(store.writer(), codec, loaded), sessionKeys, signingKeys,
                    new CredentialReports(store, codec), options.description(), masterKey.id());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The durable record. */
    public Store store() {
        return store;
    }

    /** The state as loaded, and the only way to change it. */
    public StateWriter state() {
        return state;
    }

    /** The keys that seal session tokens (created with the store; rotated through this object). */
    public SessionKeys sessionKeys() {
        return sessionKeys;
    }

    /** The keys that sign outbound web identity tokens (made at their first use; rotated through this object). */
    public SigningKeys signingKeys() {
        return signingKeys;
    }

    /** The accounts' credential reports, read from the store. */
    public CredentialReports reports() {
        return reports;
    }

    /** The workloads' bearer tokens, read from and written to the store. */
    public WorkloadTokens workloadTokens() {
        return workloadTokens;
    }

    /** The database for a log line, without credentials ({@link StoreOptions#description()}). */
    public String database() {
        return database;
    }

    /** The master key's id (not the key), for a log line. */
    public String masterKeyId() {
        return masterKeyId;
    }

    /** Finishes the changes already queued and closes the store. */
    @Override
    public void close() {
        store.close();
    }
}
