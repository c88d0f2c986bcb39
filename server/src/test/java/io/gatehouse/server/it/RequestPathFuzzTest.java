package io.gatehouse.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.api.ApiRequest;
import io.gatehouse.server.api.ApiResponse;
import io.gatehouse.server.http.HttpLimits;
import io.gatehouse.server.store.Backend;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.gatehouse.server.fuzz.TextMutator;
import java.util.Random;
import java.util.regex.Matcher;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * A seeded mutation fuzzer of the request path. It takes validly signed requests of several operations, mutates their
 * parameters, policy documents, encoding, headers, bytes and signatures, and sends them through {@code Api.handle}
 * (thousands of cases) and some over a socket. Whatever arrives, the answer is a success or an AWS error document of
 * the client's fault: never a 5xx, never an exception, never the server's insides.
 *
 * <p>A failure names its seed and round; {@code -Dgatehouse.fuzz.seed=N} replays or explores another seed.
 */
@Timeout(300)
class RequestPathFuzzTest {

    static final long SEED = Long.getLong("gatehouse.fuzz.seed", 0x6a7e_4f55L);
    static final int ROUNDS = 3_000;
    /** Every so many rounds, the request also goes over a socket. */
    static final int SOCKET_EVERY = 20;

    static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"A1","Effect":"Allow","Action":["iam:Get*","s3:GetObject"],\
            "Resource":"arn:aws:s3:::bucket/*","Condition":{"StringEquals":{"aws:username":"${aws:username}"},\
            "NumericLessThan":{"s3:max-keys":"10"}}},{"Effect":"Deny","NotAction":"iam:*","NotResource":"*"}]}""";
    static final String[] ATOMS = {
        "", "a", "-1", "0", "1", "1000", "1001", "99999999999999999999999", "1e3", "NaN", "true", "/", "//", "/a/",
        "*", "?", "%", "%zz", "%00", "&", "=", "+", " ", "\u0000", "\n", "\r\n", "\t", "\u0007", "\u007f", "é", "ሴ",
        "\uD800", "\uDC00", "😀", "\uFFFF", "\uFEFF", "<", ">", "&amp;", "<![CDATA[", "]]>", "\"", "'", "\\", "{", "}",
        "[", "]", ":", ",", "arn:aws:iam::123456789012:user/x", "arn:aws:iam::aws:policy/ReadOnlyAccess", "${aws:username}",
        "2012-10-17", "Allow", "Deny", "Statement", "member", ".member.1", ".member.0", ".member.-1",
        ".member.99999999999", ".entry.1.key", "Tags", "x".repeat(129), "y".repeat(4096), "z".repeat(70_000)};
    private static final TextMutator TEXT = new TextMutator(ATOMS);
    static final String[] ACTIONS = {"ListUsers", "CreateUser", "GetUser", "DeleteUser", "CreateGroup",
        "AddUserToGroup", "CreatePolicy", "CreatePolicyVersion", "PutUserPolicy", "GetUserPolicy", "CreateRole",
        "UpdateAssumeRolePolicy", "TagUser", "ListPolicies", "ListAttachedUserPolicies", "AttachUserPolicy",
        "CreateAccessKey", "ListAccessKeys", "GetCallerIdentity", "ListUserTags", "Nope", ""};

    @RegisterExtension
    static final SharedServers servers = new SharedServers(HttpLimits.DEFAULT.withTimeouts(Duration.ofSeconds(3),
            Duration.ofSeconds(3)));

    /** One request to mutate: its service, method and parameters in order. */
    record Seed(String service, boolean post, List<Map.Entry<String, String>> parameters) {
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mutatedRequestsAreAnsweredWithSuccessOrAnAwsErrorOfTheClientsFault(Backend backend) {
        TestServer server = servers.get(backend);
        server.iam().createUser(r -> r.userName("fuzz-base"));
        Random random = new Random(SEED + backend.ordinal());
        int port = server.server().port();
        for (int round = 0; round < ROUNDS; round++) {
            String described = "";
            try {
                Seed seed = seed(random, round);
                List<Map.Entry<String, String>> parameters = mutateParameters(seed.parameters(), random);
                String form = encode(parameters);
                SignedRequests.Signed signed = SignedRequests.sign(port, seed.post() ? SdkHttpMethod.POST
                                : SdkHttpMethod.GET, random.nextInt(10) == 0 ? "sts" : seed.service(),
                        TestServer.root(), seed.post() ? "/" : "/?" + form, seed.post() ? form : null,
                        java.time.Clock.systemUTC());
                Wire wire = mutateWire(Wire.of(signed), random);
                described = wire.describe();
                ApiResponse response = server.server().api().handle(wire.apiRequest());
                check(response.status(), response.body());
                if (round % SOCKET_EVERY == 0) {
                    RawHttp.Response overSocket = RawHttp.exchange(port, wire.http());
                    assertThat(overSocket.closedWithoutAnswer()).as("answered over the socket").isFalse();
                    check(overSocket.status(), overSocket.body());
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("round " + round + " of seed " + SEED + " (backend " + backend + "): "
                        + e.getMessage() + "\nrequest: " + described, e);
            }
        }
        assertThat(server.sts(TestServer.root()).getCallerIdentity().account()).isEqualTo(TestServer.ACCOUNT);
    }

    /** A success is a well-formed XML document; anything else an AWS error document of the client's fault. */
    private static void check(int status, byte[] body) {
        assertThat(status).as("status").isBetween(200, 499);
        if (status == 200) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            } catch (Exception e) {
                throw new AssertionError("a success that is not XML: " + new String(body, StandardCharsets.UTF_8), e);
            }
            return;
        }
        AwsErrorDocument error = AwsErrorDocument.parse(body);
        assertThat(error.type()).as("fault of %s", error.code()).isEqualTo("Sender");
    }

    // --- valid requests ---

    private static Seed seed(Random random, int round) {
        String user = "fuzz-" + round;
        return switch (random.nextInt(12)) {
            case 0 -> iam(false, "ListUsers", "PathPrefix", "/", "MaxItems", "10");
            case 1 -> iam(true, "CreateUser", "UserName", user, "Path", "/fuzz/", "Tags.member.1.Key", "team",
                    "Tags.member.1.Value", "blue", "PermissionsBoundary", "arn:aws:iam::aws:policy/ReadOnlyAccess");
            case 2 -> iam(true, "GetUser", "UserName", "fuzz-base");
            case 3 -> iam(true, "CreatePolicy", "PolicyName", "p-" + round, "Path", "/fuzz/", "Description", "d",
                    "PolicyDocument", POLICY);
            case 4 -> iam(true, "PutUserPolicy", "UserName", "fuzz-base", "PolicyName", "inline-" + (round % 5),
                    "PolicyDocument", POLICY);
            case 5 -> iam(true, "CreateRole", "RoleName", "r-" + round, "AssumeRolePolicyDocument", IamFixtures.TRUST,
                    "MaxSessionDuration", "3600");
            case 6 -> iam(true, "TagUser", "UserName", "fuzz-base", "Tags.member.1.Key", "k" + (round % 7),
                    "Tags.member.1.Value", "v", "Tags.member.2.Key", "other", "Tags.member.2.Value", "w");
            case 7 -> iam(false, "ListPolicies", "Scope", "Local", "OnlyAttached", "false", "MaxItems", "5",
                    "PolicyUsageFilter", "PermissionsPolicy");
            case 8 -> iam(true, "CreateGroup", "GroupName", "g-" + round, "Path", "/");
            case 9 -> iam(true, "AttachUserPolicy", "UserName", "fuzz-base", "PolicyArn",
                    "arn:aws:iam::aws:policy/ReadOnlyAccess");
            case 10 -> iam(false, "ListAccessKeys", "UserName", "fuzz-base");
            default -> new Seed("sts", true, entries("Action", "GetCallerIdentity", "Version", "2011-06-15"));
        };
    }

    private static Seed iam(boolean post, String action, String... parameters) {
        List<Map.Entry<String, String>> all = new ArrayList<>(entries("Action", action, "Version", "2010-05-08"));
        all.addAll(entries(parameters));
        return new Seed("iam", post, all);
    }

    private static List<Map.Entry<String, String>> entries(String... namesAndValues) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            entries.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return entries;
    }

    // --- mutations before signing: what an authenticated caller may send ---

    private static List<Map.Entry<String, String>> mutateParameters(List<Map.Entry<String, String>> parameters,
                                                                   Random random) {
        List<Map.Entry<String, String>> out = new ArrayList<>(parameters);
        // at least one: an unchanged write would only be another durable commit, which costs time and finds nothing
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(out.size());
            Map.Entry<String, String> chosen = out.get(at);
            switch (random.nextInt(9)) {
                case 0 -> out.set(at, Map.entry(chosen.getKey(), garbage(random, 4)));
                case 1 -> out.set(at, Map.entry(chosen.getKey(), mutate(chosen.getValue(), random)));
                case 2 -> out.remove(at);
                case 3 -> out.add(random.nextInt(out.size() + 1), Map.entry(chosen.getKey(), garbage(random, 2)));
                case 4 -> out.set(at, Map.entry(mutate(chosen.getKey(), random), chosen.getValue()));
                case 5 -> out.add(Map.entry(chosen.getKey().replaceAll("\\.\\d+\\.",
                        Matcher.quoteReplacement("." + garbage(random, 1) + ".")),
                        garbage(random, 2)));
                case 6 -> out.set(0, Map.entry("Action", ACTIONS[random.nextInt(ACTIONS.length)]));
                case 7 -> out.replaceAll(e -> e.getValue().startsWith("{")
                        ? Map.entry(e.getKey(), mutateJson(e.getValue(), random)) : e);
                default -> {
                    for (int i = 1 + random.nextInt(50); i > 0; i--) {
                        out.add(Map.entry("Tags.member." + (1 + random.nextInt(60)) + (random.nextBoolean() ? ".Key"
                                : ".Value"), garbage(random, 1)));
                    }
                }
            }
            if (out.isEmpty()) {
                out.add(Map.entry("Action", "ListUsers"));
            }
        }
        return out;
    }

    private static String mutateJson(String json, Random random) {
        StringBuilder out = new StringBuilder(json);
        int at = random.nextInt(out.length());
        switch (random.nextInt(6)) {
            case 0 -> out.insert(at, "[".repeat(1 + random.nextInt(5_000)));
            case 1 -> out.insert(at, "{\"a\":".repeat(1 + random.nextInt(2_000)));
            case 2 -> out.insert(at, "1" + "0".repeat(random.nextInt(400)));
            case 3 -> out.insert(at, "\\u0000\\ud800\"" + garbage(random, 3));
            case 4 -> out.setCharAt(at, (char) random.nextInt(128));
            default -> out.delete(at, Math.min(out.length(), at + random.nextInt(40)));
        }
        return out.toString();
    }

    // --- mutations after signing: what anybody may send ---

    /** A request as it travels: request line, header fields, body. */
    record Wire(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

        static Wire of(SignedRequests.Signed signed) {
            return new Wire(signed.method(), signed.target(), new ArrayList<>(signed.headers()), signed.body());
        }

        ApiRequest apiRequest() {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            headers.forEach(h -> fields.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
            int question = target.indexOf('?');
            return new ApiRequest(method, question < 0 ? target : target.substring(0, question),
                    question < 0 ? "" : target.substring(question + 1), fields, body, "127.0.0.1", false, Instant.now());
        }

        /** The HTTP/1.1 message: what cannot travel on a request line or in a field is blanked, the length fixed. */
        byte[] http() {
            StringBuilder head = new StringBuilder(safe(method).replace(' ', '_')).append(' ')
                    .append(safe(target).replace(' ', '+')).append(" HTTP/1.1\r\n");
            for (Map.Entry<String, String> header : headers) {
                if (!header.getKey().equalsIgnoreCase("Content-Length")) {
                    head.append(safe(header.getKey())).append(": ").append(safe(header.getValue())).append("\r\n");
                }
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[start.length + body.length];
            System.arraycopy(start, 0, all, 0, start.length);
            System.arraycopy(body, 0, all, start.length, body.length);
            return all;
        }

        private static String safe(String text) {
            return text.replace('\r', ' ').replace('\n', ' ');
        }

        String describe() {
            String text = method + " " + target + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
            return text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
        }
    }

    private static Wire mutateWire(Wire wire, Random random) {
        if (random.nextInt(3) != 0) {
            return wire;
        }
        String method = wire.method();
        String target = wire.target();
        List<Map.Entry<String, String>> headers = new ArrayList<>(wire.headers());
        byte[] body = wire.body();
        switch (random.nextInt(7)) {
            case 0 -> method = random.nextBoolean() ? mutate(method, random) : random.nextBoolean() ? "PUT" : "GET";
            case 1 -> target = mutate(target, random);
            case 2 -> body = mutate(new String(body, StandardCharsets.UTF_8), random).getBytes(StandardCharsets.UTF_8);
            case 3 -> {
                int at = random.nextInt(headers.size());
                headers.set(at, Map.entry(headers.get(at).getKey(), mutate(headers.get(at).getValue(), random)));
            }
            case 4 -> headers.remove(random.nextInt(headers.size()));
            case 5 -> headers.add(Map.entry(random.nextBoolean() ? "Authorization" : "X-Amz-Date", garbage(random, 6)));
            default -> {
                byte[] flipped = body.clone();
                if (flipped.length > 0) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                body = flipped;
            }
        }
        return new Wire(method, target, headers, body);
    }

    // --- text ---

    private static String encode(List<Map.Entry<String, String>> parameters) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> parameter : parameters) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static String garbage(Random random, int maxAtoms) {
        return TEXT.garbage(random, maxAtoms);
    }

    static String mutate(String text, Random random) {
        return TEXT.mutate(text, random);
    }
}
