package io.gatehouse.server.it;

import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.http.HttpLimits;
import io.gatehouse.server.store.Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A Gatehouse server for a test: started in-process on a free port over a fresh database of the given backend,
 * with a fixed master key and root key, and AWS SDK clients pointed at it. Restartable over the same data.
 */
public final class TestServer implements AutoCloseable {

    public static final String ACCOUNT = ServerOptions.DEFAULT_ACCOUNT;
    public static final String ROOT_KEY_ID = "AKIAGATEHOUSEROOT001";
    public static final String ROOT_SECRET = "gatehouse/root/secret/for/tests/only/0001";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final Path directory;
    private final Backend.TestDatabase database;
    private final boolean dev;
    private final HttpLimits limits;
    private final UnaryOperator<ServerOptions> tuning;
    private final Map<String, String> environment;
    private GatehouseServer server;
    private String console = "";

    private TestServer(Path directory, Backend.TestDatabase database, boolean dev, HttpLimits limits) {
        this(directory, database, dev, limits, UnaryOperator.identity(), environment());
    }

    private TestServer(Path directory, Backend.TestDatabase database, boolean dev, HttpLimits limits,
                       UnaryOperator<ServerOptions> tuning, Map<String, String> environment) {
        this.directory = directory;
        this.database = database;
        this.dev = dev;
        this.limits = limits;
        this.tuning = tuning;
        this.environment = environment;
    }

    /**
     * A server with options of its own (a small sign-in throttle, say) and more environment variables than
     * {@link #environment()}.
     */
    public static TestServer start(Backend backend, Path directory, UnaryOperator<ServerOptions> tuning,
                                   Map<String, String> moreEnvironment) {
        Map<String, String> environment = new HashMap<>(environment());
        environment.putAll(moreEnvironment);
        TestServer test = new TestServer(directory, backend.create(directory), false, HttpLimits.DEFAULT, tuning,
                Map.copyOf(environment));
        test.boot();
        return test;
    }

    public static TestServer start(Backend backend, Path directory) {
        return start(backend, directory, false);
    }

    public static TestServer start(Backend backend, Path directory, boolean dev) {
        return startOn(backend.create(directory), directory, dev);
    }

    /** A server, in emulator mode or not, with options of its own, applied again at each {@link #restart()}. */
    public static TestServer start(Backend backend, Path directory, boolean dev, UnaryOperator<ServerOptions> tuning) {
        TestServer test = new TestServer(directory, backend.create(directory), dev, HttpLimits.DEFAULT, tuning,
                environment());
        test.boot();
        return test;
    }

    /** A server with HTTP limits of its own (short timeouts, for instance). */
    public static TestServer start(Backend backend, Path directory, HttpLimits limits) {
        TestServer test = new TestServer(directory, backend.create(directory), false, limits);
        test.boot();
        return test;
    }

    /** A server over an existing test database (for example one a killed server left behind). */
    public static TestServer startOn(Backend.TestDatabase database, Path directory, boolean dev) {
        TestServer test = new TestServer(directory, database, dev, HttpLimits.DEFAULT);
        test.boot();
        return test;
    }

    /** The environment every test server runs with: a fixed master key and root key. */
    public static Map<String, String> environment() {
        return Map.of("GATEHOUSE_MASTER_KEY", MASTER_KEY, "GATEHOUSE_ROOT_ACCESS_KEY_ID", ROOT_KEY_ID,
                "GATEHOUSE_ROOT_SECRET_ACCESS_KEY", ROOT_SECRET);
    }

    private void boot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server = GatehouseServer.start(tuning.apply(new ServerOptions("127.0.0.1", 0, directory, database.url(), ACCOUNT,
                dev, null, limits)), environment, new PrintStream(out, true));
        console = out.toString();
    }

    /** Stops and starts the server over the same database. */
    public void restart() {
        server.close();
        boot();
    }

    /** What the server printed when it started. */
    public String console() {
        return console;
    }

    /** The JDBC URL of the server's database. */
    public String jdbcUrl() {
        return database.url();
    }

    public Path directory() {
        return directory;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public GatehouseServer server() {
        return server;
    }

    public static AwsCredentials root() {
        return AwsBasicCredentials.create(ROOT_KEY_ID, ROOT_SECRET);
    }

    public IamClient iam() {
        return iam(root());
    }

    public IamClient iam(AwsCredentials credentials) {
        return iamAt(endpoint(), credentials);
    }

    /** An IAM client for a server at any endpoint. */
    public static IamClient iamAt(URI endpoint, AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .build())
                .build();
    }

    public StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() throws SQLException {
        server.close();
        database.close();
    }
}
