package io.gatehouse.server.http;

import io.gatehouse.server.api.ApiResponse;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Bounds the time a client may take to send a request once its request line has arrived: a client that trickles its
 * headers or body (slowloris), or stops sending half-way, is answered {@code 408 RequestTimeoutException} and its
 * connection closed when the time is up. Helidon bounds the time before a request line (its idle timeout) but not
 * this, and sets no read timeout on server sockets.
 *
 * <p>Helidon reads, routes and answers each HTTP/1.1 connection on one thread of its own, so a request is known by
 * that thread: its deadline starts when Helidon reports the request line read ({@link #prologue}) on it, and ends when
 * the thread reports the request {@link #received()} in full. A ticker closes the connections whose deadline passed;
 * whichever of the two comes first wins, so a request is either timed out or served, never both.
 */
final class RequestDeadlines implements Http1ConnectionListener, AutoCloseable {

    private static final long TICK_MILLIS = 100;

    private final long timeoutNanos;
    private final Supplier<ApiResponse> timeoutAnswer;
    private final Map<Thread, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;

    /**
     * @param timeout       how long a request may take to arrive after its request line
     * @param timeoutAnswer the AWS error document sent to a client that took longer
     */
    RequestDeadlines(Duration timeout, Supplier<ApiResponse> timeoutAnswer) {
        this.timeoutNanos = timeout.toNanos();
        this.timeoutAnswer = timeoutAnswer;
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("gatehouse-request-deadlines")
                .daemon().factory());
        ticker.scheduleWithFixedDelay(this::expire, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Helidon read a request line on the current thread's connection: the request's time starts. */
    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        pending.put(Thread.currentThread(), new Pending(ctx, System.nanoTime() + timeoutNanos));
    }

    /**
     * The request of the current thread's connection has arrived in full (or was refused before it had).
     *
     * @return {@code false} when its time had run out first: the connection is being closed and the request must be
     *         dropped unanswered
     */
    boolean received() {
        Pending request = pending.remove(Thread.currentThread());
        return request == null || request.claim();
    }

    private void expire() {
        long now = System.nanoTime();
        pending.forEach((thread, request) -> {
            if (now - request.deadline() >= 0 && request.claim()) {
                pending.remove(thread, request);
                request.timeOut(timeoutAnswer.get());
            }
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** A request still arriving; claimed once, by the thread that received it or by the ticker. */
    private static final class Pending {

        private final ConnectionContext connection;
        private final long deadline;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Pending(ConnectionContext connection, long deadline) {
            this.connection = connection;
            this.deadline = deadline;
        }

        long deadline() {
            return deadline;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        /**
         * Answers and closes the connection. Its thread is blocked reading the request, so nothing else writes to it;
         * closing the socket ends that read, and Helidon then drops the connection.
         */
        void timeOut(ApiResponse answer) {
            try {
                connection.dataWriter().writeNow(BufferData.create(http(answer)));
            } catch (RuntimeException e) {
                // the client is gone already
            } finally {
                try {
                    connection.serverSocket().close();
                } catch (RuntimeException e) {
                    // closed already
                }
            }
        }

        private static byte[] http(ApiResponse answer) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(answer.body().length + 256);
            out.writeBytes(("HTTP/1.1 " + answer.status() + " Request Timeout\r\nContent-Type: " + answer.contentType()
                    + "\r\nx-amzn-RequestId: " + answer.requestId() + "\r\nContent-Length: " + answer.body().length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(answer.body());
            return out.toByteArray();
        }
    }
}
