package io.gatehouse.server;

import io.gatehouse.server.console.SignInThrottle;
import io.gatehouse.server.crypto.PasswordHashing;
import io.gatehouse.server.http.HttpLimits;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a server.
 *
 * @param host           the address to listen on
 * @param port           the port to listen on (0 picks a free one)
 * @param dataDirectory  where the embedded database, the master key and the root credentials live
 * @param jdbcUrl        the database, or {@code null} for SQLite in the data directory
 * @param accountId      the account to create on first start
 * @param dev            emulator mode: unknown access keys stand for that account's root user, and state can be reset
 * @param masterKeyFile  the operator's master key file, or {@code null}
 * @param http           what one client may send and how long it may take
 * @param passwordHashing the Argon2id parameters of new password hashes
 * @param signInThrottle how failed console sign-ins slow the next ones down
 * @param oidcCaFile     a PEM bundle of certificate authorities trusted besides the JVM's for OpenID Connect discovery
 *                       (private identity providers), or {@code null}
 * @param publicUrl      the address clients and relying parties reach the server at ({@code https://iam.example.com}),
 *                       which outbound identity federation's issuer URLs start with, or {@code null} for
 *                       {@code http://HOST:PORT} of the listener
 */
public record ServerOptions(String host, int port, Path dataDirectory, String jdbcUrl, String accountId, boolean dev,
                            Path masterKeyFile, HttpLimits http, PasswordHashing passwordHashing,
                            SignInThrottle.Limits signInThrottle, Path oidcCaFile, String publicUrl) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_ACCOUNT = "123456789012";

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        Objects.requireNonNull(signInThrottle, "signInThrottle");
    }

    /** Options whose public address is the listener's. */
    public ServerOptions(String host, int port, Path dataDirectory, String jdbcUrl, String accountId, boolean dev,
                         Path masterKeyFile, HttpLimits http, PasswordHashing passwordHashing,
                         SignInThrottle.Limits signInThrottle, Path oidcCaFile) {
        this(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, http, passwordHashing, signInThrottle,
                oidcCaFile, null);
    }

    /** Options that trust only the JVM's certificate authorities for OpenID Connect discovery. */
    public ServerOptions(String host, int port, Path dataDirectory, String jdbcUrl, String accountId, boolean dev,
                         Path masterKeyFile, HttpLimits http, PasswordHashing passwordHashing,
                         SignInThrottle.Limits signInThrottle) {
        this(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, http, passwordHashing, signInThrottle,
                null);
    }

    /** Options with the default sign-in throttle. */
    public ServerOptions(String host, int port, Path dataDirectory, String jdbcUrl, String accountId, boolean dev,
                         Path masterKeyFile, HttpLimits http, PasswordHashing passwordHashing) {
        this(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, http, passwordHashing,
                SignInThrottle.Limits.DEFAULT);
    }

    /** Options with the default password hashing. */
    public ServerOptions(String host, int port, Path dataDirectory, String jdbcUrl, String accountId, boolean dev,
                         Path masterKeyFile, HttpLimits http) {
        this(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, http, PasswordHashing.DEFAULT);
    }

    /** Options with the default HTTP limits and password hashing. */
    public ServerOptions(String host, int port, Path dataDirectory, String jdbcUrl, String accountId, boolean dev,
                         Path masterKeyFile) {
        this(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, HttpLimits.DEFAULT);
    }

    /** These options with other HTTP limits. */
    public ServerOptions withHttp(HttpLimits limits) {
        return new ServerOptions(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, limits,
                passwordHashing, signInThrottle, oidcCaFile, publicUrl);
    }

    /** These options with other password hashing parameters. */
    public ServerOptions withPasswordHashing(PasswordHashing hashing) {
        return new ServerOptions(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, http, hashing,
                signInThrottle, oidcCaFile, publicUrl);
    }

    /** These options with another sign-in throttle (tests use a small one). */
    public ServerOptions withSignInThrottle(SignInThrottle.Limits limits) {
        return new ServerOptions(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, http,
                passwordHashing, limits, oidcCaFile, publicUrl);
    }

    /** These options trusting the certificate authorities of a PEM bundle for OpenID Connect discovery too. */
    public ServerOptions withOidcCaFile(Path caBundle) {
        return new ServerOptions(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, http,
                passwordHashing, signInThrottle, caBundle, publicUrl);
    }

    /** These options with another public address. */
    public ServerOptions withPublicUrl(String url) {
        return new ServerOptions(host, port, dataDirectory, jdbcUrl, accountId, dev, masterKeyFile, http,
                passwordHashing, signInThrottle, oidcCaFile, url);
    }

    /**
     * The public address of a server listening on {@code listenPort}: {@link #publicUrl()} when set, else
     * {@code http://HOST:PORT} with {@code localhost} for a wildcard host.
     */
    public String publicAddress(int listenPort) {
        if (publicUrl != null) {
            return publicUrl;
        }
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost"
                : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + listenPort;
    }
}
