package io.gatehouse.app.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.app.SecretInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse login}: signs in to a Gatehouse server with a password as the console does ({@code POST /signin}),
 * asking for an MFA code and a new password when the server asks for them, and stores the console session's temporary
 * credentials as an AWS CLI profile, or prints them as {@code export} lines.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in with a password (and MFA code) and store the session's temporary credentials as an AWS "
                + "CLI profile in the shared credentials file (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials), "
                + "keeping its other profiles.",
                "Exit status: 0 signed in, 1 refused, 2 usage error."})
public final class LoginCommand implements Callable<Integer> {

    static final int REFUSED = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL", required = true,
            description = "The Gatehouse server, e.g. http://127.0.0.1:4566.")
    URI endpoint;

    @Option(names = "--account", paramLabel = "ID-OR-ALIAS", description = "The IAM user's account (asked when left out).")
    String account;

    @Option(names = "--user", paramLabel = "NAME", description = "The IAM user's name (asked when left out).")
    String user;

    @Option(names = "--email", paramLabel = "EMAIL", description = "Sign in as the account's root user by its email.")
    String email;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "gatehouse",
            description = "The profile to write (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--print", description = "Print export lines for a shell instead of writing a profile.")
    boolean print;

    @Option(names = "--password-stdin",
            description = "Read what would be asked at the terminal from standard input, one line each: the account "
                    + "and user when not given, the password, then the MFA code and new password if asked for.")
    boolean passwordStdin;

    public LoginCommand(Map<String, String> environment, InputStream stdin) {
        this.environment = environment;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        SecretInput input = new SecretInput(stdin, System.console(), passwordStdin);
        ObjectNode request = JSON.createObjectNode();
        try {
            if (email != null) {
                request.put("email", email);
            } else {
                request.put("account", account != null ? account : input.plain("Account"));
                request.put("userName", user != null ? user : input.plain("User name"));
            }
            request.put("password", input.secret("Password"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            JsonNode answer = null;
            for (int step = 0; step < 3; step++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/signin"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("User-Agent", "gatehouse-login/0.1.0")
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode body = JSON.readTree(response.body());
                String error = body.path("error").asText("");
                if (response.statusCode() == 200) {
                    answer = body;
                    break;
                } else if (response.statusCode() == 401 && error.equals("MfaRequired")) {
                    request.put("mfaCode", input.plain("MFA code"));
                } else if (response.statusCode() == 403 && error.equals("PasswordChangeRequired")) {
                    spec.commandLine().getErr().println(body.path("message").asText());
                    request.put("newPassword", input.secret("New password"));
                } else {
                    return refuse(body.path("message").asText("the server answered " + response.statusCode())
                            + (response.headers().firstValue("Retry-After").map(s -> " (retry after " + s + " s)")
                            .orElse("")));
                }
            }
            if (answer == null) {
                return refuse("the server kept asking for more");
            }
            return store(answer);
        } catch (IllegalStateException cannotAsk) {
            return refuse(cannotAsk.getMessage());
        } catch (IOException unreachable) {
            return refuse("cannot reach " + endpoint + ": " + unreachable.getMessage());
        }
    }

    private int store(JsonNode answer) throws IOException {
        JsonNode credentials = answer.get("credentials");
        PrintWriter out = spec.commandLine().getOut();
        String keyId = credentials.get("accessKeyId").asText();
        String secret = credentials.get("secretAccessKey").asText();
        String token = credentials.get("sessionToken").asText();
        if (print) {
            out.println("export AWS_ACCESS_KEY_ID=" + keyId);
            out.println("export AWS_SECRET_ACCESS_KEY=" + secret);
            out.println("export AWS_SESSION_TOKEN=" + token);
        } else {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("aws_access_key_id", keyId);
            settings.put("aws_secret_access_key", secret);
            settings.put("aws_session_token", token);
            Path file = CredentialsFile.location(environment);
            CredentialsFile.write(file, profile, settings);
            out.println("Signed in as " + answer.get("arn").asText() + " until "
                    + credentials.get("expiration").asText() + "; profile " + profile + " in " + file + ".");
            out.println("Use it with: aws --profile " + profile + " --endpoint-url " + endpoint + " ...");
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private int refuse(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("gatehouse login: " + message);
        err.flush();
        return REFUSED;
    }
}
