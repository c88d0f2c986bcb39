package io.gatehouse.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

/**
 * A response is sent after its change is committed: a server in its own process is killed with SIGKILL while clients
 * create users concurrently, and every user whose CreateUser was answered is there after a restart.
 */
class KillDurabilityTest {

    private static final int CLIENTS = 8;
    private static final int ACKS_BEFORE_KILL = 400;

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyAnsweredCreateUserSurvivesSigkill(Backend backend) throws Exception {
        Backend.TestDatabase database = backend.create(directory);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ServerProcess.class.getName(), directory.toString(), database.url())
                .redirectError(directory.resolve("server.err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("port ")) {
            line = out.readLine(); // log lines before the server listens
        }
        assertThat(line).as("the server process starts").isNotNull();
        BufferedReader rest = out;
        Thread.ofPlatform().daemon().start(() -> {
            try {
                while (rest.readLine() != null) {
                    // drain the child's output so it never blocks on a full pipe
                }
            } catch (java.io.IOException e) {
                // the child is gone
            }
        });
        URI endpoint = URI.create("http://127.0.0.1:" + line.substring("port ".length()));

        Set<String> answered = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(1);
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> clients = new java.util.ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                try (IamClient iam = TestServer.iamAt(endpoint, TestServer.root())) {
                    for (int i = 0; !killed.get(); i++) {
                        String name = "u" + client + "-" + i;
                        try {
                            iam.createUser(r -> r.userName(name));
                        } catch (RuntimeException e) {
                            return; // the server is gone
                        }
                        answered.add(name);
                        if (answered.size() >= ACKS_BEFORE_KILL) {
                            enough.countDown();
                        }
                    }
                }
            }));
        }
        assertThat(enough.await(120, TimeUnit.SECONDS)).as("clients got answers").isTrue();
        child.destroyForcibly();
        killed.set(true);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (Thread client : clients) {
            client.join(30_000);
        }
        Set<String> before = Set.copyOf(answered);

        try (TestServer restarted = TestServer.startOn(database, directory, false)) {
            Set<String> found = new HashSet<>();
            restarted.iam().listUsersPaginator(r -> r.maxItems(1000)).users().stream().map(User::userName).forEach(found::add);
            assertThat(found).as("every answered CreateUser is durable").containsAll(before);
            assertThat(before.size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        }
    }
}
