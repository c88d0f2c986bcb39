package io.gatehouse.server.http;

import io.gatehouse.server.api.Api;
import io.gatehouse.server.console.SignIn;
import io.gatehouse.server.console.SignInAnswer;
import io.gatehouse.server.console.SignInAttempt;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.outbound.OutboundIssuers;
import io.gatehouse.server.workload.WorkloadAnswer;
import io.gatehouse.server.workload.WorkloadCredentials;
import io.gatehouse.server.workload.WorkloadRequest;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP side of the server (Helidon SE): the AWS API, health and metrics, console sign-in, the workloads'
 * container-credentials endpoint, the discovery documents and keys of outbound identity federation's issuers, and in emulator mode the reset endpoint. It bounds what a client can send and how long it may take ({@link HttpLimits}) before any work is done,
 * and answers whatever it refuses with an AWS error document, so a hostile client costs little, learns nothing about
 * the server's insides, and others keep being served.
 *
 * <p>The AWS Query API answers GET and POST on any path, as AWS's endpoints do (the path is only part of what is
 * signed); other methods are refused with {@code UnsupportedProtocol}.
 */
public final class HttpServer implements AutoCloseable {

    /** How many times the body limit a refused body may be and still be read to its end. */
    static final long DRAINED_BODIES = 16;

    private final WebServer server;
    private final RequestDeadlines deadlines;
    private final Handlers handlers;

    private HttpServer(WebServer server, RequestDeadlines deadlines, Handlers handlers) {
        this.server = server;
        this.deadlines = deadlines;
        this.handlers = handlers;
    }

    /**
     * What the routes call, handed over by {@link #start} before the server listens: no request can arrive before,
     * and starting the listener publishes these fields to the threads that serve requests.
     */
    private static final class Handlers {
        Api api;
        Supplier<String> metrics;
        Supplier<Boolean> ready;
        Runnable reset;
        SignIn signIn;
        WorkloadCredentials workloads;
        OutboundIssuers issuers;
    }

    /**
     * Configures the server and its routes without listening yet: the costly part of Helidon's start (its service
     * registry, routing and listener set-up), which can run while the state the API needs is still loading.
     *
     * @param resettable whether the emulator-mode reset endpoint exists
     */
    public static HttpServer prepare(String host, int port, HttpLimits limits, boolean resettable, Clock clock) {
        Handlers handlers = new Handlers();
        RequestDeadlines deadlines = new RequestDeadlines(limits.requestTimeout(),
                () -> handlers.api.refuse(AwsError.REQUEST_TIMEOUT.exception()));
        ApiRoute route = new ApiRoute(() -> handlers.api, limits, deadlines, clock);
        AwsDirectHandler refusals = new AwsDirectHandler(() -> handlers.api, limits, deadlines);
        WebServer server;
        try {
            server = WebServer.builder()
                    .host(host)
                    .port(port)
                    // Helidon's own bound on a body, past which it refuses at once and closes the connection.
                    // The route refuses bodies over the limit itself, but reads and drops up to this much
                    // first: a client still sending would otherwise see its connection reset, not the answer
                    .maxPayloadSize(limits.maxBodyBytes() * DRAINED_BODIES)
                    .idleConnectionTimeout(limits.idleTimeout())
                    .idleConnectionPeriod(checkPeriod(limits.idleTimeout()))
                    // No Nagle: a response larger than one write (a page of ListUsers) would otherwise wait for the
                    // client's delayed ACK of its first part, 40 ms on Linux, before its last part is sent.
                    .connectionOptions(options -> options.tcpNoDelay(true))
                    // exactly the HTTP/1.1 configuration below, not another one found on the class path besides
                    .protocolsDiscoverServices(false)
                    .addProtocol(Http1Config.builder()
                            .maxPrologueLength(limits.maxRequestLineBytes())
                            .maxHeadersSize(limits.maxHeaderBytes())
                            // the query string is the API's to read: a broken one is AWS's MalformedQueryString
                            .validatePrologue(false)
                            .addReceiveListener(deadlines)
                            .build())
                    .directHandlers(direct -> {
                        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                            direct.addHandler(type, refusals);
                        }
                    })
                    .shutdownHook(false)
                    .routing(routing -> {
                        routing.get("/health/live", route.plain((req, res) -> json(res, 200, "{\"status\":\"UP\"}")));
                        routing.get("/health/ready", route.plain((req, res) -> {
                            boolean ready = handlers.ready.get();
                            json(res, ready ? 200 : 503, ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                        }));
                        routing.get("/metrics", route.plain((req, res) -> {
                            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                            res.send(handlers.metrics.get().getBytes(StandardCharsets.UTF_8));
                        }));
                        routing.post("/signin", route.withBody((req, res, body) -> signIn(res,
                                handlers.signIn.handle(signInAttempt(req, body, clock)))));
                        routing.get(WorkloadCredentials.PATH, route.plain((req, res) -> workloadCredentials(res,
                                handlers.workloads.answer(workloadRequest(req, clock)))));
                        routing.get(OutboundIssuers.PATH + "{issuer}" + OutboundIssuers.DISCOVERY,
                                route.plain((req, res) -> issuerDocument(res,
                                        handlers.issuers.discoveryDocument(issuer(req)))));
                        routing.get(OutboundIssuers.PATH + "{issuer}" + OutboundIssuers.JWKS,
                                route.plain((req, res) -> issuerDocument(res, handlers.issuers.jwks(issuer(req)))));
                        if (resettable) {
                            routing.post("/moto-api/reset", route.plain((req, res) -> {
                                handlers.reset.run();
                                json(res, 200, "{\"status\":\"ok\"}");
                            }));
                        }
                        routing.get(route::answer);
                        routing.post(route::answer);
                        routing.any(route.plain((req, res) -> route.send(res, handlers.api.refuse(
                                AwsError.UNSUPPORTED_PROTOCOL.exception("The HTTP method is not supported: use GET or "
                                        + "POST.")))));
                    })
                    .build();
        } catch (RuntimeException e) {
            deadlines.close();
            throw e;
        }
        return new HttpServer(server, deadlines, handlers);
    }

    /**
     * Starts listening: requests are answered from here on.
     *
     * @param signIn console sign-in ({@code POST /signin})
     * @param workloads the container-credentials endpoint ({@code GET /v1/workload-credentials})
     * @param issuers   the accounts' OpenID Connect issuers ({@code GET /issuers/ID/.well-known/…})
     * @param reset the emulator-mode reset; called only when the server was prepared {@code resettable}
     */
    public HttpServer start(Api api, SignIn signIn, WorkloadCredentials workloads, OutboundIssuers issuers,
                            Supplier<String> metrics, Supplier<Boolean> ready, Runnable reset) {
        handlers.api = api;
        handlers.issuers = issuers;
        handlers.signIn = signIn;
        handlers.workloads = workloads;
        handlers.metrics = metrics;
        handlers.ready = ready;
        handlers.reset = reset;
        try {
            server.start();
        } catch (RuntimeException e) {
            deadlines.close();
            throw e;
        }
        return this;
    }

    /** How often idle connections are looked for: often enough that one is closed soon after its time. */
    private static Duration checkPeriod(Duration idleTimeout) {
        Duration quarter = idleTimeout.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                : quarter.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : quarter;
    }

    /** The port the server listens on (useful when it was started on port 0). */
    public int port() {
        return server.port();
    }

    /** Releases a server that was prepared and will not be started (its start failed, or the rest of the server's). */
    public void discard() {
        deadlines.close();
    }

    @Override
    public void close() {
        server.stop();
        deadlines.close();
    }

    private static SignInAttempt signInAttempt(ServerRequest req, byte[] body, Clock clock) {
        String host = req.headers().first(HeaderNames.HOST).orElse("localhost");
        return new SignInAttempt(body, req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null),
                ApiRoute.address(req.remotePeer().address()), req.headers().first(HeaderNames.USER_AGENT).orElse(null),
                req.isSecure(), (req.isSecure() ? "https://" : "http://") + host + "/", clock.instant());
    }

    private static String issuer(ServerRequest req) {
        return req.path().pathParameters().get("issuer");
    }

    /**
     * An issuer's discovery document or key set, which relying parties may cache for a few minutes (they fetch the keys
     * again when a token names a key they do not hold, as after a rotation); 404 for an issuer no account has.
     */
    private static void issuerDocument(ServerResponse res, Optional<String> document) {
        if (document.isEmpty()) {
            json(res, 404, "{\"error\":\"not_found\",\"error_description\":\"No such issuer.\"}");
            return;
        }
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        json(res, 200, document.get());
    }

    /** A sign-in's answer; never cached, since it may hold credentials. */
    private static void signIn(ServerResponse res, SignInAnswer answer) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        if (answer.cookie() != null) {
            res.header(HeaderNames.SET_COOKIE, answer.cookie());
        }
        if (answer.retryAfter() != null) {
            res.header(HeaderNames.RETRY_AFTER, answer.retryAfterSeconds());
        }
        json(res, answer.status(), answer.json());
    }

    private static WorkloadRequest workloadRequest(ServerRequest req, Clock clock) {
        return new WorkloadRequest(req.headers().first(HeaderNames.AUTHORIZATION).orElse(null),
                ApiRoute.address(req.remotePeer().address()), req.headers().first(HeaderNames.USER_AGENT).orElse(null),
                clock.instant());
    }

    /** Workload credentials or their refusal; never cached, since they are credentials. */
    private static void workloadCredentials(ServerResponse res, WorkloadAnswer answer) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        json(res, answer.status(), answer.json());
    }

    private static void json(ServerResponse res, int status, String body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }
}
