package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.crypto.MasterKeyLoader;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/** What the server logs: one line when it starts, and never a secret. */
class ServerLoggingTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void startingLogsOneLineWithTheAddressTheDataTheDatabaseAndTheAccounts(Backend backend) throws Exception {
        try (LogCapture logs = new LogCapture(); TestServer server = TestServer.start(backend, directory)) {
            String database = backend == Backend.SQLITE
                    ? "SQLite " + directory.toAbsolutePath().resolve("gatehouse.db")
                    : "PostgreSQL //127.0.0.1:5432/test";
            assertThat(logs.messages(GatehouseServer.class)).containsExactly("Gatehouse listening on http://127.0.0.1:"
                    + server.server().port() + " (data " + directory.toAbsolutePath() + ", " + database
                    + ", master key " + masterKeyId(server) + ", account " + TestServer.ACCOUNT + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void noLogLineHoldsASecretEvenAtDebug(Backend backend) throws Exception {
        try (LogCapture logs = new LogCapture(); TestServer server = TestServer.start(backend, directory)) {
            IamClient iam = server.iam();
            AwsCredentials alice = userWithKey(iam, "alice");
            assertThatThrownBy(() -> server.iam(alice).listUsers()).isInstanceOf(IamException.class);
            var wrong = AwsBasicCredentials.create(alice.accessKeyId(), "x" + alice.secretAccessKey().substring(1));
            assertThatThrownBy(() -> server.iam(wrong).listUsers()).isInstanceOf(IamException.class);
            server.restart();
            server.iam().listUsers();

            assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .doesNotContain(TestServer.ROOT_SECRET)
                    .doesNotContain(alice.secretAccessKey())
                    .doesNotContain(wrong.secretAccessKey())
                    .doesNotContain(TestServer.environment().get("GATEHOUSE_MASTER_KEY")));
        }
    }

    private static String masterKeyId(TestServer server) {
        return MasterKeyLoader.load(TestServer.environment(), null, server.directory()).id();
    }
}
