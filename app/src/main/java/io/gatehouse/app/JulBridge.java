package io.gatehouse.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging, which Helidon and the PostgreSQL driver log through, to SLF4J, so that every log line
 * goes through Logback and its one configuration ({@code logback.xml}). JUL's own console handler is removed; the
 * {@code LevelChangePropagator} in {@code logback.xml} gives JUL Logback's levels, so a record Logback would drop
 * is not even made.
 */
final class JulBridge {

    private JulBridge() {}

    /** Installs the bridge once; later calls change nothing. */
    static synchronized void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
