package io.gatehouse.server.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema up to date with the dialect's versioned scripts (Flyway, history in its own table). */
final class Migrations {

    private Migrations() {
    }

    static void migrate(Dialect dialect, String url) {
        try {
            Flyway.configure()
                    .dataSource(dialect.dataSource(url, "gatehouse-migrate"))
                    .locations(dialect.migrationLocation())
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw StoreException.of("schema migration", e);
        }
    }
}
