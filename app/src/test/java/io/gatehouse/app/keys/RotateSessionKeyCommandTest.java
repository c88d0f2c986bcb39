package io.gatehouse.app.keys;

import static io.gatehouse.app.keys.KeysFixtures.ENVIRONMENT;
import static io.gatehouse.app.keys.KeysFixtures.ROOT_KEY;
import static io.gatehouse.app.keys.KeysFixtures.ROOT_SECRET;
import static io.gatehouse.app.keys.KeysFixtures.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.session.SessionKeyRing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import io.gatehouse.app.keys.KeysFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * {@code gatehouse keys rotate-session-key} as an operator runs it: a server sees the rotation when it restarts; the
 * tokens of the key that was current stay valid, and a second rotation ends them.
 */
class RotateSessionKeyCommandTest {

    @TempDir
    Path directory;

    private Run rotate() {
        return keys("rotate-session-key", directory);
    }

    private GatehouseServer serve() {
        return GatehouseServer.start(new ServerOptions("127.0.0.1", 0, directory, null, ServerOptions.DEFAULT_ACCOUNT,
                false, null), ENVIRONMENT, new PrintStream(new ByteArrayOutputStream()));
    }

    private static StsClient sts(GatehouseServer server, AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private static String arn(GatehouseServer server, AwsCredentials credentials) {
        try (StsClient sts = sts(server, credentials)) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Test
    void aRotationTakesEffectAtTheNextStartAndASecondOneEndsTheOldTokens() {
        AwsSessionCredentials session;
        SessionKeyRing before;
        try (GatehouseServer server = serve(); StsClient root = sts(server, AwsBasicCredentials.create(ROOT_KEY,
                ROOT_SECRET))) {
            Credentials issued = root.getSessionToken().credentials();
            session = AwsSessionCredentials.create(issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken());
            before = server.sessions().keys().ring();
        }
        Run first = rotate();
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("Rotated the session keys of the data directory " + directory.toAbsolutePath())
                .contains("previous key " + before.current().idHex() + " stays valid")
                .contains("A server already running on this data reads the new key within a minute.");
        try (GatehouseServer server = serve()) {
            assertThat(server.sessions().keys().ring().previous()).isEqualTo(before.current());
            assertThat(arn(server, session)).endsWith(":root");
        }
        Run second = rotate();
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).contains("dropped key  " + before.current().idHex());
        try (GatehouseServer server = serve()) {
            StsException refused = catchThrowableOfType(StsException.class, () -> arn(server, session));
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        }
    }

    @Test
    void dataThatIsNotThereIsRefused() {
        Run run = rotate();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("gatehouse keys rotate-session-key: there is no Gatehouse database in");
    }
}
