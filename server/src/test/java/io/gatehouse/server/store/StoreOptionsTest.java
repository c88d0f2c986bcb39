package io.gatehouse.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a store is named in the log: where it is, never its credentials. */
class StoreOptionsTest {

    @Test
    void sqliteIsNamedByItsFile() {
        assertThat(StoreOptions.inDataDirectory(Path.of("/srv/gatehouse")).description())
                .isEqualTo("SQLite /srv/gatehouse/gatehouse.db");
    }

    @Test
    void postgresqlIsNamedByHostAndDatabaseWithoutParametersOrUser() {
        assertThat(StoreOptions.of("jdbc:postgresql://db.internal:5432/gatehouse?user=gh&password=hunter2&ssl=true")
                .description()).isEqualTo("PostgreSQL //db.internal:5432/gatehouse");
        assertThat(StoreOptions.of("jdbc:postgresql://gh:hunter2@db.internal/gatehouse").description())
                .isEqualTo("PostgreSQL //db.internal/gatehouse");
    }
}
