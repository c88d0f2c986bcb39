package io.gatehouse.server.it;

import io.gatehouse.server.http.HttpLimits;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * One server per backend for a test class whose tests keep out of each other's way (each uses names of its own):
 * started when a test first asks for it, stopped by {@link #close()} after the class.
 */
final class SharedServers implements AutoCloseable {

    private final Path directory;
    private final HttpLimits limits;
    private final Map<Backend, TestServer> servers = new EnumMap<>(Backend.class);

    SharedServers(Path directory) {
        this(directory, HttpLimits.DEFAULT);
    }

    /** Servers with HTTP limits of their own. */
    SharedServers(Path directory, HttpLimits limits) {
        this.directory = directory;
        this.limits = limits;
    }

    synchronized TestServer get(Backend backend) {
        return servers.computeIfAbsent(backend, b -> TestServer.start(b, directory.resolve(b.name()), limits));
    }

    @Override
    public synchronized void close() throws SQLException {
        for (TestServer server : servers.values()) {
            server.close();
        }
        servers.clear();
    }
}
