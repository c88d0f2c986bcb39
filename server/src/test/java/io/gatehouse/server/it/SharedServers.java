package io.gatehouse.server.it;

import io.gatehouse.server.http.HttpLimits;
import io.gatehouse.server.store.Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server per backend for a test class whose tests keep out of each other's way (each uses names of its own): a
 * JUnit extension the class registers as a static field,
 *
 * <pre>
 *   &#64;RegisterExtension
 *   static final SharedServers servers = new SharedServers();
 * </pre>
 *
 * A server starts when a test first asks for it ({@link #get}), in a data directory of the class's own, and stops after
 * the class, when the directory is deleted.
 */
final class SharedServers implements BeforeAllCallback, AfterAllCallback {

    private final HttpLimits limits;
    private final Map<Backend, TestServer> servers = new EnumMap<>(Backend.class);
    private Path directory;

    SharedServers() {
        this(HttpLimits.DEFAULT);
    }

    /** Servers with HTTP limits of their own. */
    SharedServers(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("gatehouse-it-");
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws SQLException, IOException {
        try {
            for (TestServer server : servers.values()) {
                server.close();
            }
            servers.clear();
        } finally {
            delete(directory);
        }
    }

    synchronized TestServer get(Backend backend) {
        return servers.computeIfAbsent(backend, b -> TestServer.start(b, directory.resolve(b.name()), limits));
    }

    /** The class's data directory, where a test may start servers of its own (in a directory of their own). */
    synchronized Path directory() {
        return directory;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
