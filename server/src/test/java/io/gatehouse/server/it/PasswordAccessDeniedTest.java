package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Every password operation denied to a user no policy allows anything, with IAM's message, and without a change: the
 * account password policy operations on {@code *}, the login profile operations on the user they name
 * ({@code user NAME}, or {@code user null} and the caller's name when they name none), ChangePassword on the caller's
 * own ARN.
 */
class PasswordAccessDeniedTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String CALLER = "arn:aws:iam::" + ACCOUNT + ":user/pd-nobody";
    private static final Map<Backend, IamClient> NOBODY = new EnumMap<>(Backend.class);

    /** An operation, the IAM action it is authorized as, and the resource its denial names. */
    private record Case(String action, String resource, Consumer<IamClient> call) {}

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static synchronized IamClient nobody(Backend backend) {
        return NOBODY.computeIfAbsent(backend, b -> {
            IamClient root = servers.get(b).iam();
            IamClient nobody = servers.get(b).iam(userWithKey(root, "pd-nobody"));
            root.createLoginProfile(r -> r.userName("pd-nobody").password("Nobody-pass-1"));
            root.createUser(r -> r.userName("pd-target").path("/p/"));
            root.createLoginProfile(r -> r.userName("pd-target").password("Target-pass-1"));
            return nobody;
        });
    }

    static Stream<Arguments> cases() {
        String target = "user pd-target";
        List<Case> cases = List.of(
                new Case("iam:UpdateAccountPasswordPolicy", "*",
                        iam -> iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(6))),
                new Case("iam:GetAccountPasswordPolicy", "*", IamClient::getAccountPasswordPolicy),
                new Case("iam:DeleteAccountPasswordPolicy", "*", IamClient::deleteAccountPasswordPolicy),
                new Case("iam:CreateLoginProfile", target,
                        iam -> iam.createLoginProfile(r -> r.userName("pd-target").password("Other-pass-1"))),
                new Case("iam:CreateLoginProfile", "user pd-missing",
                        iam -> iam.createLoginProfile(r -> r.userName("pd-missing").password("Other-pass-1"))),
                new Case("iam:CreateLoginProfile", "user nullpd-nobody",
                        iam -> iam.createLoginProfile(r -> r.password("Other-pass-1"))),
                new Case("iam:GetLoginProfile", target, iam -> iam.getLoginProfile(r -> r.userName("pd-target"))),
                new Case("iam:GetLoginProfile", "user nullpd-nobody", iam -> iam.getLoginProfile(r -> { })),
                new Case("iam:UpdateLoginProfile", target,
                        iam -> iam.updateLoginProfile(r -> r.userName("pd-target").password("Other-pass-1"))),
                new Case("iam:DeleteLoginProfile", target, iam -> iam.deleteLoginProfile(r -> r.userName("pd-target"))),
                new Case("iam:DeleteLoginProfile", "user nullpd-nobody", iam -> iam.deleteLoginProfile(r -> { })),
                new Case("iam:ChangePassword", CALLER,
                        iam -> iam.changePassword(r -> r.oldPassword("Nobody-pass-1").newPassword("Other-pass-1"))));
        List<Arguments> arguments = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            for (Case c : cases) {
                arguments.add(Arguments.of(backend, c.action() + " on " + c.resource(), c));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void aUserWithoutPermissionIsDeniedAndNothingChanges(Backend backend, String title, Case c) {
        IamClient nobody = nobody(backend);
        assertDenied(() -> c.call().accept(nobody), CALLER, c.action(), c.resource());
        TestServer server = servers.get(backend);
        var account = server.server().state().current().account(ACCOUNT);
        assertThat(account.account().passwordPolicy()).isNull();
        assertThat(account.loginProfile("pd-target").passwordHash()).startsWith("$argon2id$");
        assertThat(account.loginProfile("pd-nobody")).isNotNull();
        assertThat(account.loginProfile("pd-missing")).isNull();
    }
}
