package io.gatehouse.server.store;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases every store test runs against. PostgreSQL is {@code GATEHOUSE_TEST_POSTGRES_URL} or the local
 * server; when it cannot be reached the PostgreSQL variants fail, unless {@code GATEHOUSE_TEST_SKIP_POSTGRES} is
 * set, since CI must test both.
 */
public enum Backend {

    SQLITE {
        @Override
        public TestDatabase create(Path directory) {
            return new TestDatabase("jdbc:sqlite:" + directory.resolve(StoreOptions.SQLITE_FILE), () -> { });
        }
    },

    POSTGRESQL {
        @Override
        public TestDatabase create(Path directory) {
            String base = System.getenv().getOrDefault("GATEHOUSE_TEST_POSTGRES_URL",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            String schema = "gh_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection admin = DriverManager.getConnection(base); Statement sql = admin.createStatement()) {
                sql.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                if (System.getenv("GATEHOUSE_TEST_SKIP_POSTGRES") != null) {
                    Assumptions.abort("PostgreSQL unreachable and GATEHOUSE_TEST_SKIP_POSTGRES set: " + e.getMessage());
                }
                fail("PostgreSQL at " + base + " unreachable (set GATEHOUSE_TEST_SKIP_POSTGRES to skip): " + e, e);
            }
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new TestDatabase(url, () -> {
                try (Connection admin = DriverManager.getConnection(base); Statement sql = admin.createStatement()) {
                    sql.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            });
        }
    };

    /** A new, empty database (a file in the directory, or a schema of its own). */
    public abstract TestDatabase create(Path directory);

    /** A database made for one test; closing drops it. */
    public record TestDatabase(String url, Dropper dropper) implements AutoCloseable {

        public StoreOptions options() {
            return StoreOptions.of(url);
        }

        @Override
        public void close() throws SQLException {
            dropper.drop();
        }
    }

    @FunctionalInterface
    public interface Dropper {
        void drop() throws SQLException;
    }
}
