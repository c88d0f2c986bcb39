package io.gatehouse.server.it;

import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A server in a process of its own, for tests that kill it: {@code ServerProcess DATA_DIR JDBC_URL} starts the test
 * server configuration and prints {@code port N} once it listens.
 */
public final class ServerProcess {

    private ServerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        GatehouseServer server = GatehouseServer.start(new ServerOptions("127.0.0.1", 0, Path.of(args[0]), args[1],
                TestServer.ACCOUNT, false, null), TestServer.environment(), new PrintStream(OutputStream.nullOutputStream()));
        System.out.println("port " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
