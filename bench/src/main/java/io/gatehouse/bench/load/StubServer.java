package io.gatehouse.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server that does nothing: it answers every request on 127.0.0.1 with the same small response, which satisfies
 * every read scenario's checks. Run the load driver against it to measure the driver itself: its ceiling in calls
 * a second and its CPU per call, with no server work to speak of.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.gatehouse.bench.load.StubServer PORT
 * </pre>
 */
public final class StubServer {

    private static final byte[] RESPONSE = response();

    private StubServer() {
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 128, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread.ofPlatform().daemon(true).start(() -> serve(socket));
            }
        }
    }

    private static byte[] response() {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            users.append("<UserName>").append(Scenario.seededUser(i)).append("</UserName>");
        }
        // What the driver's preparation and the role scenarios read: an account, credentials, a role session's ARN.
        String body = "<Response><Arn>arn:aws:iam::123456789012:root</Arn><Account>123456789012</Account>"
                + "<AccessKeyId>ASIASTUBSTUBSTUBSTUB</AccessKeyId><SecretAccessKey>stub</SecretAccessKey>"
                + "<SessionToken>stub</SessionToken><Role>arn:aws:sts::123456789012:assumed-role/" + Target.ROLE
                + "/bench</Role>" + users + "</Response>";
        return ("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads requests (head, then a body of Content-Length) and answers each, until the client closes. */
    private static void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int limit = 0;
            while (true) {
                int head = -1;
                while (head < 0) {
                    for (int i = 0; i + 3 < limit; i++) {
                        if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                            head = i + 4;
                            break;
                        }
                    }
                    if (head < 0) {
                        int n = in.read(buffer, limit, buffer.length - limit);
                        if (n < 0) {
                            return;
                        }
                        limit += n;
                    }
                }
                int end = head + contentLength(new String(buffer, 0, head, StandardCharsets.ISO_8859_1));
                while (limit < end) {
                    int n = in.read(buffer, limit, buffer.length - limit);
                    if (n < 0) {
                        return;
                    }
                    limit += n;
                }
                out.write(RESPONSE);
                out.flush();
                System.arraycopy(buffer, end, buffer, 0, limit - end);
                limit -= end;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }
}
