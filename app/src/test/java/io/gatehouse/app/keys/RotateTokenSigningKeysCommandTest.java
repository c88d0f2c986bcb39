package io.gatehouse.app.keys;

import static io.gatehouse.app.keys.KeysFixtures.ENVIRONMENT;
import static io.gatehouse.app.keys.KeysFixtures.ROOT_KEY;
import static io.gatehouse.app.keys.KeysFixtures.ROOT_SECRET;
import static io.gatehouse.app.keys.KeysFixtures.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import io.gatehouse.app.keys.KeysFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code gatehouse keys rotate-token-signing-keys} as an operator runs it: new keys sign the tokens issued after the
 * rotation, the JWKS keeps the keys that signed the tokens before it, and a second rotation drops them.
 */
class RotateTokenSigningKeysCommandTest {

    @TempDir
    Path directory;

    private Run rotate() {
        return keys("rotate-token-signing-keys", directory);
    }

    private GatehouseServer serve() {
        return GatehouseServer.start(new ServerOptions("127.0.0.1", 0, directory, null, ServerOptions.DEFAULT_ACCOUNT,
                false, null).withPublicUrl("https://iam.example.test"), ENVIRONMENT,
                new PrintStream(new ByteArrayOutputStream()));
    }

    private static URI endpoint(GatehouseServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A root token's key id, with the issuer (under the public URL) enabled first if it is not. */
    private static String tokenKeyId(GatehouseServer server) throws Exception {
        StaticCredentialsProvider root = StaticCredentialsProvider.create(AwsBasicCredentials.create(ROOT_KEY,
                ROOT_SECRET));
        try (IamClient iam = IamClient.builder().endpointOverride(endpoint(server)).region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(root).build();
             StsClient sts = StsClient.builder().endpointOverride(endpoint(server)).region(Region.US_EAST_1)
                     .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(root).build()) {
            try {
                assertThat(iam.enableOutboundWebIdentityFederation(r -> {}).issuerIdentifier())
                        .startsWith("https://iam.example.test/issuers/");
            } catch (software.amazon.awssdk.services.iam.model.FeatureEnabledException already) {
                // enabled at an earlier start
            }
            String token = sts.getWebIdentityToken(r -> r.audience("app").signingAlgorithm("RS256")).webIdentityToken();
            return SignedJWT.parse(token).getHeader().getKeyID();
        }
    }

    /** The key ids the account's issuer publishes, fetched from the server (not from the public URL). */
    private static List<String> published(GatehouseServer server) throws Exception {
        StaticCredentialsProvider root = StaticCredentialsProvider.create(AwsBasicCredentials.create(ROOT_KEY,
                ROOT_SECRET));
        String issuer;
        try (IamClient iam = IamClient.builder().endpointOverride(endpoint(server)).region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(root).build()) {
            issuer = iam.getOutboundWebIdentityFederationInfo(r -> {}).issuerIdentifier();
        }
        String path = URI.create(issuer).getPath();
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(endpoint(server).resolve(path + "/.well-known/jwks.json"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return JWKSet.parse(body).getKeys().stream().map(JWK::getKeyID).toList();
        }
    }

    @Test
    void aRotationSignsWithKeysTheJwksPublishedBeforeAndKeepsTheOldOnesForOneMore() throws Exception {
        String first;
        List<String> before;
        try (GatehouseServer server = serve()) {
            first = tokenKeyId(server);
            before = published(server);
            assertThat(before).as("current and next keys").hasSize(4).contains(first);
        }
        Run rotated = rotate();
        assertThat(rotated.status()).as(rotated.err()).isZero();
        assertThat(rotated.out()).contains("Rotated the token signing keys of the data directory "
                + directory.toAbsolutePath()).contains("account " + ServerOptions.DEFAULT_ACCOUNT)
                .contains("kept in JWKS   " + first);
        String second;
        try (GatehouseServer server = serve()) {
            second = tokenKeyId(server);
            assertThat(second).isNotEqualTo(first);
            assertThat(before).as("a relying party that cached the JWKS before the rotation knows the new key")
                    .contains(second);
            assertThat(published(server)).hasSize(6).contains(first, second);
        }
        assertThat(rotate().status()).isZero();
        try (GatehouseServer server = serve()) {
            assertThat(published(server)).hasSize(6).contains(second).doesNotContain(first);
        }
    }

    @Test
    void withoutAnIssuerThereIsNothingToRotate() {
        serve().close(); // a first start makes the data, with an account that never enabled the feature
        Run run = rotate();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("gatehouse keys rotate-token-signing-keys: no account of the data directory "
                + directory.toAbsolutePath() + " has enabled outbound identity federation, so there are no token "
                + "signing keys to rotate.\n");
    }

    @Test
    void dataThatIsNotThereIsRefused() {
        Run run = rotate();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("gatehouse keys rotate-token-signing-keys: there is no Gatehouse database in");
    }
}
