package io.gatehouse.server.it;

import static io.gatehouse.server.it.SignInClient.body;
import static io.gatehouse.server.it.SignInClient.events;
import static io.gatehouse.server.it.SignInClient.post;
import static io.gatehouse.server.it.SignInClient.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.RootPasswords;
import io.gatehouse.server.console.SignInThrottle;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Sign-in on servers of their own: a test-sized throttle that slows guessing per user name and per source address,
 * and a root sign-in set from the environment at the first start that, like a user's PasswordLastUsed, outlives a
 * restart.
 */
class SignInLimitsTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String PASSWORD = "Correct-Horse-9";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void repeatedFailuresAreThrottledBeforeAnyPasswordIsChecked(Backend backend) throws Exception {
        SignInThrottle.Limits small = new SignInThrottle.Limits(2, 4, Duration.ofSeconds(2), Duration.ofSeconds(8),
                Duration.ofHours(1), 1000);
        try (TestServer server = TestServer.start(backend, directory, options -> options.withSignInThrottle(small),
                Map.of())) {
            server.iam().createUser(r -> r.userName("guessed"));
            server.iam().createLoginProfile(r -> r.userName("guessed").password(PASSWORD));
            for (int i = 0; i < 3; i++) {
                assertThat(user(server, ACCOUNT, "guessed", "Guess-number-" + i).status()).isEqualTo(401);
            }

            SignInClient.Answer throttled = user(server, ACCOUNT, "GUESSED", PASSWORD);
            assertThat(throttled.status()).as("the right password is not even checked").isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isIn("1", "2");
            assertThat(throttled.json().get("error").asText()).isEqualTo("Throttled");

            Thread.sleep(Long.parseLong(throttled.header("Retry-After")) * 1000 + 200);
            assertThat(user(server, ACCOUNT, "guessed", PASSWORD).status()).isEqualTo(200);

            // The address has 3 failures; 2 more on other names make 5 of its 4 free: every name waits now.
            assertThat(user(server, ACCOUNT, "sprayed-1", PASSWORD).status()).isEqualTo(401);
            assertThat(user(server, ACCOUNT, "sprayed-2", PASSWORD).status()).isEqualTo(401);
            assertThat(user(server, ACCOUNT, "guessed", PASSWORD).status()).isEqualTo(429);

            List<JsonNode> recorded = events(server, 1, e -> e.path("errorMessage").asText()
                    .equals("Too many failed sign-in attempts"));
            assertThat(recorded).isNotEmpty();
            assertThat(recorded.getFirst().get("responseElements").get("ConsoleLogin").asText()).isEqualTo("Failure");
            assertThat(recorded.getFirst().get("userIdentity").get("userName").asText()).isEqualTo("guessed");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void wrongOldPasswordsInChangePasswordCountAgainstTheSignInBudget(Backend backend) throws Exception {
        SignInThrottle.Limits small = new SignInThrottle.Limits(2, 100, Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofHours(1), 1000);
        try (TestServer server = TestServer.start(backend, directory, options -> options.withSignInThrottle(small),
                Map.of())) {
            AwsCredentials key = IamFixtures.userWithKey(server.iam(), "changer");
            server.iam().createLoginProfile(r -> r.userName("changer").password(PASSWORD));
            IamFixtures.grant(server.iam(), "changer", IamFixtures.allow("iam:ChangePassword"));
            try (IamClient own = server.iam(key)) {
                for (int i = 0; i < 3; i++) {
                    String guess = "Guess-number-" + i;
                    IamFixtures.assertAwsError(() -> own.changePassword(r -> r.oldPassword(guess)
                            .newPassword("Another-Horse-8")), "AccessDenied", 403, "The old password is incorrect.");
                }
                IamFixtures.assertAwsError(() -> own.changePassword(r -> r.oldPassword(PASSWORD)
                        .newPassword("Another-Horse-8")), "Throttling", 400, "Rate exceeded");
            }
            assertThat(user(server, ACCOUNT, "changer", PASSWORD).status()).as("sign-in shares the count")
                    .isEqualTo(429);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theFirstStartTakesTheRootSignInFromTheEnvironmentAndItOutlivesARestart(Backend backend) throws Exception {
        Map<String, String> environment = Map.of(RootPasswords.EMAIL_VARIABLE, "ops@example.com",
                RootPasswords.PASSWORD_VARIABLE, PASSWORD);
        try (TestServer server = TestServer.start(backend, directory, options -> options, environment)) {
            assertThat(server.console()).doesNotContain(PASSWORD);
            assertThat(post(server, body("email", "OPS@example.com", "password", PASSWORD)).status()).isEqualTo(200);
            server.iam().createUser(r -> r.userName("returning"));
            server.iam().createLoginProfile(r -> r.userName("returning").password(PASSWORD));
            assertThat(user(server, ACCOUNT, "returning", PASSWORD).status()).isEqualTo(200);
            Instant lastUsed = server.iam().getUser(r -> r.userName("returning")).user().passwordLastUsed();

            server.restart();

            assertThat(post(server, body("email", "ops@example.com", "password", PASSWORD)).status()).isEqualTo(200);
            assertThat(server.iam().getUser(r -> r.userName("returning")).user().passwordLastUsed()).isEqualTo(lastUsed);
        }
    }
}
