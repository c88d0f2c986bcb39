package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.SessionTokenTest.sessionOf;
import static io.gatehouse.server.it.SessionTokenTest.whoIs;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.GatehouseData;
import io.gatehouse.server.session.SessionKeyRing;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The session keys: kept in the store, so tokens stay valid across restarts; rotated, so that tokens under the key
 * before stay valid until they expire and tokens under the key before that are refused.
 */
class SessionKeysTest {

    private static final String INVALID_TOKEN = "The security token included in the request is invalid";
    private static final String ROOT_ARN = "arn:aws:iam::" + TestServer.ACCOUNT + ":root";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tokensOutliveRestartsAndOneRotationButNotTwo(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            AwsSessionCredentials first = sessionOf(server, TestServer.root());
            SessionKeyRing initial = server.server().sessions().keys().ring();
            server.restart();
            assertThat(server.server().sessions().keys().ring()).as("the keys are stored").isEqualTo(initial);
            assertThat(whoIs(server, first).arn()).isEqualTo(ROOT_ARN);

            SessionKeyRing rotated = server.server().sessions().keys().rotate();
            assertThat(rotated.previous()).isEqualTo(initial.current());
            assertThat(whoIs(server, first).arn()).as("under the previous key").isEqualTo(ROOT_ARN);
            AwsSessionCredentials second = sessionOf(server, TestServer.root());
            server.restart();
            assertThat(server.server().sessions().keys().ring()).as("the rotation is stored").isEqualTo(rotated);
            assertThat(whoIs(server, first).arn()).isEqualTo(ROOT_ARN);
            assertThat(whoIs(server, second).arn()).isEqualTo(ROOT_ARN);

            server.server().sessions().keys().rotate();
            assertAwsError(() -> whoIs(server, first), "InvalidClientTokenId", 403, INVALID_TOKEN);
            assertThat(whoIs(server, second).arn()).isEqualTo(ROOT_ARN);
            server.restart();
            assertAwsError(() -> whoIs(server, first), "InvalidClientTokenId", 403, INVALID_TOKEN);
            assertThat(whoIs(server, second).arn()).isEqualTo(ROOT_ARN);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void emulatorModeTakesUnknownKeysForRootButStillRefusesBadTokens(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory, true)) {
            assertThat(whoIs(server, AwsBasicCredentials.create("AKIAUNKNOWNUNKNOWN01", "anything")).arn())
                    .isEqualTo(ROOT_ARN);
            AwsSessionCredentials session = sessionOf(server, TestServer.root());
            assertThat(whoIs(server, session).arn()).isEqualTo(ROOT_ARN);
            AwsSessionCredentials forged = AwsSessionCredentials.create(session.accessKeyId(),
                    session.secretAccessKey(), session.sessionToken().substring(1));
            assertAwsError(() -> whoIs(server, forged), "InvalidClientTokenId", 403, INVALID_TOKEN);
            AwsBasicCredentials withoutToken = AwsBasicCredentials.create(session.accessKeyId(), "anything");
            assertAwsError(() -> whoIs(server, withoutToken), "InvalidClientTokenId", 403,
                    "The security token included in the request is invalid.");
            AwsSessionCredentials madeUp = AwsSessionCredentials.create("ASIAUNKNOWNUNKNOWN01", "anything",
                    "FwoGZXIvYXdzEXAMPLETOKEN");
            assertAwsError(() -> whoIs(server, madeUp), "InvalidClientTokenId", 403, INVALID_TOKEN);
        }
    }
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRunningServerOpensTokensSealedUnderAKeyAnotherProcessJustMade(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory);
             GatehouseData other = GatehouseData.open(directory, server.jdbcUrl(), null, TestServer.environment())) {
            other.sessionKeys().rotate(); // another node, or the command line
            Sessions elsewhere = new Sessions(other.sessionKeys(), (account, user, serial, code, now) -> now);
            Instant now = Instant.now();
            Sessions.Issued issued = elsewhere.issue(TestServer.ACCOUNT, new SessionPrincipal(
                    SessionPrincipal.Kind.ROOT, ROOT_ARN, TestServer.ACCOUNT), now, Duration.ofHours(1), null);
            AwsSessionCredentials sealedElsewhere = AwsSessionCredentials.create(
                    issued.content().session().accessKeyId(), issued.content().secretAccessKey(), issued.token());

            assertThat(whoIs(server, sealedElsewhere).arn()).isEqualTo(ROOT_ARN);
            assertThat(server.server().sessions().keys().ring()).as("read again from the store")
                    .isEqualTo(other.sessionKeys().ring());
        }
    }
}
