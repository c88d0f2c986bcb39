package io.gatehouse.server.http;

import io.gatehouse.server.api.Api;
import io.gatehouse.server.api.ApiRequest;
import io.gatehouse.server.api.ApiResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP side of the server (Helidon SE): the AWS API on {@code /}, health and metrics, and in emulator mode the
 * reset endpoint. It bounds what a client can send (request line, headers, body, idle and read time) before any
 * work is done, so a hostile client costs little and others keep being served.
 */
public final class HttpServer implements AutoCloseable {

    /** The largest request body accepted; IAM's largest documents fit many times over. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private final WebServer server;
    private final Handlers handlers;

    private HttpServer(WebServer server, Handlers handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** What the routes call; set once by {@link #start}, before the server listens. */
    private static final class Handlers {
        Api api;
        Supplier<String> metrics;
        Supplier<Boolean> ready;
        Runnable reset;
    }

    /**
     * Configures the server and its routes without listening yet: the costly part of Helidon's start (its service
     * registry, routing and listener set-up), which can run while the rest of the server loads.
     *
     * @param resettable whether the emulator-mode reset endpoint exists
     */
    public static HttpServer prepare(String host, int port, boolean resettable, Clock clock) {
        Handlers handlers = new Handlers();
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .maxPayloadSize(MAX_BODY_BYTES * 2L)
                .idleConnectionTimeout(Duration.ofSeconds(60))
                .connectionOptions(options -> options.readTimeout(Duration.ofSeconds(20)))
                .addProtocol(Http1Config.builder().maxPrologueLength(16 * 1024).maxHeadersSize(64 * 1024).build())
                .shutdownHook(false)
                .routing(routing -> {
                    routing.get("/health/live", (req, res) -> json(res, 200, "{\"status\":\"UP\"}"));
                    routing.get("/health/ready", (req, res) -> {
                        boolean ready = handlers.ready.get();
                        json(res, ready ? 200 : 503, ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                    });
                    routing.get("/metrics", (req, res) -> {
                        res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                        res.send(handlers.metrics.get().getBytes(StandardCharsets.UTF_8));
                    });
                    if (resettable) {
                        routing.post("/moto-api/reset", (req, res) -> {
                            handlers.reset.run();
                            json(res, 200, "{\"status\":\"ok\"}");
                        });
                    }
                    routing.get("/", (req, res) -> answer(handlers.api, clock, req, res));
                    routing.post("/", (req, res) -> answer(handlers.api, clock, req, res));
                })
                .build();
        return new HttpServer(server, handlers);
    }

    /**
     * Starts listening: requests are answered from here on.
     *
     * @param reset the emulator-mode reset; used only when the server was prepared {@code resettable}
     */
    public HttpServer start(Api api, Supplier<String> metrics, Supplier<Boolean> ready, Runnable reset) {
        handlers.api = api;
        handlers.metrics = metrics;
        handlers.ready = ready;
        handlers.reset = reset;
        // WebServer.start publishes the fields above to the threads that serve requests (they start after it).
        server.start();
        return this;
    }

    /** The port the server listens on (useful when it was started on port 0). */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void answer(Api api, Clock clock, ServerRequest req, ServerResponse res) throws IOException {
        byte[] body = readBody(req);
        if (body == null) {
            res.status(Status.create(413));
            res.header(HeaderNames.CONTENT_TYPE, "text/xml");
            res.send(("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
                    + "<Code>RequestEntityTooLarge</Code><Message>Request body too large</Message></Error>"
                    + "<RequestId>none</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        req.headers().stream().forEach(h -> headers.computeIfAbsent(h.name(), k -> new ArrayList<>()).addAll(h.allValues()));
        ApiRequest request = new ApiRequest(req.prologue().method().text(), req.prologue().uriPath().rawPath(),
                req.prologue().query().rawValue(), headers, body, address(req.remotePeer().address()), req.isSecure(),
                clock.instant());
        ApiResponse response = api.handle(request);
        res.status(Status.create(response.status()));
        res.header(HeaderNames.CONTENT_TYPE, response.contentType());
        res.header("x-amzn-RequestId", response.requestId());
        res.send(response.body());
    }

    /** The body, or {@code null} when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(ServerRequest req) throws IOException {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStreamSink.INSTANCE);
                return null;
            }
            return body;
        }
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return null;
    }

    private static void json(ServerResponse res, int status, String body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Discards what a refused body still sends, so the connection stays usable. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    }
}
