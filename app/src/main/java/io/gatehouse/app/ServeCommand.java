package io.gatehouse.app;

import io.gatehouse.server.Bootstrap;
import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.crypto.PasswordHashing;
import io.gatehouse.server.http.HttpLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatehouse serve}: run the server until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the AWS IAM and STS APIs.",
                "The first start of a data directory creates the default account and prints its root user's access key "
                        + "once (also written to DATA_DIR/root-credentials)."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = ServerOptions.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerOptions.DEFAULT_PORT, description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Database, e.g. jdbc:postgresql://127.0.0.1:5432/gatehouse (default: SQLite in the data directory).")
    String jdbcUrl;

    @Option(names = "--account-id", defaultValue = ServerOptions.DEFAULT_ACCOUNT,
            description = "Account created at the first start (default: ${DEFAULT-VALUE}).")
    String accountId;

    @Option(names = "--master-key-file", paramLabel = "FILE",
            description = "File holding the master key (base64 of 32 bytes); default: GATEHOUSE_MASTER_KEY, else DATA_DIR/master.key.")
    Path masterKeyFile;

    @Option(names = "--dev", description = "Emulator mode: accept unknown access keys as the root user without checking "
            + "signatures, and enable POST /moto-api/reset. For local testing only.")
    boolean dev;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "" + HttpLimits.DEFAULT_REQUEST_TIMEOUT_SECONDS,
            description = "Seconds a client may take to send a request after its request line; slower ones are "
                    + "answered 408 and disconnected (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "" + HttpLimits.DEFAULT_IDLE_TIMEOUT_SECONDS,
            description = "Seconds a connection may stay open without a request (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--password-memory", paramLabel = "KIB", defaultValue = "" + PasswordHashing.DEFAULT_MEMORY_KIB,
            description = "Argon2id memory per password hash, in KiB (default: ${DEFAULT-VALUE}, OWASP's 19 MiB).")
    int passwordMemoryKib;

    @Option(names = "--password-iterations", paramLabel = "N", defaultValue = "" + PasswordHashing.DEFAULT_ITERATIONS,
            description = "Argon2id iterations per password hash (default: ${DEFAULT-VALUE}).")
    int passwordIterations;

    @Option(names = "--password-parallelism", paramLabel = "N", defaultValue = "" + PasswordHashing.DEFAULT_PARALLELISM,
            description = "Argon2id lanes per password hash (default: ${DEFAULT-VALUE}). Stored hashes made with weaker "
                    + "parameters keep working and are replaced at the user's next sign-in.")
    int passwordParallelism;

    @Option(names = "--oidc-ca-file", paramLabel = "PEM",
            description = "Certificate authorities (PEM) trusted besides the JVM's when fetching OpenID Connect "
                    + "discovery documents and keys, for private identity providers.")
    Path oidcCaFile;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address clients and external services reach this server at (for example "
                    + "https://iam.example.com), which the issuer URLs of outbound identity federation start with "
                    + "(default: http://HOST:PORT).")
    String publicUrl;

    /** Serves until the process is told to stop; the server logs where it listens once it does. */
    @Override
    public Integer call() throws InterruptedException {
        if (!Bootstrap.isAccountId(accountId)) {
            throw new ParameterException(spec.commandLine(), "--account-id '" + accountId
                    + "' is not an AWS account id: give 12 digits, for example " + ServerOptions.DEFAULT_ACCOUNT + ".");
        }
        HttpLimits http = HttpLimits.DEFAULT.withTimeouts(Duration.ofSeconds(requestTimeoutSeconds),
                Duration.ofSeconds(idleTimeoutSeconds));
        PasswordHashing hashing;
        try {
            hashing = new PasswordHashing(passwordMemoryKib, passwordIterations, passwordParallelism);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (publicUrl != null && !publicUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new ParameterException(spec.commandLine(), "--public-url '" + publicUrl
                    + "' is not an http or https URL without query or fragment: give one like https://iam.example.com.");
        }
        GatehouseServer server = GatehouseServer.start(new ServerOptions(host, port, dataDirectory, jdbcUrl, accountId, dev,
                masterKeyFile, http, hashing).withOidcCaFile(oidcCaFile).withPublicUrl(publicUrl), System.getenv(),
                System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "gatehouse-shutdown"));
        stopped.await();
        return 0;
    }
}
