package io.gatehouse.server.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what the server logs while it is open, every level from DEBUG up on {@code io.gatehouse} (more than the
 * tests' configuration prints), each event as its message with its stack trace.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger gatehouse = (Logger) LoggerFactory.getLogger("io.gatehouse");
    private final Level gatehouseLevel = gatehouse.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
        gatehouse.setLevel(Level.DEBUG);
    }

    /** Each event so far: logger, level, message and stack trace. */
    synchronized List<String> lines() {
        return List.copyOf(appender.list).stream().map(e -> e.getLoggerName() + " " + e.getLevel() + " "
                + e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }

    /** The messages the logger logged at INFO or above. */
    List<String> messages(Class<?> logger) {
        return List.copyOf(appender.list).stream().filter(e -> e.getLoggerName().equals(logger.getName()))
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        gatehouse.setLevel(gatehouseLevel);
        root.detachAppender(appender);
        appender.stop();
    }
}
