package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.Bootstrap;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.store.Backend;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyRequest;

/**
 * The account password policy and how every password set is checked against it: each rule alone and together, the
 * boundaries of every field, reuse prevention of N passwords, AWS's default policy when the account has none, and
 * the policy surviving a restart. Each test works in an account of its own, so policies do not meet.
 */
class PasswordPolicyTest {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final String VIOLATION = "Password does not conform to the account password policy.";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    /** An account of its own: its id and its root user's credentials on a server. */
    private record Account(String id, AwsCredentials root, TestServer server) {
        /** A client of the account's root user, at the server's current address (it changes when it restarts). */
        IamClient iam() {
            return server.iam(root);
        }
    }

    private static Account newAccount(TestServer server) {
        String id = String.format("32%010d", ACCOUNTS.incrementAndGet());
        Bootstrap.RootCredentials root = Bootstrap.createAccount(server.server().state(), new Ids(), Clock.systemUTC(),
                id, null, null);
        return new Account(id, AwsBasicCredentials.create(root.accessKeyId(), root.secretAccessKey()), server);
    }

    private static void policy(IamClient iam, Consumer<UpdateAccountPasswordPolicyRequest.Builder> fields) {
        iam.updateAccountPasswordPolicy(fields);
    }

    private static void violates(IamClient iam, String user, String password) {
        assertAwsError(() -> iam.updateLoginProfile(r -> r.userName(user).password(password)), "PasswordPolicyViolation",
                400, VIOLATION);
    }

    private static void meets(IamClient iam, String user, String password) {
        iam.updateLoginProfile(r -> r.userName(user).password(password));
    }

    /** A user with a login profile whose password meets every policy the tests set. */
    private static String userWithPassword(IamClient iam, String name) {
        iam.createUser(r -> r.userName(name));
        iam.createLoginProfile(r -> r.userName(name).password("Initial-Passw0rd!"));
        return name;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountWithoutAPolicyAnswersNoSuchEntityInIamsWords(Backend backend) {
        Account account = newAccount(servers.get(backend));
        assertAwsError(() -> account.iam().getAccountPasswordPolicy(), "NoSuchEntity", 404,
                "The Password Policy with domain name " + account.id() + " cannot be found.");
        assertAwsError(() -> account.iam().deleteAccountPasswordPolicy(), "NoSuchEntity", 404,
                "The account policy with name PasswordPolicy cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anUpdateReplacesTheWholePolicyAndOmittedFieldsTakeTheirDefaults(Backend backend) {
        Account account = newAccount(servers.get(backend));
        IamClient iam = account.iam();
        policy(iam, r -> r.minimumPasswordLength(14).requireSymbols(true).requireNumbers(true)
                .requireUppercaseCharacters(true).requireLowercaseCharacters(true).allowUsersToChangePassword(true)
                .maxPasswordAge(90).passwordReusePrevention(24).hardExpiry(true));
        assertThat(iam.getAccountPasswordPolicy().passwordPolicy()).isEqualTo(PasswordPolicy.builder()
                .minimumPasswordLength(14).requireSymbols(true).requireNumbers(true).requireUppercaseCharacters(true)
                .requireLowercaseCharacters(true).allowUsersToChangePassword(true).expirePasswords(true)
                .maxPasswordAge(90).passwordReusePrevention(24).hardExpiry(true).build());

        policy(iam, r -> r.requireNumbers(true));
        assertThat(iam.getAccountPasswordPolicy().passwordPolicy()).as("no partial update").isEqualTo(DEFAULTS.toBuilder()
                .requireNumbers(true).build());
        policy(iam, r -> { });
        assertThat(iam.getAccountPasswordPolicy().passwordPolicy()).isEqualTo(DEFAULTS);

        iam.deleteAccountPasswordPolicy();
        assertAwsError(iam::getAccountPasswordPolicy, "NoSuchEntity", 404,
                "The Password Policy with domain name " + account.id() + " cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyFieldIsBoundedAsTheModelSaysAndARefusedUpdateChangesNothing(Backend backend) {
        IamClient iam = newAccount(servers.get(backend)).iam();
        policy(iam, r -> r.minimumPasswordLength(12));
        String prefix = "1 validation error detected: Value at ";
        assertAwsError(() -> policy(iam, r -> r.minimumPasswordLength(5)), "ValidationError", 400, prefix
                + "'minimumPasswordLength' failed to satisfy constraint: Member must have value greater than or equal to 6");
        assertAwsError(() -> policy(iam, r -> r.minimumPasswordLength(129)), "ValidationError", 400, prefix
                + "'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128");
        assertAwsError(() -> policy(iam, r -> r.maxPasswordAge(0)), "ValidationError", 400, prefix
                + "'maxPasswordAge' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertAwsError(() -> policy(iam, r -> r.maxPasswordAge(1096)), "ValidationError", 400, prefix
                + "'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095");
        assertAwsError(() -> policy(iam, r -> r.passwordReusePrevention(0)), "ValidationError", 400, prefix
                + "'passwordReusePrevention' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertAwsError(() -> policy(iam, r -> r.passwordReusePrevention(25)), "ValidationError", 400, prefix
                + "'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24");
        assertThat(iam.getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength()).isEqualTo(12);

        policy(iam, r -> r.minimumPasswordLength(6).maxPasswordAge(1).passwordReusePrevention(1));
        assertThat(iam.getAccountPasswordPolicy().passwordPolicy()).isEqualTo(DEFAULTS.toBuilder().maxPasswordAge(1)
                .expirePasswords(true).passwordReusePrevention(1).build());
        policy(iam, r -> r.minimumPasswordLength(128).maxPasswordAge(1095).passwordReusePrevention(24));
        assertThat(iam.getAccountPasswordPolicy().passwordPolicy()).isEqualTo(DEFAULTS.toBuilder()
                .minimumPasswordLength(128).maxPasswordAge(1095).expirePasswords(true).passwordReusePrevention(24)
                .build());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachCharacterRuleAloneAndAllTogetherAreEnforcedOnEveryPasswordSet(Backend backend) {
        IamClient iam = newAccount(servers.get(backend)).iam();
        String user = userWithPassword(iam, "pp-rules");

        policy(iam, r -> r.requireSymbols(true));
        violates(iam, user, "abcdefgh");
        meets(iam, user, "abcdefg$");
        policy(iam, r -> r.requireNumbers(true));
        violates(iam, user, "abcdefgh");
        meets(iam, user, "abcdefg7");
        policy(iam, r -> r.requireUppercaseCharacters(true));
        violates(iam, user, "abcdefgh");
        meets(iam, user, "abcdefgH");
        policy(iam, r -> r.requireLowercaseCharacters(true));
        violates(iam, user, "ABCDEFGH");
        meets(iam, user, "ABCDEFGh");

        policy(iam, r -> r.minimumPasswordLength(12).requireSymbols(true).requireNumbers(true)
                .requireUppercaseCharacters(true).requireLowercaseCharacters(true));
        for (String missingOne : List.of("Abcdefghij1", "abcdefghij1!", "ABCDEFGHIJ1!", "Abcdefghijk!", "Abcdefghijk1")) {
            violates(iam, user, missingOne);
        }
        meets(iam, user, "Abcdefghij1!");
        assertAwsError(() -> iam.createLoginProfile(r -> r.userName(iam.createUser(u -> u.userName("pp-new")).user()
                .userName()).password("weak")), "PasswordPolicyViolation", 400, VIOLATION);
        assertAwsError(() -> iam.getLoginProfile(r -> r.userName("pp-new")), "NoSuchEntity", 404,
                "Login Profile for User pp-new cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theMinimumLengthIsInclusiveUpToTheLongestPasswordIamTakes(Backend backend) {
        IamClient iam = newAccount(servers.get(backend)).iam();
        String user = userWithPassword(iam, "pp-length");
        for (int minimum : List.of(6, 20, 128)) {
            policy(iam, r -> r.minimumPasswordLength(minimum));
            violates(iam, user, "x".repeat(minimum - 1));
            meets(iam, user, "y".repeat(minimum));
        }
        assertAwsError(() -> meets(iam, user, "z".repeat(129)), "ValidationError", 400,
                "1 validation error detected: Value at 'password' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withoutACustomPolicyAwsDefaultPolicyApplies(Backend backend) {
        IamClient iam = newAccount(servers.get(backend)).iam();
        iam.createUser(r -> r.userName("pp-default"));
        assertAwsError(() -> iam.createLoginProfile(r -> r.userName("pp-default").password("Abcdef1")),
                "PasswordPolicyViolation", 400, VIOLATION);
        assertAwsError(() -> iam.createLoginProfile(r -> r.userName("pp-default").password("abcdefgh12")),
                "PasswordPolicyViolation", 400, VIOLATION);
        iam.createLoginProfile(r -> r.userName("pp-default").password("abcdefgh1!"));
        policy(iam, r -> { });
        meets(iam, "pp-default", "abcdef");
        iam.deleteAccountPasswordPolicy();
        violates(iam, "pp-default", "abcdefgh");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void reusePreventionOfNRefusesTheLastNPasswordsAndNoMore(Backend backend) {
        IamClient iam = newAccount(servers.get(backend)).iam();
        String user = userWithPassword(iam, "pp-reuse");
        policy(iam, r -> r.passwordReusePrevention(3));
        meets(iam, user, "first-pass");
        meets(iam, user, "second-pass");
        meets(iam, user, "third-pass");
        violates(iam, user, "third-pass");
        violates(iam, user, "second-pass");
        violates(iam, user, "first-pass");
        meets(iam, user, "fourth-pass");
        meets(iam, user, "first-pass");

        policy(iam, r -> r.passwordReusePrevention(1));
        violates(iam, user, "first-pass");
        meets(iam, user, "fourth-pass");
        policy(iam, r -> { });
        meets(iam, user, "fourth-pass");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void thePolicyAndThePasswordsItRemembersSurviveARestart(Backend backend) {
        TestServer server = servers.get(backend);
        Account account = newAccount(server);
        String user = userWithPassword(account.iam(), "pp-restart");
        policy(account.iam(), r -> r.minimumPasswordLength(10).maxPasswordAge(30).passwordReusePrevention(2));
        meets(account.iam(), user, "remembered-1");
        Account other = newAccount(server);
        policy(other.iam(), r -> r.requireSymbols(true));
        other.iam().deleteAccountPasswordPolicy();

        server.restart();
        assertThat(account.iam().getAccountPasswordPolicy().passwordPolicy()).isEqualTo(DEFAULTS.toBuilder()
                .minimumPasswordLength(10).maxPasswordAge(30).expirePasswords(true).passwordReusePrevention(2).build());
        assertAwsError(() -> other.iam().getAccountPasswordPolicy(), "NoSuchEntity", 404,
                "The Password Policy with domain name " + other.id() + " cannot be found.");
        violates(account.iam(), user, "remembered-1");
        violates(account.iam(), user, "Initial-Passw0rd!");
        violates(account.iam(), user, "too-short");
        meets(account.iam(), user, "a-new-password");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void allowUsersToChangePasswordLetsEveryUserChangeItsOwnPasswordAndReadThePolicy(Backend backend) {
        TestServer server = servers.get(backend);
        Account account = newAccount(server);
        IamClient root = account.iam();
        AwsCredentials key = userWithKey(root, "pp-self");
        root.createLoginProfile(r -> r.userName("pp-self").password("Own-pass-1"));
        IamClient self = server.iam(key);
        String arn = "arn:aws:iam::" + account.id() + ":user/pp-self";
        assertDenied(() -> self.changePassword(r -> r.oldPassword("Own-pass-1").newPassword("Own-pass-2")), arn,
                "iam:ChangePassword", arn);
        policy(root, r -> r.allowUsersToChangePassword(false));
        assertDenied(self::getAccountPasswordPolicy, arn, "iam:GetAccountPasswordPolicy", "*");
        assertDenied(() -> self.changePassword(r -> r.oldPassword("Own-pass-1").newPassword("Own-pass-2")), arn,
                "iam:ChangePassword", arn);

        policy(root, r -> r.allowUsersToChangePassword(true).minimumPasswordLength(10));
        assertThat(self.getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength()).isEqualTo(10);
        self.changePassword(r -> r.oldPassword("Own-pass-1").newPassword("Own-pass-22"));
        assertDenied(() -> self.updateLoginProfile(r -> r.userName("pp-self").password("Own-pass-333")), arn,
                "iam:UpdateLoginProfile", "user pp-self");

        root.putUserPolicy(r -> r.userName("pp-self").policyName("no-change").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:ChangePassword\",\"Resource\":\"*\"}]}"));
        assertAwsError(() -> self.changePassword(r -> r.oldPassword("Own-pass-22").newPassword("Own-pass-333")),
                "AccessDenied", 403, "User: " + arn + " is not authorized to perform: iam:ChangePassword on resource: "
                        + arn + " with an explicit deny in an identity-based policy");
        root.deleteUserPolicy(r -> r.userName("pp-self").policyName("no-change"));
        policy(root, r -> r.minimumPasswordLength(10));
        assertDenied(() -> self.changePassword(r -> r.oldPassword("Own-pass-22").newPassword("Own-pass-333")), arn,
                "iam:ChangePassword", arn);
    }

    /** The policy an update without fields sets. */
    private static final PasswordPolicy DEFAULTS = PasswordPolicy.builder().minimumPasswordLength(6)
            .requireSymbols(false).requireNumbers(false).requireUppercaseCharacters(false)
            .requireLowercaseCharacters(false).allowUsersToChangePassword(false).expirePasswords(false)
            .hardExpiry(false).build();
}
