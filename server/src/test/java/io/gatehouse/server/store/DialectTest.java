package io.gatehouse.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialectTest {

    @TempDir
    Path directory;

    @Test
    void theUrlChoosesTheDialect() {
        assertThat(Dialect.of("jdbc:sqlite:/data/gatehouse.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("jdbc:postgresql://db:5432/iam?user=gatehouse")).isEqualTo(Dialect.POSTGRESQL);
        assertThatIllegalArgumentException().isThrownBy(() -> Dialect.of("jdbc:h2:mem:x"))
                .withMessageNotContaining("h2:mem");
    }

    @Test
    void sqliteConnectionsUseTheWalAndSyncItAtEveryCommit() throws SQLException {
        String url = "jdbc:sqlite:" + directory.resolve(StoreOptions.SQLITE_FILE);
        try (Connection connection = Dialect.SQLITE.dataSource(url, "test").getConnection()) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "synchronous")).as("FULL").isEqualTo("2");
            assertThat(pragma(connection, "busy_timeout")).isEqualTo("10000");
        }
    }

    @Test
    void storeOptionsPutTheSqliteFileInTheDataDirectory() {
        assertThat(StoreOptions.inDataDirectory(directory).jdbcUrl())
                .isEqualTo("jdbc:sqlite:" + directory.resolve("gatehouse.db").toAbsolutePath());
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
