package io.gatehouse.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.Gatehouse;
import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.crypto.PasswordHashing;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.state.User;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code gatehouse login} against a running server: it reads the password from standard input, writes the session's
 * credentials as a profile of the shared credentials file that the SDK then signs with, keeps the file's other
 * profiles, prints export lines with {@code --print}, and refuses a wrong password in the server's words. The root
 * user's sign-in comes from {@code gatehouse accounts create --root-email} and {@code accounts set-root-password}.
 */
class LoginCommandTest {

    private static final String ACCOUNT = ServerOptions.DEFAULT_ACCOUNT;
    private static final String PASSWORD = "Correct-Horse-9";
    private static final Map<String, String> SERVER_ENVIRONMENT = Map.of(
            "GATEHOUSE_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));

    @TempDir
    Path directory;
    private GatehouseServer server;
    private Path credentials;

    @BeforeEach
    void serve() throws Exception {
        server = start();
        PasswordHasher hasher = new PasswordHasher(PasswordHashing.DEFAULT);
        server.state().apply(m -> {
            Instant now = Instant.now();
            m.putUser(ACCOUNT, new User("alice", "AIDAALICE00000000001", "/", now, null, List.of(), List.of(), List.of(),
                    List.of(), null));
            m.putLoginProfile(ACCOUNT, LoginProfile.create("alice", hasher.hash(PASSWORD), false, now));
            return null;
        });
        credentials = directory.resolve("aws").resolve("credentials");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "[default]\naws_access_key_id = AKIAKEEPME0000000001\n"
                + "aws_secret_access_key = keep/me\n\n[gatehouse]\naws_access_key_id = OLD\n");
    }

    private GatehouseServer start() {
        return GatehouseServer.start(new ServerOptions("127.0.0.1", 0, directory.resolve("data"), null, ACCOUNT, false,
                null), SERVER_ENVIRONMENT, new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Run(int status, String out, String err) {}

    private Run run(String stdin, Map<String, String> more, String... args) {
        Map<String, String> environment = new HashMap<>(SERVER_ENVIRONMENT);
        environment.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        environment.putAll(more);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Gatehouse.commandLine(environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The ARN the SDK signs in as with a profile of the credentials file. */
    private String callerArn(String profile) {
        ProfileFile file = ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build();
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(ProfileCredentialsProvider.builder().profileFile(file).profileName(profile).build())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Test
    void writesAProfileTheSdkSignsWithAndKeepsTheOthers() throws Exception {
        Run run = run(PASSWORD + "\n", Map.of(), "login", "--endpoint", endpoint(), "--account", ACCOUNT,
                "--user", "alice", "--password-stdin");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("arn:aws:iam::" + ACCOUNT + ":user/alice").contains("profile gatehouse")
                .doesNotContain(PASSWORD);
        String text = Files.readString(credentials);
        assertThat(text).contains("[default]\naws_access_key_id = AKIAKEEPME0000000001\naws_secret_access_key = keep/me")
                .doesNotContain("OLD").contains("aws_session_token = ");
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(callerArn("gatehouse")).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/alice");
    }

    @Test
    void asksForWhatIsNotGivenAndPrintsExportLines() {
        Run run = run(ACCOUNT + "\nalice\n" + PASSWORD + "\n", Map.of(), "login", "--endpoint", endpoint(),
                "--password-stdin", "--print");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("export AWS_ACCESS_KEY_ID=ASIA\\w{16}\n")
                .contains("export AWS_SECRET_ACCESS_KEY=").contains("export AWS_SESSION_TOKEN=");
    }

    @Test
    void aWrongPasswordIsRefusedInTheServersWords() throws Exception {
        String before = Files.readString(credentials);
        Run run = run("Wrong-Horse-9\n", Map.of(), "login", "--endpoint", endpoint(), "--account", ACCOUNT,
                "--user", "alice", "--password-stdin");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("gatehouse login: Your authentication information is incorrect. Please try "
                + "again.\n");
        assertThat(Files.readString(credentials)).isEqualTo(before);
    }

    @Test
    void theRootUserOfANewAccountSignsInByEmail() {
        server.close();
        Run created = run("", Map.of("GATEHOUSE_ROOT_PASSWORD", PASSWORD), "accounts", "create", "--account-id",
                "210987654321", "--root-email", "root@example.com", "--data-dir", directory.resolve("data").toString());
        assertThat(created.status()).as(created.err()).isZero();
        assertThat(created.out()).contains("signs in to the console as root@example.com").doesNotContain(PASSWORD);
        Run taken = run("", Map.of("GATEHOUSE_ROOT_PASSWORD", PASSWORD), "accounts", "create", "--root-email",
                "ROOT@example.com", "--data-dir", directory.resolve("data").toString());
        assertThat(taken.status()).isEqualTo(1);
        assertThat(taken.err()).contains("another account signs in with ROOT@example.com");
        String renewed = "Renewed-Passw0rd";
        Run set = run(renewed + "\n", Map.of(), "accounts", "set-root-password", "--account-id", "210987654321",
                "--password-stdin", "--data-dir", directory.resolve("data").toString());
        assertThat(set.status()).as(set.err()).isZero();
        Run weak = run("weak\n", Map.of(), "accounts", "set-root-password", "--account-id", "210987654321",
                "--password-stdin", "--data-dir", directory.resolve("data").toString());
        assertThat(weak.status()).isEqualTo(1);
        assertThat(weak.err()).contains("the root password must be 8 to 128 characters").doesNotContain("weak\n");
        server = start();

        assertThat(run(PASSWORD + "\n", Map.of(), "login", "--endpoint", endpoint(), "--email", "root@example.com",
                "--password-stdin", "--profile", "root").status()).isEqualTo(1);
        Run login = run(renewed + "\n", Map.of(), "login", "--endpoint", endpoint(), "--email", "root@example.com",
                "--password-stdin", "--profile", "root");
        assertThat(login.status()).as(login.err()).isZero();
        assertThat(callerArn("root")).isEqualTo("arn:aws:iam::210987654321:root");
    }
}
