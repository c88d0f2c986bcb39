package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * java.util.logging, as Helidon and the PostgreSQL driver use it, goes through SLF4J to Logback with the
 * application's logback.xml: JUL prints nothing itself, and Logback's levels decide.
 */
class JulBridgeTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        JulBridge.install();
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
    }

    @Test
    void julHasNoHandlerButTheBridge() {
        assertThat(LogManager.getLogManager().getLogger("").getHandlers())
                .singleElement().isInstanceOf(SLF4JBridgeHandler.class);
        JulBridge.install();
        assertThat(LogManager.getLogManager().getLogger("").getHandlers()).hasSize(1);
    }

    @Test
    void aHelidonWarningReachesLogbackUnderItsLoggerName() {
        java.util.logging.Logger helidon = java.util.logging.Logger.getLogger("io.helidon.webserver.Example");
        helidon.warning("socket trouble");
        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLoggerName()).isEqualTo("io.helidon.webserver.Example");
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("socket trouble");
        });
    }

    @Test
    void logbackLevelsApplyToJulLoggers() {
        java.util.logging.Logger helidon = java.util.logging.Logger.getLogger("io.helidon.webserver.Example");
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("org.postgresql.Driver");
        helidon.info("Started all channels");
        driver.info("connected");
        driver.fine("a detail below INFO");
        assertThat(helidon.isLoggable(Level.INFO)).as("io.helidon is at WARN in logback.xml").isFalse();
        assertThat(driver.isLoggable(Level.FINE)).as("the root is at INFO").isFalse();
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("connected");
    }
}
