package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.SignInClient.body;
import static io.gatehouse.server.it.SignInClient.events;
import static io.gatehouse.server.it.SignInClient.ofUser;
import static io.gatehouse.server.it.SignInClient.post;
import static io.gatehouse.server.it.SignInClient.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.Bootstrap;
import io.gatehouse.server.RootPasswords;
import io.gatehouse.server.console.SignInThrottle;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.crypto.PasswordHashing;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code POST /signin}: IAM users and root users sign in with a password (and an MFA code when they have a device) and
 * get console session credentials that work with the SDK; every failure answers alike; a password that must be
 * changed is changed at sign-in when allowed; every attempt is a CloudTrail ConsoleLogin event without a secret in it.
 */
class SignInTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String PASSWORD = "Correct-Horse-9";
    private static final String WRONG = "Wrong-Horse-9";
    private static final String FAILED = "{\"error\":\"AuthenticationFailed\","
            + "\"message\":\"Your authentication information is incorrect. Please try again.\"}";
    /** Failures from one address are many across this class's tests: only the throttle test counts them. */
    private static final SignInThrottle.Limits LENIENT = new SignInThrottle.Limits(3, 100_000, Duration.ofSeconds(1),
            Duration.ofMinutes(15), Duration.ofHours(1), 100_000);
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @TempDir
    static Path directory;
    static final Map<Backend, TestServer> servers = new java.util.EnumMap<>(Backend.class);

    @BeforeAll
    static void noServersYet() {
        servers.clear();
    }

    static synchronized TestServer server(Backend backend) {
        return servers.computeIfAbsent(backend, b -> TestServer.start(b, directory.resolve(b.name()),
                options -> options.withSignInThrottle(LENIENT), Map.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        for (TestServer server : servers.values()) {
            server.close();
        }
    }

    /** A user with a console password. */
    private static String userWithPassword(IamClient iam, String prefix) {
        String name = unique(prefix);
        iam.createUser(r -> r.userName(name));
        iam.createLoginProfile(r -> r.userName(name).password(PASSWORD));
        return name;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserSignsInAndItsSessionCredentialsWorkWithTheSdk(Backend backend) throws Exception {
        TestServer server = server(backend);
        String name = userWithPassword(server.iam(), "console");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        SignInClient.Answer answer = user(server, ACCOUNT, name.toUpperCase(), PASSWORD);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        String arn = "arn:aws:iam::" + ACCOUNT + ":user/" + name;
        assertThat(json.get("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(json.get("arn").asText()).isEqualTo(arn);
        assertThat(json.get("userName").asText()).isEqualTo(name);
        Instant expiration = Instant.parse(json.get("credentials").get("expiration").asText());
        assertThat(Duration.between(before, expiration)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        assertThat(json.get("credentials").get("accessKeyId").asText()).startsWith("ASIA");
        String token = json.get("credentials").get("sessionToken").asText();
        assertThat(answer.header("Set-Cookie")).isEqualTo("gatehouse-session=" + token
                + "; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(server.server().sessions().open(token).session().mfaAuthenticated()).isFalse();

        try (StsClient sts = server.sts(answer.credentials())) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(arn);
        }
        Instant lastUsed = server.iam().getUser(r -> r.userName(name)).user().passwordLastUsed();
        assertThat(lastUsed).isBetween(before, Instant.now());

        JsonNode event = events(server, 1, ofUser(name)).getFirst();
        assertThat(event.get("eventVersion").asText()).isEqualTo("1.09");
        assertThat(event.get("eventSource").asText()).isEqualTo("signin.amazonaws.com");
        assertThat(event.get("eventType").asText()).isEqualTo("AwsConsoleSignIn");
        assertThat(event.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(event.get("userIdentity").get("type").asText()).isEqualTo("IAMUser");
        assertThat(event.get("userIdentity").get("arn").asText()).isEqualTo(arn);
        assertThat(event.get("userIdentity").get("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(event.get("userIdentity").get("principalId").asText()).startsWith("AIDA");
        assertThat(event.get("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(event.get("userAgent").asText()).isEqualTo("signin-test/1.0");
        assertThat(event.get("requestParameters").isNull()).isTrue();
        assertThat(event.get("responseElements").get("ConsoleLogin").asText()).isEqualTo("Success");
        assertThat(event.get("additionalEventData").get("MFAUsed").asText()).isEqualTo("No");
        assertThat(event.get("additionalEventData").get("MobileVersion").asText()).isEqualTo("No");
        assertThat(event.get("additionalEventData").get("LoginTo").asText()).startsWith("http://127.0.0.1:");
        assertThat(event.has("errorMessage")).isFalse();
        assertThat(event.get("recipientAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(event.toString()).doesNotContain(PASSWORD).doesNotContain(token);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountAliasNamesTheAccountToo(Backend backend) {
        TestServer server = server(backend);
        String name = userWithPassword(server.iam(), "aliased");
        String alias = "signin-alias-" + backend.name().toLowerCase();
        server.iam().createAccountAlias(r -> r.accountAlias(alias));
        try {
            assertThat(user(server, alias, name, PASSWORD).status()).isEqualTo(200);
            assertThat(user(server, alias.toUpperCase(), name, PASSWORD).status()).isEqualTo(200);
        } finally {
            server.iam().deleteAccountAlias(r -> r.accountAlias(alias));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyFailureAnswersAlikeAndIsRecordedWithoutTheSecret(Backend backend) throws Exception {
        TestServer server = server(backend);
        String name = userWithPassword(server.iam(), "target");
        String noPassword = unique("keyless");
        server.iam().createUser(r -> r.userName(noPassword));
        String unknown = unique("nobody");

        List<SignInClient.Answer> answers = List.of(
                user(server, ACCOUNT, name, WRONG),
                user(server, ACCOUNT, unknown, PASSWORD),
                user(server, "999988887777", name, PASSWORD),
                user(server, "no-such-alias", name, PASSWORD),
                user(server, ACCOUNT, noPassword, PASSWORD),
                post(server, body("email", "nobody@example.com", "password", PASSWORD)),
                user(server, ACCOUNT, name, "x".repeat(200)));
        for (SignInClient.Answer answer : answers) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(FAILED);
            assertThat(answer.header("Set-Cookie")).isNull();
        }

        List<JsonNode> wrongPassword = events(server, 2, ofUser(name));
        assertThat(wrongPassword).hasSize(2);
        JsonNode event = wrongPassword.getLast();
        assertThat(event.get("userIdentity").get("arn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/" + name);
        assertThat(event.get("responseElements").get("ConsoleLogin").asText()).isEqualTo("Failure");
        assertThat(event.get("errorMessage").asText()).isEqualTo("Failed authentication");
        assertThat(event.get("additionalEventData").get("MFAUsed").asText()).isEqualTo("No");

        List<JsonNode> hidden = events(server, 4,
                e -> e.get("userIdentity").path("userName").asText().equals("HIDDEN_DUE_TO_SECURITY_REASONS"));
        assertThat(hidden).hasSizeGreaterThanOrEqualTo(4);
        assertThat(hidden).anySatisfy(e -> {
            assertThat(e.get("userIdentity").path("accountId").asText()).isEqualTo(ACCOUNT);
            assertThat(e.get("userIdentity").has("arn")).isFalse();
        });
        assertThat(hidden).anySatisfy(e -> {
            assertThat(e.get("userIdentity").path("accountId").isMissingNode()).isTrue();
            assertThat(e.get("recipientAccountId").asText()).isEmpty();
        });
        assertThat(hidden).anySatisfy(e -> assertThat(e.get("userIdentity").get("type").asText()).isEqualTo("Root"));
        for (JsonNode any : events(server, 0, e -> true)) {
            assertThat(any.toString()).doesNotContain(PASSWORD).doesNotContain(WRONG).doesNotContain(unknown);
        }
        assertThat(server.iam().getUser(r -> r.userName(name)).user().passwordLastUsed()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserWithAnMfaDeviceMustGiveAFreshCode(Backend backend) throws Exception {
        TestServer server = server(backend);
        String name = userWithPassword(server.iam(), "mfa-console");
        TotpCodes.EnabledDevice device = TotpCodes.enableNew(server.iam(), name, name);
        String serial = device.serial();
        String seed = device.seed();
        long step = device.step();

        SignInClient.Answer asked = user(server, ACCOUNT, name, PASSWORD);
        assertThat(asked.status()).isEqualTo(401);
        assertThat(asked.json().get("error").asText()).isEqualTo("MfaRequired");
        assertThat(user(server, ACCOUNT, name, WRONG).body()).as("a wrong password is not asked for a code")
                .isEqualTo(FAILED);

        String code = TotpCodes.code(seed, step);
        String wrong = code.equals("000000") ? "000001" : "000000";
        SignInClient.Answer refused = post(server, body("account", ACCOUNT, "userName", name, "password", PASSWORD,
                "mfaCode", wrong));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(FAILED);

        SignInClient.Answer signedIn = post(server, body("account", ACCOUNT, "userName", name, "password", PASSWORD,
                "mfaCode", code));
        assertThat(signedIn.status()).isEqualTo(200);
        String token = signedIn.json().get("credentials").get("sessionToken").asText();
        assertThat(server.server().sessions().open(token).session().mfaAuthenticated()).isTrue();

        SignInClient.Answer replayed = post(server, body("account", ACCOUNT, "userName", name, "password", PASSWORD,
                "mfaCode", code));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.body()).isEqualTo(FAILED);

        List<JsonNode> recorded = events(server, 4, ofUser(name));
        assertThat(recorded).extracting(e -> e.get("responseElements").get("ConsoleLogin").asText() + "/"
                + e.get("additionalEventData").get("MFAUsed").asText())
                .containsExactly("Failure/Yes", "Success/Yes", "Failure/Yes", "Failure/No");
        for (JsonNode event : recorded) {
            assertThat(event.toString()).doesNotContain(code).doesNotContain(wrong).doesNotContain(seed);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theRootUserSignsInByEmailAndThenWithMfa(Backend backend) throws Exception {
        TestServer server = server(backend);
        String email = unique("owner") + "@Example.com";
        Root root = newAccount(server, email);

        SignInClient.Answer answer = post(server, body("email", email.toLowerCase(), "password", PASSWORD));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("arn").asText()).isEqualTo("arn:aws:iam::" + root.id() + ":root");
        assertThat(answer.json().has("userName")).isFalse();
        try (StsClient sts = server.sts(answer.credentials())) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + root.id() + ":root");
        }
        assertThat(post(server, body("email", email, "password", WRONG)).body()).isEqualTo(FAILED);

        IamClient iam = server.iam(root.credentials());
        TotpCodes.EnabledDevice device = TotpCodes.enableNew(iam, root.id(), "root-account-mfa-device");
        assertThat(device.serial()).isEqualTo("arn:aws:iam::" + root.id() + ":mfa/root-account-mfa-device");
        String seed = device.seed();
        long step = device.step();

        assertThat(post(server, body("email", email, "password", PASSWORD)).json().get("error").asText())
                .isEqualTo("MfaRequired");
        SignInClient.Answer withMfa = post(server, body("email", email, "password", PASSWORD,
                "mfaCode", TotpCodes.code(seed, step)));
        assertThat(withMfa.status()).isEqualTo(200);

        List<JsonNode> recorded = events(server, 3, e -> root.id().equals(e.get("recipientAccountId").asText()));
        assertThat(recorded).hasSize(3);
        JsonNode success = recorded.getFirst();
        assertThat(success.get("userIdentity").get("type").asText()).isEqualTo("Root");
        assertThat(success.get("userIdentity").get("arn").asText()).isEqualTo("arn:aws:iam::" + root.id() + ":root");
        assertThat(success.get("userIdentity").get("principalId").asText()).isEqualTo(root.id());
        assertThat(success.get("userIdentity").has("userName")).isFalse();
        assertThat(success.get("additionalEventData").get("MFAUsed").asText()).isEqualTo("Yes");
        assertThat(recorded.get(1).get("errorMessage").asText()).isEqualTo("Failed authentication");

        iam.generateCredentialReport();
        String report = iam.getCredentialReport().content().asUtf8String();
        String rootRow = report.lines().filter(line -> line.startsWith("<root_account>,")).findFirst().orElseThrow();
        Instant lastUsed = Instant.parse(rootRow.split(",")[4].replace("+00:00", "Z"));
        assertThat(lastUsed).as("password_last_used: the root user's last sign-in")
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPasswordTheAdministratorWantsResetIsChangedAtSignInWhenTheUserMay(Backend backend) throws Exception {
        TestServer server = server(backend);
        String name = unique("reset");
        server.iam().createUser(r -> r.userName(name));
        server.iam().createLoginProfile(r -> r.userName(name).password(PASSWORD).passwordResetRequired(true));
        grant(server.iam(), name, IamFixtures.allowWhere("\"iam:ChangePassword\"",
                "\"arn:aws:iam::*:user/${aws:username}\"", null));

        assertThat(user(server, ACCOUNT, name, WRONG).body()).as("nothing is told before the password is right")
                .isEqualTo(FAILED);
        SignInClient.Answer asked = user(server, ACCOUNT, name, PASSWORD);
        assertThat(asked.status()).isEqualTo(403);
        assertThat(asked.json().get("error").asText()).isEqualTo("PasswordChangeRequired");
        assertThat(asked.json().get("reason").asText()).isEqualTo("PasswordResetRequired");

        SignInClient.Answer weak = post(server, body("account", ACCOUNT, "userName", name, "password", PASSWORD,
                "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("error").asText()).isEqualTo("PasswordPolicyViolation");

        String renewed = "Renewed-Passw0rd";
        SignInClient.Answer changed = post(server, body("account", ACCOUNT, "userName", name, "password", PASSWORD,
                "newPassword", renewed));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(server.iam().getLoginProfile(r -> r.userName(name)).loginProfile().passwordResetRequired()).isFalse();
        assertThat(user(server, ACCOUNT, name, PASSWORD).body()).isEqualTo(FAILED);
        assertThat(user(server, ACCOUNT, name, renewed).status()).isEqualTo(200);
        for (JsonNode event : events(server, 3, ofUser(name))) {
            assertThat(event.toString()).doesNotContain(renewed).doesNotContain(PASSWORD);
        }

        String denied = unique("reset-denied");
        server.iam().createUser(r -> r.userName(denied));
        server.iam().createLoginProfile(r -> r.userName(denied).password(PASSWORD).passwordResetRequired(true));
        SignInClient.Answer notAllowed = post(server, body("account", ACCOUNT, "userName", denied, "password", PASSWORD,
                "newPassword", renewed));
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.json().get("error").asText()).isEqualTo("PasswordChangeNotAllowed");
        assertThat(user(server, ACCOUNT, denied, renewed).body()).isEqualTo(FAILED);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anExpiredPasswordIsChangedAtSignInUnlessExpiryIsHard(Backend backend) throws Exception {
        TestServer server = server(backend);
        Root root = newAccount(server, null);
        IamClient iam = server.iam(root.credentials());
        iam.updateAccountPasswordPolicy(r -> r.maxPasswordAge(90));
        String name = userWithPassword(iam, "aged");
        age(server, root.id(), name, 91);

        SignInClient.Answer asked = user(server, root.id(), name, PASSWORD);
        assertThat(asked.status()).isEqualTo(403);
        assertThat(asked.json().get("reason").asText()).isEqualTo("PasswordExpired");
        String renewed = "Renewed-Passw0rd";
        assertThat(post(server, body("account", root.id(), "userName", name, "password", PASSWORD,
                "newPassword", renewed)).status()).as("expired, not reset: no permission needed").isEqualTo(200);
        assertThat(user(server, root.id(), name, renewed).status()).isEqualTo(200);

        iam.updateAccountPasswordPolicy(r -> r.maxPasswordAge(90).hardExpiry(true));
        age(server, root.id(), name, 91);
        SignInClient.Answer hard = post(server, body("account", root.id(), "userName", name, "password", renewed,
                "newPassword", "Another-Passw0rd"));
        assertThat(hard.status()).isEqualTo(403);
        assertThat(hard.json().get("error").asText()).isEqualTo("PasswordExpired");
        assertThat(user(server, root.id(), name, renewed).json().get("error").asText()).isEqualTo("PasswordExpired");

        iam.updateLoginProfile(r -> r.userName(name).password("Admin-Set-Passw0rd"));
        assertThat(user(server, root.id(), name, "Admin-Set-Passw0rd").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aWeakerStoredHashIsReplacedAtSignIn(Backend backend) {
        TestServer server = server(backend);
        String name = userWithPassword(server.iam(), "rehash");
        String weak = new PasswordHasher(new PasswordHashing(1024, 1, 1)).hash(PASSWORD);
        server.server().state().apply(m -> {
            LoginProfile profile = m.account(ACCOUNT).loginProfile(name);
            m.putLoginProfile(ACCOUNT, profile.withRehashedPassword(weak));
            return null;
        });

        assertThat(user(server, ACCOUNT, name, PASSWORD).status()).isEqualTo(200);

        String stored = server.server().state().current().account(ACCOUNT).loginProfile(name).passwordHash();
        assertThat(stored).isNotEqualTo(weak).contains("m=" + PasswordHashing.DEFAULT_MEMORY_KIB + ",t=2,p=1");
        assertThat(user(server, ACCOUNT, name, PASSWORD).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void requestsThatAreNotSignInsAreRefusedPlainly(Backend backend) {
        TestServer server = server(backend);
        assertThat(post(server.endpoint(), "text/plain", "{}").status()).isEqualTo(415);
        SignInClient.Answer notJson = post(server, "{\"account\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asText()).isEqualTo("MalformedRequest");
        assertThat(post(server, "{\"account\":\"" + ACCOUNT + "\",\"password\":\"" + PASSWORD + "\"}").status())
                .isEqualTo(400);
        assertThat(post(server, "{\"account\":[1],\"userName\":\"a\",\"password\":\"b\"}").status()).isEqualTo(400);
        SignInClient.Answer large = post(server, body("account", ACCOUNT, "userName", "a", "password",
                "p".repeat(9000)));
        assertThat(large.status()).isEqualTo(413);
        assertThat(notJson.body()).doesNotContain(PASSWORD);
    }

    /** An account of its own (for a password policy or a root sign-in), with a root email when one is given. */
    private static Root newAccount(TestServer server, String email) {
        String id = String.format("41%010d", ACCOUNTS.incrementAndGet());
        PasswordHasher hasher = new PasswordHasher(PasswordHashing.DEFAULT);
        Bootstrap.RootCredentials root = Bootstrap.createAccount(server.server().state(), new Ids(), Clock.systemUTC(),
                id, null, null, email == null ? null : RootPasswords.login(hasher, email, PASSWORD));
        return new Root(id, AwsBasicCredentials.create(root.accessKeyId(), root.secretAccessKey()));
    }

    private record Root(String id, AwsCredentials credentials) {}

    /** Makes a user's password {@code days} old, as if it had been set then. */
    static void age(TestServer server, String accountId, String userName, int days) {
        server.server().state().apply(m -> {
            LoginProfile profile = m.account(accountId).loginProfile(userName);
            m.putLoginProfile(accountId, new LoginProfile(profile.userName(), profile.created(),
                    Instant.now().minus(Duration.ofDays(days)), profile.passwordResetRequired(), profile.passwordHash(),
                    profile.previousHashes()));
            return null;
        });
    }
}
