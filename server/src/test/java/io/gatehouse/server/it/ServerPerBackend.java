package io.gatehouse.server.it;

import io.gatehouse.server.store.Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One server per backend, shared by the tests of a class that keep out of each other's way (their own entity
 * names and paths), started when a test first asks for it: a class of tests then starts two servers, not one per
 * test. Close it after the class.
 */
final class ServerPerBackend implements AutoCloseable {

    private final Map<Backend, TestServer> servers = new EnumMap<>(Backend.class);
    private final List<Path> directories = new ArrayList<>();

    synchronized TestServer get(Backend backend) {
        return servers.computeIfAbsent(backend, b -> {
            try {
                Path directory = Files.createTempDirectory("gatehouse-it-");
                directories.add(directory);
                return TestServer.start(b, directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public synchronized void close() throws Exception {
        for (TestServer server : servers.values()) {
            server.close();
        }
        servers.clear();
        for (Path directory : directories) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        directories.clear();
    }
}
