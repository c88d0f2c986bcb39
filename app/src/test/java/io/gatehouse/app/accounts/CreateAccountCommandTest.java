package io.gatehouse.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.app.Gatehouse;
import io.gatehouse.server.GatehouseData;
import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.store.Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * {@code gatehouse accounts create} as an operator runs it beside a server: the account it adds signs in once the
 * server restarts, and it refuses, saying what is wrong and how to fix it, an id that is taken or malformed and data
 * that is not there.
 */
class CreateAccountCommandTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "GATEHOUSE_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    private static final String DEFAULT_ACCOUNT = ServerOptions.DEFAULT_ACCOUNT;
    private static final Pattern KEY = Pattern.compile(
            "Gatehouse created account (\\d{12})\\. .*\\n  aws_access_key_id     = (AKIA\\w{16})\\n"
                    + "  aws_secret_access_key = (\\S{40})\\n");

    @TempDir
    Path directory;

    private record Run(int status, String out, String err) {

        /** The account and root key a successful run printed. */
        Created created() {
            Matcher matcher = KEY.matcher(out.replace("\r\n", "\n"));
            assertThat(matcher.find()).as(out).isTrue();
            return new Created(matcher.group(1), matcher.group(2), matcher.group(3));
        }
    }

    private record Created(String accountId, String keyId, String secret) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Gatehouse.commandLine(ENVIRONMENT);
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private GatehouseServer serve(String jdbcUrl) {
        return GatehouseServer.start(new ServerOptions("127.0.0.1", 0, directory, jdbcUrl, DEFAULT_ACCOUNT, false, null),
                ENVIRONMENT, new PrintStream(new ByteArrayOutputStream()));
    }

    /** The account the credentials sign in as, by STS GetCallerIdentity. */
    private static String callerAccount(GatehouseServer server, Created created) {
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(created.keyId(), created.secret())))
                .build()) {
            return sts.getCallerIdentity().account();
        }
    }

    @Test
    void aNewAccountSignsInOnceTheServerRunningBesideItRestarts() throws Exception {
        Created created;
        try (GatehouseServer running = serve(null)) {
            Run run = run("accounts", "create", "--data-dir", directory.toString(), "--account-id", "210987654321");
            assertThat(run.status()).as(run.err()).isZero();
            created = run.created();
            assertThat(created.accountId()).isEqualTo("210987654321");
            assertThat(run.out()).contains("A server already running on this data sees the account after it restarts.");
            assertThat(Files.readString(directory.resolve("root-credentials")))
                    .as("the default account's credentials file is left alone").doesNotContain(created.keyId());

            StsException unknown = catchThrowableOfType(StsException.class, () -> callerAccount(running, created));
            assertThat(unknown.awsErrorDetails().errorCode()).as("not before a restart").isEqualTo("InvalidClientTokenId");
        }
        try (GatehouseServer restarted = serve(null)) {
            assertThat(callerAccount(restarted, created)).isEqualTo("210987654321");
            assertThat(restarted.state().current().accounts().keySet()).containsExactlyInAnyOrder(DEFAULT_ACCOUNT,
                    "210987654321");
        }
    }

    @Test
    void withoutAnIdTheAccountGetsARandomUnusedOne() {
        serve(null).close();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Run run = run("accounts", "create", "--data-dir", directory.toString());
            assertThat(run.status()).as(run.err()).isZero();
            ids.add(run.created().accountId());
        }
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(DEFAULT_ACCOUNT);
        try (GatehouseData data = GatehouseData.openExisting(directory, null, null, ENVIRONMENT)) {
            assertThat(data.state().current().accounts().keySet()).containsAll(ids);
            assertThat(data.state().current().account(ids.getFirst()).accessKeysOf("")).hasSize(1);
        }
    }

    @Test
    void anIdThatIsTakenOrMalformedIsRefusedWithHowToFixIt() {
        serve(null).close();
        Run taken = run("accounts", "create", "--data-dir", directory.toString(), "--account-id", DEFAULT_ACCOUNT);
        assertThat(taken.status()).isEqualTo(1);
        assertThat(taken.out()).isEmpty();
        assertThat(taken.err()).isEqualTo("gatehouse accounts create: account " + DEFAULT_ACCOUNT + " already exists in "
                + "the data directory " + directory.toAbsolutePath() + ". Choose another --account-id, or leave it out "
                + "to get an unused random id." + System.lineSeparator());

        for (String malformed : List.of("12345678901", "1234567890123", "12345678901x", "")) {
            Run run = run("accounts", "create", "--data-dir", directory.toString(), "--account-id", malformed);
            assertThat(run.status()).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(run.err()).isEqualTo("gatehouse accounts create: --account-id '" + malformed + "' is not an "
                    + "account id: an AWS account id is 12 digits, e.g. 123456789012. Give 12 digits, or leave "
                    + "--account-id out to get an unused random id." + System.lineSeparator());
        }
        try (GatehouseData data = GatehouseData.openExisting(directory, null, null, ENVIRONMENT)) {
            assertThat(data.state().current().accounts()).as("nothing was created").hasSize(1);
        }
    }

    @Test
    void dataThatIsNotThereIsRefusedAndNothingIsCreated() throws Exception {
        Path missing = directory.resolve("nowhere");
        Run run = run("accounts", "create", "--data-dir", missing.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("gatehouse accounts create: there is no Gatehouse database in "
                + missing.toAbsolutePath()).contains("--data-dir").contains("--db");
        assertThat(Files.exists(missing)).isFalse();

        GatehouseData.open(directory, null, null, ENVIRONMENT).close(); // a database no server has started on
        Run empty = run("accounts", "create", "--data-dir", directory.toString());
        assertThat(empty.status()).isEqualTo(1);
        assertThat(empty.err()).isEqualTo("gatehouse accounts create: the data directory " + directory.toAbsolutePath()
                + " holds no account yet: start the server on it once (gatehouse serve) to create the default account "
                + "and its root credentials, then add accounts." + System.lineSeparator());

        Path keyless = Files.createDirectory(directory.resolve("keyless"));
        Files.copy(directory.resolve("gatehouse.db"), keyless.resolve("gatehouse.db"));
        StringWriter err = new StringWriter();
        CommandLine command = Gatehouse.commandLine(Map.of());
        command.setErr(new PrintWriter(err));
        assertThat(command.execute("accounts", "create", "--data-dir", keyless.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("gatehouse accounts create: there is no master key")
                .contains("GATEHOUSE_MASTER_KEY").contains("--master-key-file");
        assertThat(Files.exists(keyless.resolve("master.key"))).as("no key is made up").isFalse();
    }

    @Test
    void itAddsAccountsToAPostgresqlDatabase() throws Exception {
        try (Backend.TestDatabase database = Backend.POSTGRESQL.create(directory)) {
            String url = database.url();
            serve(url).close();
            Run run = run("accounts", "create", "--db", url, "--data-dir", directory.toString(), "--account-id",
                    "345678901234");
            assertThat(run.status()).as(run.err()).isZero();
            Run again = run("accounts", "create", "--db", url, "--data-dir", directory.toString(), "--account-id",
                    "345678901234");
            assertThat(again.status()).isEqualTo(1);
            assertThat(again.err()).as("the database is named without its URL, which may hold a password")
                    .contains("already exists in the database given by --db.").doesNotContain("postgresql");
            try (GatehouseServer server = serve(url)) {
                assertThat(callerAccount(server, run.created())).isEqualTo("345678901234");
            }
        }
    }
}
