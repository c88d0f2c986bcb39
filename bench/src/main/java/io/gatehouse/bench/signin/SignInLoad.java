package io.gatehouse.bench.signin;

import com.sun.management.OperatingSystemMXBean;
import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.console.SignInThrottle;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.crypto.PasswordHashing;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.state.User;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Console sign-ins per second, and per CPU-second (per core), against {@code POST /signin} of a server started in this
 * process over a fresh SQLite data directory with the default Argon2id parameters: {@code USERS} users with passwords,
 * {@code CONNECTIONS} clients each signing in round-robin as fast as answered (closed loop) for {@code SECONDS} after a
 * warm-up. Every sign-in verifies one hash, issues a session and commits the user's PasswordLastUsed with its event.
 * The client runs in the same process, so the CPU figure includes its (small) share.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.gatehouse.bench.signin.SignInLoad [SECONDS [CONNECTIONS [USERS]]]}
 */
public final class SignInLoad {

    private static final String ACCOUNT = ServerOptions.DEFAULT_ACCOUNT;
    private static final String PASSWORD = "Correct-Horse-9";

    private SignInLoad() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path data = Files.createTempDirectory("gatehouse-signin-bench");
        SignInThrottle.Limits unthrottled = new SignInThrottle.Limits(1_000_000, 1_000_000, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofHours(1), 100_000);
        ServerOptions options = new ServerOptions("127.0.0.1", 0, data, null, ACCOUNT, false, null)
                .withSignInThrottle(unthrottled);
        try (GatehouseServer server = GatehouseServer.start(options, Map.of("GATEHOUSE_MASTER_KEY",
                Base64.getEncoder().encodeToString(new byte[32])), new PrintStream(new ByteArrayOutputStream()))) {
            String hash = new PasswordHasher(PasswordHashing.DEFAULT).hash(PASSWORD);
            server.state().apply(m -> {
                for (int i = 0; i < users; i++) {
                    String name = "user-" + i;
                    m.putUser(ACCOUNT, new User(name, String.format("AIDABENCH%011d", i), "/", Instant.now(), null,
                            List.of(), List.of(), List.of(), List.of(), null));
                    m.putLoginProfile(ACCOUNT, LoginProfile.create(name, hash, false, Instant.now()));
                }
                return null;
            });
            URI endpoint = URI.create("http://127.0.0.1:" + server.port() + "/signin");
            run(endpoint, connections, users, Duration.ofSeconds(3), false);
            run(endpoint, connections, users, Duration.ofSeconds(seconds), true);
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(URI endpoint, int connections, int users, Duration duration, boolean report)
            throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        HttpClient http = HttpClient.newHttpClient();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            clients.add(Thread.ofPlatform().start(() -> {
                for (int i = first; System.nanoTime() < end; i += connections) {
                    String body = "{\"account\":\"" + ACCOUNT + "\",\"userName\":\"user-" + (i % users)
                            + "\",\"password\":\"" + PASSWORD + "\"}";
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() == 200 ? succeeded : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        if (report) {
            System.out.printf("cores available:        %d%n", Runtime.getRuntime().availableProcessors());
            System.out.printf("connections:            %d%n", connections);
            System.out.printf("sign-ins:               %d in %.1f s (%d failed)%n", succeeded.get(), elapsed,
                    failed.get());
            System.out.printf("sign-ins/s:             %.1f%n", succeeded.get() / elapsed);
            System.out.printf("CPU used:               %.1f s (%.2f cores)%n", cpu, cpu / elapsed);
            System.out.printf("sign-ins per CPU-second: %.1f%n", succeeded.get() / cpu);
        }
    }
}
