package io.gatehouse.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.http.HttpLimits;
import io.gatehouse.server.store.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile input, sent byte for byte over plain sockets so that no client library repairs it: malformed HTTP, broken
 * encodings, garbage signatures, monstrous policies and names, oversized everything and clients that trickle. Each
 * gets a 4xx AWS error document with nothing of the server's insides in it (or, where no HTTP answer is possible, a
 * closed connection), and the server goes on serving others meanwhile.
 */
@Timeout(120)
class HostileInputTest {

    /** Short timeouts, so that the slow clients here are cut off soon; an honest request takes milliseconds. */
    static final HttpLimits LIMITS = HttpLimits.DEFAULT.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3));
    static final String FORM = "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n";
    static final String LIST_USERS = "Action=ListUsers&Version=2010-05-08";

    @RegisterExtension
    static final SharedServers servers = new SharedServers(LIMITS);

    // --- HTTP framing ---

    @ParameterizedTest
    @EnumSource(Backend.class)
    void chunkSizesThatAreNotHexNumbersAreMalformedHttpAndCloseTheConnection(Backend backend) {
        TestServer server = servers.get(backend);
        for (String size : List.of("zz", "-5", "ffffffffffffffffffff", "", " ", "5 5", "0x5")) {
            RawHttp.Response response = RawHttp.exchange(port(server), post("Transfer-Encoding: chunked\r\n",
                    size + "\r\nabcde\r\n0\r\n\r\n"));
            assertRefused(response, 400, "MalformedHttpRequestException", "chunk size '" + size + "'");
            assertThat(response.header("Connection")).isEqualTo("close");
        }
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aChunkedBodyThatStopsHalfWayIsTimedOut(Backend backend) {
        TestServer server = servers.get(backend);
        RawHttp.Response response = RawHttp.exchange(port(server), post("Transfer-Encoding: chunked\r\n",
                "10\r\nAction=ListU"));
        assertTimedOut(response);
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void transferCodingsOtherThanChunkedAreMalformedHttp(Backend backend) {
        TestServer server = servers.get(backend);
        for (String coding : List.of("gzip, chunked", "chunked, chunked", "identity", "")) {
            RawHttp.Response response = RawHttp.exchange(port(server), post("Transfer-Encoding: " + coding + "\r\n",
                    "0\r\n\r\n"));
            assertRefused(response, 400, "MalformedHttpRequestException", "Transfer-Encoding '" + coding + "'");
        }
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void contentLengthsThatAreNegativeNotNumbersOrInConflictAreMalformedHttp(Backend backend) {
        TestServer server = servers.get(backend);
        for (String lengths : List.of("Content-Length: -1\r\n", "Content-Length: abc\r\n", "Content-Length: 1e3\r\n",
                "Content-Length: 99999999999999999999999\r\n", "Content-Length: 3\r\nContent-Length: 5\r\n",
                "Content-Length: 3, 5\r\n", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n")) {
            RawHttp.Response response = RawHttp.exchange(port(server), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + FORM
                    + lengths + "\r\nabcde");
            assertRefused(response, 400, "MalformedHttpRequestException", lengths);
        }
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBodyShorterThanItsContentLengthIsTimedOut(Backend backend) {
        TestServer server = servers.get(backend);
        RawHttp.Response response = RawHttp.exchange(port(server), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + FORM
                + "Content-Length: 100\r\n\r\n" + LIST_USERS);
        assertTimedOut(response);
        assertServing(server);
    }

    /** What follows the declared length is not the body but the next request, and is judged as one. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void bytesBeyondTheContentLengthAreTheNextRequest(Backend backend) throws IOException {
        TestServer server = servers.get(backend);
        try (Socket socket = RawHttp.open(port(server))) {
            RawHttp.send(socket, bytes("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + FORM + "Content-Length: "
                    + LIST_USERS.length() + "\r\n\r\n" + LIST_USERS + "&UserName=smuggled\r\n\r\n"));
            assertRefused(RawHttp.read(socket.getInputStream()), 403, "MissingAuthenticationToken", "the declared body");
            assertRefused(RawHttp.read(socket.getInputStream()), 400, "MalformedHttpRequestException", "the rest");
        }
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void requestLinesThatAreNotHttp11AreMalformedHttp(Backend backend) {
        TestServer server = servers.get(backend);
        for (String line : List.of("GET / HTTP/1.0", "GET / HTTP/2.0", "GET /", "GET  / HTTP/1.1", "\u0000\u0001 / HTTP/1.1",
                "G\u00e9T / HTTP/1.1", "GET /%zz HTTP/1.1", "GET /a\u0000b HTTP/1.1", "GET / HTTP/1.1 extra")) {
            RawHttp.Response response = RawHttp.exchange(port(server), line + "\r\nHost: 127.0.0.1\r\n\r\n");
            assertRefused(response, 400, "MalformedHttpRequestException", "request line '" + line + "'");
        }
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void headerLinesThatAreNotHttpAreMalformedHttp(Backend backend) {
        TestServer server = servers.get(backend);
        for (String header : List.of("Bad Name: x\r\n", "X-Control: a\u0001b\r\n", "X-Nul: a\u0000b\r\n",
                "NoColon\r\n", "X-Bare-Line-Feed: x\nX-Other: y\r\n", "Host: a b c:zz\r\n",
                "Host: one\r\nHost: two\r\n")) {
            RawHttp.Response response = RawHttp.exchange(port(server), "GET /?" + LIST_USERS + " HTTP/1.1\r\n"
                    + (header.startsWith("Host") ? "" : "Host: 127.0.0.1\r\n") + header + "\r\n");
            assertRefused(response, 400, "MalformedHttpRequestException", "header " + header.strip());
        }
        assertServing(server);
    }

    /** A binary stream that never ends a line cannot be answered in HTTP: the connection is closed when idle. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void binaryGarbageWithoutALineEndIsClosedWhenIdle(Backend backend) {
        TestServer server = servers.get(backend);
        byte[] garbage = new byte[512];
        new Random(7).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == '\r' || garbage[i] == '\n') {
                garbage[i] = 0x16;
            }
        }
        assertThat(RawHttp.exchange(port(server), garbage).closedWithoutAnswer()).isTrue();
        assertServing(server);
    }

    // --- sizes ---

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aHundredKilobyteUrlIsTooLarge(Backend backend) {
        TestServer server = servers.get(backend);
        RawHttp.Response response = RawHttp.exchange(port(server), "GET /?" + LIST_USERS + "&Marker="
                + "a".repeat(100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertRefused(response, 413, "RequestEntityTooLarge", "100 KB URL");
        assertThat(AwsErrorDocument.parse(response.body()).message()).isEqualTo("The request line exceeds 16384 bytes.");
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aHundredKilobyteHeaderAndTenThousandHeadersAreRefused(Backend backend) {
        TestServer server = servers.get(backend);
        RawHttp.Response oneLarge = RawHttp.exchange(port(server), "GET /?" + LIST_USERS + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nX-Large: " + "a".repeat(100_000) + "\r\n\r\n");
        assertRefused(oneLarge, 400, "MalformedHttpRequestException", "100 KB header");
        RawHttp.Response many = RawHttp.exchange(port(server), "GET /?" + LIST_USERS + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n" + "X-Many: a\r\n".repeat(10_000) + "\r\n");
        assertRefused(many, 400, "MalformedHttpRequestException", "10,000 headers");
        assertServing(server);
    }

    /** Up to the size limit, any number of headers is only read: the request is answered as it deserves. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void thousandsOfHeadersWithinTheSizeLimitAreReadAndTheRequestAnswered(Backend backend) {
        TestServer server = servers.get(backend);
        RawHttp.Response response = RawHttp.exchange(port(server), "GET /?" + LIST_USERS + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n" + "X-Many: a\r\n".repeat(5_000) + "\r\n");
        assertRefused(response, 403, "MissingAuthenticationToken", "5,000 headers");
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBodyOverOneMebibyteIsTooLargeAndTheConnectionStaysUsable(Backend backend) throws IOException {
        TestServer server = servers.get(backend);
        String body = LIST_USERS + "&Marker=" + "a".repeat(1_500_000);
        try (Socket socket = RawHttp.open(port(server))) {
            RawHttp.send(socket, bytes("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + FORM + "Content-Length: "
                    + body.length() + "\r\n\r\n" + body));
            RawHttp.Response refused = RawHttp.read(socket.getInputStream());
            assertRefused(refused, 413, "RequestEntityTooLarge", "1.5 MB body");
            assertThat(AwsErrorDocument.parse(refused.body()).message())
                    .isEqualTo("The request body exceeds 1048576 bytes.");
            RawHttp.send(socket, bytes("GET /?" + LIST_USERS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            assertRefused(RawHttp.read(socket.getInputStream()), 403, "MissingAuthenticationToken",
                    "the next request on the connection");
        }
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aChunkedBodyOverOneMebibyteIsTooLarge(Backend backend) {
        TestServer server = servers.get(backend);
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            chunks.append("2710\r\n").append("a".repeat(10_000)).append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        assertRefused(RawHttp.exchange(port(server), post("Transfer-Encoding: chunked\r\n", chunks.toString())), 413,
                "RequestEntityTooLarge", "2 MB chunked body");
        assertServing(server);
    }

    /** A body so large that the server will not even read it away is refused as soon as its length is known. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBodyDeclaredFarOverTheLimitIsRefusedUnread(Backend backend) {
        TestServer server = servers.get(backend);
        RawHttp.Response response = RawHttp.exchange(port(server), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + FORM
                + "Content-Length: 1000000000\r\n\r\n" + LIST_USERS);
        assertRefused(response, 413, "RequestEntityTooLarge", "1 GB declared body");
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aHundredThousandParametersAreRefused(Backend backend) {
        TestServer server = servers.get(backend);
        StringBuilder body = new StringBuilder(LIST_USERS);
        for (int i = 0; i < 100_000; i++) {
            body.append("&p").append(i).append("=1");
        }
        assertRefused(RawHttp.exchange(port(server), post("Content-Length: " + body.length() + "\r\n", body.toString())),
                400, "MalformedQueryString", "100,000 form parameters");
        assertRefused(RawHttp.exchange(port(server), "GET /?" + LIST_USERS + "&a=1".repeat(2_000)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 400, "MalformedQueryString", "2,000 query parameters");
        assertServing(server);
    }

    // --- encodings ---

    @ParameterizedTest
    @EnumSource(Backend.class)
    void brokenPercentEncodingInTheQueryOrTheFormIsMalformedQueryString(Backend backend) {
        TestServer server = servers.get(backend);
        for (String broken : List.of("%zz", "%", "%4", "%C3%28", "%E2%82", "%ED%A0%80", "%FF", "%C0%AF")) {
            String parameters = "Action=ListUsers&Version=2010-05-08&UserName=a" + broken;
            assertRefused(RawHttp.exchange(port(server), "GET /?" + parameters + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                    400, "MalformedQueryString", "query with " + broken);
            assertRefused(RawHttp.exchange(port(server), post("Content-Length: " + parameters.length() + "\r\n",
                    parameters)), 400, "MalformedQueryString", "form with " + broken);
        }
        assertServing(server);
    }

    /** Bytes that are not UTF-8, sent raw rather than escaped, cannot make a name: the request is refused. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void rawBytesThatAreNotUtf8InTheFormAreRefused(Backend backend) {
        TestServer server = servers.get(backend);
        byte[] head = bytes("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + FORM);
        byte[] body = "Action=CreateUser&Version=2010-05-08&UserName=a\u00ff\u00fe\u0080b"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = concat(head, bytes("Content-Length: " + body.length + "\r\n\r\n"), body);
        RawHttp.Response response = RawHttp.exchange(port(server), request);
        assertThat(response.status()).isBetween(400, 499);
        AwsErrorDocument.parse(response.body());
        assertServing(server);
    }

    // --- signatures ---

    @ParameterizedTest
    @EnumSource(Backend.class)
    void garbageAuthorizationHeadersAreRefusedWithSignatureErrors(Backend backend) {
        TestServer server = servers.get(backend);
        Random random = new Random(42);
        List<String> garbage = new ArrayList<>(List.of(
                "AWS4-HMAC-SHA256",
                "AWS4-HMAC-SHA256 Credential=" + TestServer.ROOT_KEY_ID,
                "AWS4-HMAC-SHA256 Credential=a/b/c, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=" + "A".repeat(64 * 1024 - 100) + ", SignedHeaders=host, Signature=0",
                "AWS4-HMAC-SHA256 Credential=" + TestServer.ROOT_KEY_ID + "/20240101/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=" + "x-a;".repeat(2_000) + "host, Signature=" + "0".repeat(64),
                "AWS4-HMAC-SHA256 ,,,,,,, ===,= ,",
                "Basic dXNlcjpwYXNz",
                "AWS4-"));
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[1 + random.nextInt(300)];
            random.nextBytes(bytes);
            garbage.add(new String(bytes, StandardCharsets.ISO_8859_1).replace('\r', ' ').replace('\n', ' '));
            garbage.add("AWS4-HMAC-SHA256 " + new String(bytes, StandardCharsets.ISO_8859_1).replace('\r', ' ')
                    .replace('\n', ' '));
        }
        for (String authorization : garbage) {
            byte[] request = concat(bytes("GET /?" + LIST_USERS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Amz-Date: 20240101T000000Z\r\nAuthorization: "), authorization.getBytes(StandardCharsets.ISO_8859_1),
                    bytes("\r\n\r\n"));
            RawHttp.Response response = RawHttp.exchange(port(server), request);
            assertThat(response.status()).as("Authorization %s", printable(authorization)).isBetween(400, 499);
            AwsErrorDocument refused = AwsErrorDocument.parse(response.body());
            assertThat(refused.type()).isEqualTo("Sender");
            assertThat(refused.code()).isIn("MalformedHttpRequestException", "MissingAuthenticationToken",
                    "IncompleteSignature", "SignatureDoesNotMatch", "InvalidClientTokenId", "RequestEntityTooLarge");
        }
        assertServing(server);
    }

    // --- policies and names ---

    @ParameterizedTest
    @EnumSource(Backend.class)
    void policiesNestedTenThousandDeepOrNotJsonAreMalformedPolicyDocuments(Backend backend) {
        TestServer server = servers.get(backend);
        for (String document : List.of("[".repeat(10_000), "{\"a\":".repeat(10_000), "[".repeat(10_000)
                + "]".repeat(10_000), "not json", "", "\u0000", "{\"Version\":\"2012-10-17\",\"Statement\":[" + "{}"
                + "]}{", "{\"Version\":\"2012-10-17\"," + "\"Statement\":{\"Effect\":\"Allow\"".repeat(3) + "}}")) {
            RawHttp.Response response = signed(server, "Action=CreatePolicy&Version=2010-05-08&PolicyName="
                    + IamFixtures.unique("hostile") + "&PolicyDocument=" + encode(document));
            assertThat(response.status()).as("policy %.40s", document).isBetween(400, 499);
            assertThat(AwsErrorDocument.parse(response.body()).code()).as("policy %.40s", document)
                    .isIn("MalformedPolicyDocument", "ValidationError");
        }
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTenMegabytePolicyIsTooLarge(Backend backend) {
        TestServer server = servers.get(backend);
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"" + "a".repeat(10_000_000) + "\"}]}";
        RawHttp.Response response = signed(server, "Action=CreatePolicy&Version=2010-05-08&PolicyName="
                + IamFixtures.unique("huge") + "&PolicyDocument=" + encode(document));
        assertRefused(response, 413, "RequestEntityTooLarge", "10 MB policy");
        assertServing(server);
    }

    /** Just under the body limit, a policy is still far over IAM's document limit. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPolicyOfHalfAMegabyteFailsValidation(Backend backend) {
        TestServer server = servers.get(backend);
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"" + "a".repeat(500_000) + "\"}]}";
        RawHttp.Response response = signed(server, "Action=CreatePolicy&Version=2010-05-08&PolicyName="
                + IamFixtures.unique("large") + "&PolicyDocument=" + encode(document));
        assertRefused(response, 400, "ValidationError", "500 KB policy");
        assertServing(server);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void userNamesWithControlCharactersAreValidationErrors(Backend backend) {
        TestServer server = servers.get(backend);
        for (String name : List.of("a\u0000b", "a\nb", "a\r\nX-Injected: yes", "\u0007", "a\u007fb", "\u0000".repeat(64),
                "tab\there", "a\u2028b", "\uFEFFa")) {
            RawHttp.Response response = signed(server, "Action=CreateUser&Version=2010-05-08&UserName=" + encode(name));
            assertRefused(response, 400, "ValidationError", "user name " + printable(name));
            assertThat(response.headers()).doesNotContainKey("x-injected");
            RawHttp.Response lookup = signed(server, "Action=GetUser&Version=2010-05-08&UserName=" + encode(name));
            assertRefused(lookup, 400, "ValidationError", "GetUser " + printable(name));
        }
        assertServing(server);
    }

    // --- slow clients ---

    /**
     * Fifty clients trickle their requests one byte a second (some from the first byte, some after the request line,
     * some after the headers): an SDK client is served meanwhile, and each trickler is answered
     * {@code RequestTimeoutException} or disconnected once the configured timeout has passed; none is ever served.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void slowClientsAreCutOffAfterTheRequestTimeoutWhileOthersAreServed(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String body = LIST_USERS + "&Marker=" + "a".repeat(200);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        String headers = FORM + "X-Padding: " + "p".repeat(200) + "\r\nContent-Length: " + body.length() + "\r\n\r\n";
        List<String> sentAtOnce = List.of("", head, head + headers);
        List<CompletableFuture<RawHttp.Response>> tricklers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                String prefix = sentAtOnce.get(i % sentAtOnce.size());
                String rest = (head + headers + body).substring(prefix.length());
                tricklers.add(CompletableFuture.supplyAsync(() -> trickle(port(server), prefix, rest), threads));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(server.sts(TestServer.root()).getCallerIdentity().account()).isEqualTo(TestServer.ACCOUNT);
                assertThat(server.iam().listUsers().isTruncated()).isFalse();
            }
            for (CompletableFuture<RawHttp.Response> trickler : tricklers) {
                RawHttp.Response response = trickler.get();
                if (!response.closedWithoutAnswer()) {
                    assertTimedOut(response);
                }
            }
        }
        assertServing(server);
    }

    /** Sends the prefix, then the rest one byte a second until the server answers or closes; reads the answer. */
    private static RawHttp.Response trickle(int port, String prefix, String rest) {
        try (Socket socket = RawHttp.open(port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(bytes(prefix));
            out.flush();
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < rest.length(); i++) {
                        out.write(rest.charAt(i));
                        out.flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection, as it should
                }
            });
            return RawHttp.read(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- helpers ---

    private static int port(TestServer server) {
        return server.server().port();
    }

    private static String post(String framing, String body) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + FORM + framing + "\r\n" + body;
    }

    /** A Query API form, signed by the root user, sent over a plain socket. */
    private static RawHttp.Response signed(TestServer server, String form) {
        return RawHttp.exchange(port(server), SignedRequests.postForm(port(server), "iam", TestServer.root(), form)
                .bytes());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The refusal expected: the status, an AWS error document of the client's fault with the code, nothing internal. */
    static void assertRefused(RawHttp.Response response, int status, String code, String what) {
        assertThat(response.status()).as("status for %s: %s", what, response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type for %s", what).isEqualTo("text/xml");
        AwsErrorDocument error = AwsErrorDocument.parse(response.body());
        assertThat(error.type()).as("fault for %s", what).isEqualTo("Sender");
        assertThat(error.code()).as("code for %s: %s", what, error.message()).isEqualTo(code);
        assertThat(response.header("x-amzn-RequestId")).as("request id header for %s", what).isEqualTo(error.requestId());
    }

    private static void assertTimedOut(RawHttp.Response response) {
        assertRefused(response, 408, "RequestTimeoutException", "a request that stopped arriving");
        assertThat(response.header("Connection")).isEqualTo("close");
    }

    /** Another client, with a real SDK, is served. */
    private static void assertServing(TestServer server) {
        assertThat(server.sts(TestServer.root()).getCallerIdentity().account()).isEqualTo(TestServer.ACCOUNT);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(60).forEach(c -> out.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
