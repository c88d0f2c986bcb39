package io.gatehouse.app;

import io.gatehouse.server.GatehouseData;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the administration commands find the data a server runs on: the data directory or PostgreSQL database, and
 * the master key. A picocli mixin.
 */
public final class DataLocation {

    @Option(names = "--data-dir", defaultValue = "data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Database, e.g. jdbc:postgresql://127.0.0.1:5432/gatehouse (default: SQLite in the data directory).")
    String jdbcUrl;

    @Option(names = "--master-key-file", paramLabel = "FILE",
            description = "File holding the master key; default: GATEHOUSE_MASTER_KEY, else DATA_DIR/master.key.")
    Path masterKeyFile;

    /**
     * Opens the data, creating nothing.
     *
     * @throws IllegalStateException when there is no such data; its message says what is missing
     */
    public GatehouseData openExisting(Map<String, String> environment) {
        return GatehouseData.openExisting(dataDirectory, jdbcUrl, masterKeyFile, environment);
    }

    /** The data, named without the database URL (which may hold a password). */
    public String where() {
        return jdbcUrl == null ? "the data directory " + dataDirectory.toAbsolutePath() : "the database given by --db";
    }
}
