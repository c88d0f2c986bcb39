package io.gatehouse.server;

import io.gatehouse.catalog.ManagedPolicies;
import io.gatehouse.catalog.ServiceCatalog;
import io.gatehouse.server.api.Api;
import io.gatehouse.server.api.ServiceEndpoint;
import io.gatehouse.server.api.Services;
import io.gatehouse.server.authz.AwsManagedPolicies;
import io.gatehouse.server.authz.PrincipalPolicies;
import io.gatehouse.server.console.SignIn;
import io.gatehouse.server.console.SignInThrottle;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.http.HttpServer;
import io.gatehouse.server.iam.IamService;
import io.gatehouse.server.metrics.Metrics;
import io.gatehouse.server.mfa.MfaCodes;
import io.gatehouse.server.mfa.SessionMfaCheck;
import io.gatehouse.server.oidc.IssuerKeys;
import io.gatehouse.server.oidc.OidcFetcher;
import io.gatehouse.server.oidc.OidcTrust;
import io.gatehouse.server.oidc.WebIdentityTokens;
import io.gatehouse.server.outbound.OutboundIssuers;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.workload.WorkloadCredentials;
import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.IdentityProviders;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.state.OtherCredentials;
import io.gatehouse.server.state.StateWriter;
import io.gatehouse.server.store.Store;
import io.gatehouse.server.sts.StsService;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the data ({@link GatehouseData}: the store under the master key, the state loaded
 * from it), creates the default account on the first start, and serves the AWS API over HTTP. Everything is wired
 * here by hand; nothing is discovered.
 */
public final class GatehouseServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatehouseServer.class);
    private static final int ACCOUNTS_SHOWN = 5;

    private final ServerOptions options;
    private final Store store;
    private final StateWriter state;
    private final Sessions sessions;
    private final Api api;
    private final HttpServer http;

    private GatehouseServer(ServerOptions options, Store store, StateWriter state, Sessions sessions, Api api,
                            HttpServer http) {
        this.options = options;
        this.store = store;
        this.state = state;
        this.sessions = sessions;
        this.api = api;
        this.http = http;
    }

    /**
     * Starts a server.
     *
     * @param environment the process environment (master key, root credentials)
     * @param console     where the first start prints the root credentials it created
     */
    public static GatehouseServer start(ServerOptions options, Map<String, String> environment, PrintStream console) {
        Clock clock = Clock.systemUTC();
        // What does not depend on the stored state is read on another thread while the store opens and the state
        // loads: the service catalog, the AWS managed policies, the service models and the HTTP server's set-up.
        CompletableFuture<Preloaded> preloaded = CompletableFuture.supplyAsync(() -> Preloaded.load(options, clock),
                task -> Thread.ofPlatform().name("gatehouse-preload").daemon().start(task));
        GatehouseData data;
        try {
            data = GatehouseData.open(options.dataDirectory(), options.jdbcUrl(), options.masterKeyFile(), environment);
        } catch (RuntimeException e) {
            discard(preloaded);
            throw e;
        }
        Store store = data.store();
        StateWriter state = data.state();
        try {
            Ids ids = new Ids();
            PasswordHasher passwords = new PasswordHasher(options.passwordHashing());
            if (state.current().accounts().isEmpty()) {
                String[] key = Bootstrap.keyFromEnvironment(environment);
                Bootstrap.RootCredentials root = Bootstrap.createAccount(state, ids, clock, options.accountId(),
                        key == null ? null : key[0], key == null ? null : key[1],
                        RootPasswords.fromEnvironment(environment, passwords));
                Bootstrap.writeCredentialsFile(options.dataDirectory(), root);
                console.println("Gatehouse created account " + root.accountId() + ". Its root user's access key, shown once:");
                console.println("  aws_access_key_id     = " + root.accessKeyId());
                console.println("  aws_secret_access_key = " + root.secretAccessKey());
                console.println("It is also in " + options.dataDirectory().resolve(Bootstrap.CREDENTIALS_FILE)
                        + " (readable by you only).");
            }
            Preloaded parts = join(preloaded);
            Sessions sessions = new Sessions(data.sessionKeys(), new SessionMfaCheck(new MfaCodes(state,
                    new SignInThrottle(MfaCodes.THROTTLE, clock))));
            Services services = new Services(state, new PrincipalPolicies(parts.awsManaged()), parts.catalog(), ids, clock,
                    passwords, sessions, data.reports(), new SignInThrottle(options.signInThrottle(), clock),
                    options.dev(), new WebIdentityTokens(new IssuerKeys(
                            new OidcFetcher(OidcTrust.of(options.oidcCaFile()), options.dev()), clock)),
                    new OutboundIssuers(data.signingKeys(), () -> options.publicAddress(parts.http().port()),
                            state::current));
            Metrics metrics = new Metrics();
            Api api = new Api(services, parts.endpoints(), options.dev() ? options.accountId() : null, store.writer(),
                    metrics);
            if (options.dev()) {
                LOG.warn("*** EMULATOR MODE (--dev): access keys this server never issued are accepted WITHOUT a signature "
                        + "check as the root user of {}, and POST /moto-api/reset wipes all state. Never expose this. ***",
                        options.accountId());
            }
            GatehouseServer server = new GatehouseServer(options, store, state, sessions, api, parts.http());
            HttpServer http;
            try {
                SignIn signIn = new SignIn(services, services.passwordGuesses(), api::audit,
                        metrics.authorizations());
                WorkloadCredentials workloads = new WorkloadCredentials(data.workloadTokens(), sessions, state::current,
                        ids, api::audit);
                http = parts.http().start(api, signIn, workloads, services.outboundIssuers(), metrics::scrape, () -> true,
                        options.dev() ? server::reset : null);
            } catch (RuntimeException e) {
                api.close();
                throw e;
            }
            LOG.info("Gatehouse listening on http://{}:{} (data {}, {}, master key {}, {})", options.host(), http.port(),
                    options.dataDirectory().toAbsolutePath(), data.database(), data.masterKeyId(),
                    accounts(state.current()));
            return server;
        } catch (RuntimeException e) {
            discard(preloaded);
            data.close();
            throw e;
        }
    }

    /** Releases the preloaded HTTP server of a start that failed, whenever its preparation ends. */
    private static void discard(CompletableFuture<Preloaded> preloaded) {
        preloaded.thenAccept(parts -> parts.http().discard());
    }

    /** The accounts served, for the start line: all of them when few, else a count and the first few. */
    static String accounts(GatehouseState state) {
        List<String> ids = state.accounts().keySet().stream().sorted().toList();
        if (ids.size() == 1) {
            return "account " + ids.getFirst();
        }
        if (ids.size() <= ACCOUNTS_SHOWN) {
            return "accounts " + String.join(", ", ids);
        }
        return ids.size() + " accounts: " + String.join(", ", ids.subList(0, ACCOUNTS_SHOWN)) + ", ...";
    }

    /** The parts of a server that do not depend on its stored state. */
    private record Preloaded(ServiceCatalog catalog, AwsManagedPolicies awsManaged, List<ServiceEndpoint> endpoints,
                             HttpServer http) {

        static Preloaded load(ServerOptions options, Clock clock) {
            ServiceCatalog catalog = ServiceCatalog.get();
            List<ServiceEndpoint> endpoints = List.of(IamService.endpoint(catalog), StsService.endpoint(catalog));
            AwsManagedPolicies awsManaged = new AwsManagedPolicies(ManagedPolicies.get());
            HttpServer http = HttpServer.prepare(options.host(), options.port(), options.http(), options.dev(), clock);
            return new Preloaded(catalog, awsManaged, endpoints, http);
        }
    }

    private static Preloaded join(CompletableFuture<Preloaded> preloaded) {
        try {
            return preloaded.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return http.port();
    }

    /** The state, for tests and administration. */
    public StateWriter state() {
        return state;
    }

    /** Session tokens and their keys, for tests and administration ({@code sessions().keys().rotate()}). */
    public Sessions sessions() {
        return sessions;
    }

    /** The AWS API without its HTTP transport, for tests that call it directly. */
    public Api api() {
        return api;
    }

    /** The durable record (audit events, change log), for tests and administration. */
    public Store store() {
        return store;
    }

    /**
     * Emulator mode's reset: every account but the default one is deleted, and the default account is emptied (its
     * password policy too) but keeps its root user's access keys, so clients configured with them keep working.
     * Temporary credentials issued before the reset stop working.
     */
    void reset() {
        state.apply(mutation -> {
            for (String accountId : new ArrayList<>(mutation.state().accounts().keySet())) {
                if (!accountId.equals(options.accountId())) {
                    mutation.removeAccount(accountId);
                    continue;
                }
                AccountState account = mutation.account(accountId);
                for (AccessKey key : account.accessKeys().values()) {
                    if (key.userName() != null) {
                        mutation.removeAccessKey(accountId, key.id());
                    }
                }
                for (LoginProfile profile : List.copyOf(mutation.account(accountId).loginProfiles().values())) {
                    mutation.removeLoginProfile(accountId, profile.userName());
                }
                OtherCredentials others = mutation.account(accountId).others();
                others.sshPublicKeys().values().forEach(keys -> keys.values()
                        .forEach(key -> mutation.removeSshPublicKey(accountId, key)));
                others.signingCertificates().values().forEach(certificates -> certificates.values()
                        .forEach(certificate -> mutation.removeSigningCertificate(accountId, certificate)));
                others.serviceCredentials().values().forEach(credentials -> credentials.values()
                        .forEach(credential -> mutation.removeServiceCredential(accountId, credential)));
                others.serverCertificates().values()
                        .forEach(certificate -> mutation.removeServerCertificate(accountId, certificate.name()));
                IdentityProviders providers = mutation.account(accountId).providers();
                providers.oidc().keySet().forEach(name -> mutation.removeOidcProvider(accountId, name));
                providers.saml().keySet().forEach(name -> mutation.removeSamlProvider(accountId, name));
                for (String device : List.copyOf(mutation.account(accountId).mfaDevices().devices().keySet())) {
                    mutation.removeMfaDevice(accountId, device);
                }
                mutation.removeCredentialReport(accountId);
                account = mutation.account(accountId);
                for (String user : List.copyOf(account.users().keySet())) {
                    mutation.removeUser(accountId, mutation.account(accountId).users().get(user).name());
                }
                for (String name : List.copyOf(mutation.account(accountId).instanceProfiles().keySet())) {
                    mutation.removeInstanceProfile(accountId, mutation.account(accountId).instanceProfiles().get(name).name());
                }
                for (String name : List.copyOf(mutation.account(accountId).groups().keySet())) {
                    mutation.removeGroup(accountId, mutation.account(accountId).groups().get(name).name());
                }
                for (String name : List.copyOf(mutation.account(accountId).roles().keySet())) {
                    mutation.removeRole(accountId, mutation.account(accountId).roles().get(name).name());
                }
                for (String name : List.copyOf(mutation.account(accountId).policies().keySet())) {
                    mutation.removePolicy(accountId, mutation.account(accountId).policies().get(name).name());
                }
                mutation.putAccount(mutation.account(accountId).withAccount(
                        mutation.account(accountId).account().withAliases(List.of()).withPasswordPolicy(null)
                                .withGlobalEndpointTokenVersion(Account.DEFAULT_TOKEN_VERSION)
                                .withOutboundFederation(null)));
            }
            return null;
        });
        // Two rotations drop every key that sealed a session before the reset: no temporary credentials outlive it.
        sessions.keys().rotate();
        sessions.keys().rotate();
    }

    @Override
    public void close() {
        http.close();
        api.close();
        store.close();
    }
}
