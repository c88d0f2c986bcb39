package io.gatehouse.bench.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One persistent HTTP/1.1 connection over a plain socket: writes a request already laid out as bytes and reads the
 * response (status, headers, a body of {@code Content-Length} or chunked, or up to the end of a closing
 * connection). Reconnects when the server closed the connection. Its buffers are reused, so a {@link Response} is
 * valid until the next exchange. Not thread-safe: one connection per worker.
 *
 * <p>This is the least a driver can do per call (one write, a few reads, a header scan), so that on a machine of
 * two cores it leaves the server as much CPU as it can.
 */
final class HttpConnection implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] body = new byte[64 * 1024];

    HttpConnection(InetSocketAddress address) {
        this.address = address;
    }

    /** Sends one request and reads its response. On an I/O failure the connection is closed and opened again next time. */
    Response exchange(byte[] request) throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.connect(address, READ_TIMEOUT_MILLIS);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        position = 0;
        limit = 0;
    }

    private Response readResponse() throws IOException {
        int headEnd = readHead();
        int status = status();
        long contentLength = -1;
        boolean chunked = false;
        boolean close = !startsWith(position, "HTTP/1.1");
        int line = lineEnd(position) + 2;
        while (line < headEnd) {
            int end = lineEnd(line);
            int colon = indexOf((byte) ':', line, end);
            if (colon > 0) {
                String name = ascii(line, colon).trim();
                String value = ascii(colon + 1, end).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            line = end + 2;
        }
        position = headEnd + 4;
        int length;
        if (chunked) {
            length = readChunked();
        } else if (contentLength >= 0) {
            length = readFixed(Math.toIntExact(contentLength));
        } else {
            length = readToEnd();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body, length);
    }

    /** Reads until the buffer holds the whole head; returns the index of its closing CRLFCRLF. */
    private int readHead() throws IOException {
        while (true) {
            for (int i = position; i + 3 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i;
                }
            }
            if (fill() < 0) {
                throw new EOFException("connection closed before a response");
            }
        }
    }

    private int status() throws IOException {
        int space = indexOf((byte) ' ', position, lineEnd(position));
        if (space < 0 || space + 4 > limit) {
            throw new IOException("malformed status line: " + ascii(position, lineEnd(position)));
        }
        return (buffer[space + 1] - '0') * 100 + (buffer[space + 2] - '0') * 10 + (buffer[space + 3] - '0');
    }

    private int readFixed(int length) throws IOException {
        ensureBody(length);
        int copied = 0;
        while (copied < length) {
            if (position == limit && fill() < 0) {
                throw new EOFException("connection closed inside a body");
            }
            int n = Math.min(length - copied, limit - position);
            System.arraycopy(buffer, position, body, copied, n);
            position += n;
            copied += n;
        }
        return length;
    }

    private int readChunked() throws IOException {
        int length = 0;
        while (true) {
            int end = readLine();
            String size = ascii(position, end);
            int semicolon = size.indexOf(';');
            int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            position = end + 2;
            if (chunk == 0) {
                // trailers, then the empty line
                while (true) {
                    int trailer = readLine();
                    boolean empty = trailer == position;
                    position = trailer + 2;
                    if (empty) {
                        return length;
                    }
                }
            }
            ensureBody(length + chunk);
            int copied = 0;
            while (copied < chunk) {
                if (position == limit && fill() < 0) {
                    throw new EOFException("connection closed inside a chunk");
                }
                int n = Math.min(chunk - copied, limit - position);
                System.arraycopy(buffer, position, body, length + copied, n);
                position += n;
                copied += n;
            }
            length += chunk;
            int crlf = readLine();
            position = crlf + 2;
        }
    }

    private int readToEnd() throws IOException {
        int length = 0;
        while (true) {
            int n = limit - position;
            ensureBody(length + n);
            System.arraycopy(buffer, position, body, length, n);
            length += n;
            position = limit;
            if (fill() < 0) {
                return length;
            }
        }
    }

    /** Reads until a CRLF follows {@link #position}; returns the index of its CR. */
    private int readLine() throws IOException {
        while (true) {
            for (int i = position; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            if (fill() < 0) {
                throw new EOFException("connection closed inside a chunked body");
            }
        }
    }

    /** Reads more bytes, compacting or growing the buffer as needed; -1 at the end of the stream. */
    private int fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    private void ensureBody(int length) {
        if (body.length < length) {
            body = Arrays.copyOf(body, Math.max(length, body.length * 2));
        }
    }

    private int lineEnd(int from) {
        for (int i = from; i + 1 < limit; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i;
            }
        }
        return limit;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(int from, String prefix) {
        return from + prefix.length() <= limit
                && ascii(from, from + prefix.length()).equals(prefix);
    }

    private String ascii(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that failed
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    /** A response: its status and its body, held in a buffer that the next exchange overwrites. */
    record Response(int status, byte[] buffer, int length) {

        String body() {
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }
    }
}
