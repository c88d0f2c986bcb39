package io.gatehouse.server.http;

import io.gatehouse.server.api.Api;
import io.gatehouse.server.api.ApiRequest;
import io.gatehouse.server.api.ApiResponse;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;

/**
 * Hands requests to the {@link Api}: reads the body within the limit and on time, then answers what the API answers.
 *
 * <p>A body that cannot be read (broken chunked framing, a connection that ends early) is answered
 * {@code MalformedHttpRequestException} and the connection closed, since where the next request would begin is no
 * longer known. A body over the limit is read to its end (up to Helidon's own, higher bound) and answered
 * {@code RequestEntityTooLarge}, so that the connection stays usable.
 */
final class ApiRoute {

    /** The API, known once the server starts; requests arrive only after. */
    private final Supplier<Api> api;
    private final HttpLimits limits;
    private final RequestDeadlines deadlines;
    private final Clock clock;

    ApiRoute(Supplier<Api> api, HttpLimits limits, RequestDeadlines deadlines, Clock clock) {
        this.api = api;
        this.limits = limits;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    void answer(ServerRequest req, ServerResponse res) {
        byte[] body = receive(req, res);
        if (body == null) {
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        req.headers().stream().forEach(h -> headers.computeIfAbsent(h.name(), k -> new ArrayList<>()).addAll(h.allValues()));
        ApiRequest request = new ApiRequest(req.prologue().method().text(), req.prologue().uriPath().rawPath(),
                req.prologue().query().rawValue(), headers, body, address(req.remotePeer().address()), req.isSecure(),
                clock.instant());
        send(res, api.get().handle(request));
    }

    /** What a route that reads its body does with it. */
    @FunctionalInterface
    interface BodyHandler {
        void handle(ServerRequest req, ServerResponse res, byte[] body);
    }

    /** A route that takes the body, read in full within the limits and on time, before the handler runs. */
    Handler withBody(BodyHandler handler) {
        return (req, res) -> {
            byte[] body = receive(req, res);
            if (body != null) {
                handler.handle(req, res, body);
            }
        };
    }

    /** A route that needs no body: one that comes is read (within the limits) and dropped before the handler runs. */
    Handler plain(Handler handler) {
        return (req, res) -> {
            if (receive(req, res) != null) {
                handler.handle(req, res);
            }
        };
    }

    /**
     * Reads the request's body in full, on time and within the limit.
     *
     * @return the body, or {@code null} when the request has been answered already (with an AWS error)
     */
    private byte[] receive(ServerRequest req, ServerResponse res) {
        byte[] body;
        try {
            body = readBody(req);
        } catch (AwsException tooLarge) {
            receivedInTime();
            send(res, api.get().refuse(tooLarge));
            return null;
        } catch (CloseConnectionException closed) {
            throw closed;
        } catch (RuntimeException unreadable) {
            receivedInTime();
            res.header(HeaderValues.CONNECTION_CLOSE);
            send(res, api.get().refuse(unreadable instanceof RequestException refused && refused.status().code() == 413
                    ? limits.bodyTooLarge()
                    : AwsError.MALFORMED_HTTP_REQUEST.exception("The request body is not well-formed.")));
            throw new CloseConnectionException("the request body was not well-formed");
        }
        receivedInTime();
        return body;
    }

    void send(ServerResponse res, ApiResponse response) {
        res.status(Status.create(response.status()));
        res.header(HeaderNames.CONTENT_TYPE, response.contentType());
        res.header("x-amzn-RequestId", response.requestId());
        res.send(response.body());
    }

    /** Ends the request's deadline; when it had passed already, the connection is being closed and nothing is sent. */
    private void receivedInTime() {
        if (!deadlines.received()) {
            throw new CloseConnectionException("the request took longer than " + limits.requestTimeout());
        }
    }

    /**
     * The body.
     *
     * @throws AwsException {@code RequestEntityTooLarge} when it is larger than the limit (and was read to its end)
     */
    private byte[] readBody(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        // not closed on failure: closing reads on to the body's end, which a broken body does not have
        InputStream in = req.content().inputStream();
        long declared = req.headers().contentLength().orElse(-1);
        try {
            if (declared >= 0 && declared <= limits.maxBodyBytes()) {
                // The usual case: a buffer of the declared size, rather than readNBytes' 16 KB chunks and copy.
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                in.close();
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            byte[] body = in.readNBytes(limits.maxBodyBytes() + 1);
            if (body.length > limits.maxBodyBytes()) {
                in.transferTo(OutputStream.nullOutputStream());
                in.close();
                throw limits.bodyTooLarge();
            }
            in.close();
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return null;
    }
}
