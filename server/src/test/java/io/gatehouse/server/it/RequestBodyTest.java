package io.gatehouse.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A signed request's body over HTTP/1.1 is read whole, whether its length is declared (Content-Length, read into a
 * buffer of that size) or it comes in chunks. Bodies over the limit, short or broken: {@link HostileInputTest}. (The
 * HTTP layer is the same whatever the store, so one backend is enough.)
 */
class RequestBodyTest {

    private static final String IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";

    @TempDir
    static Path directory;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.SQLITE, directory);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aBodyOfDeclaredLengthAndAChunkedBodyAreBothReadWhole() throws IOException {
        try (Socket socket = connect()) {
            send(socket, signedHead(IDENTITY, true), IDENTITY.getBytes(StandardCharsets.UTF_8));
            assertThat(readResponse(socket)).startsWith("HTTP/1.1 200").contains("<Arn>arn:aws:iam::");

            byte[] body = IDENTITY.getBytes(StandardCharsets.UTF_8);
            send(socket, signedHead(IDENTITY, false), chunked(body, 7));
            assertThat(readResponse(socket)).startsWith("HTTP/1.1 200").contains("<Arn>arn:aws:iam::");
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.endpoint().getPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** The head of a GetCallerIdentity request signed by the SDK's signer, with a Content-Length or chunked. */
    private static String signedHead(String form, boolean declareLength) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        URI endpoint = server.endpoint().resolve("/");
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Host", endpoint.getHost() + ":" + endpoint.getPort())
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        if (declareLength) {
            request.putHeader("Content-Length", Integer.toString(body.length));
        }
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.systemUTC())).request();
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
            header.getValue().forEach(v -> head.append(header.getKey()).append(": ").append(v).append("\r\n"));
        }
        if (!declareLength) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static byte[] chunked(byte[] body, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += chunkSize) {
            int n = Math.min(chunkSize, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void send(Socket socket, String head, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** One response with a Content-Length body, as text. */
    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
