package io.gatehouse.server.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken over a plain socket, byte for byte as the test writes it, so that nothing between the test and the
 * server repairs a malformed request. Reads one response, whatever the server sends, or notes that the connection was
 * closed without one.
 */
final class RawHttp {

    /**
     * How long a read may wait for the server. Not a timing assertion: a server that hangs fails the test through
     * this instead of hanging the build.
     */
    static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private RawHttp() {
    }

    /**
     * What came back.
     *
     * @param status  the status code, or 0 when the connection closed before a status line
     * @param headers header fields by lower-cased name
     * @param body    the body (de-chunked)
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        boolean closedWithoutAnswer() {
            return status == 0;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        @Override
        public String toString() {
            return status == 0 ? "(closed without an answer)" : status + " " + headers + "\n" + text();
        }
    }

    /** Sends the bytes on a new connection and reads one response. */
    static Response exchange(int port, byte[] request) {
        try (Socket socket = open(port)) {
            send(socket, request);
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the text (ISO-8859-1, so each char is one byte) on a new connection and reads one response. */
    static Response exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) HANG_GUARD.toMillis());
        return socket;
    }

    /**
     * Writes the request from another thread while the response is read, since a server may answer and close before
     * it has read all of a large body; what it refused to read is not an error of the test.
     */
    static void send(Socket socket, byte[] request) throws IOException {
        OutputStream out = socket.getOutputStream();
        if (request.length <= 64 * 1024) {
            writeQuietly(out, request);
            return;
        }
        Thread writer = Thread.ofVirtual().start(() -> writeQuietly(out, request));
        writer.setUncaughtExceptionHandler((t, e) -> { });
    }

    private static void writeQuietly(OutputStream out, byte[] bytes) {
        try {
            for (int at = 0; at < bytes.length; at += 16 * 1024) {
                out.write(bytes, at, Math.min(16 * 1024, bytes.length - at));
            }
            out.flush();
        } catch (IOException e) {
            // the server closed the connection before taking all of it
        }
    }

    /**
     * Reads one response, past any interim {@code 1xx} ones; a connection closed or reset before the status line is
     * {@code status 0}.
     */
    static Response read(InputStream in) throws IOException {
        Response response = readOne(in);
        while (response.status() >= 100 && response.status() < 200) {
            response = readOne(in);
        }
        return response;
    }

    private static Response readOne(InputStream in) throws IOException {
        String statusLine;
        try {
            statusLine = line(in);
        } catch (SocketException e) {
            return new Response(0, Map.of(), new byte[0]);
        }
        if (statusLine == null) {
            return new Response(0, Map.of(), new byte[0]);
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        byte[] body;
        if (status < 200) {
            return new Response(status, headers, new byte[0]);
        }
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.getFirst()));
        } else if (encoding != null && encoding.getFirst().equalsIgnoreCase("chunked")) {
            body = chunked(in);
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int length = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            line(in);
        }
    }

    /** A CRLF-terminated line, or {@code null} at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = out.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            out.write(b);
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }
}
