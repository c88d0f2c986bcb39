package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A user under AWS's documented "manage your own MFA, and nothing else without it" policy: with long-term keys alone
 * the user may set up a virtual MFA device and nothing else; a session from GetSessionToken with a code of the device
 * (computed here as an authenticator app computes it, independently of the server) carries
 * {@code aws:MultiFactorAuthPresent} and may do what the user's policies allow. A code is good for one session.
 */
class MfaSessionTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;

    /**
     * The IAM User Guide's example policy "Allows MFA-authenticated IAM users to manage their own MFA device", with one
     * statement of work that the user may do once authenticated with MFA.
     */
    private static final String SELF_MANAGED_MFA = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AllowViewAccountInfo", "Effect": "Allow", "Action": "iam:ListVirtualMFADevices", "Resource": "*"},
              {"Sid": "AllowManageOwnVirtualMFADevice", "Effect": "Allow", "Action": "iam:CreateVirtualMFADevice",
               "Resource": "arn:aws:iam::*:mfa/*"},
              {"Sid": "AllowManageOwnUserMFA", "Effect": "Allow",
               "Action": ["iam:DeactivateMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:GetMFADevice",
                          "iam:ListMFADevices", "iam:ResyncMFADevice"],
               "Resource": "arn:aws:iam::*:user/${aws:username}"},
              {"Sid": "DenyAllExceptListedIfNoMFA", "Effect": "Deny",
               "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:GetMFADevice",
                             "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice",
                             "sts:GetSessionToken"],
               "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
              {"Sid": "Work", "Effect": "Allow", "Action": ["iam:ListUsers", "sts:GetCallerIdentity"], "Resource": "*"}
            ]}""";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserSetsUpMfaThenWorksOnlyInSessionsAuthenticatedWithIt(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String name = unique("mfa-worker");
        String arn = "arn:aws:iam::" + ACCOUNT + ":user/" + name;
        AwsCredentials longTerm = userWithKey(server.iam(), name);
        grant(server.iam(), name, SELF_MANAGED_MFA);

        String serial;
        String seed;
        long step;
        try (IamClient iam = server.iam(longTerm)) {
            TotpCodes.EnabledDevice device = TotpCodes.enableNew(iam, name, name);
            serial = device.serial();
            seed = device.seed();
            step = device.step();

            assertAwsError(() -> iam.listUsers(), "AccessDenied", 403, "User: " + arn
                    + " is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::" + ACCOUNT
                    + ":user/ with an explicit deny in an identity-based policy");
        }
        assertThat(serial).isEqualTo("arn:aws:iam::" + ACCOUNT + ":mfa/" + name);

        String code = TotpCodes.code(seed, step);
        AwsSessionCredentials session;
        try (StsClient sts = server.sts(longTerm)) {
            Credentials credentials = sts.getSessionToken(r -> r.serialNumber(serial).tokenCode(code)).credentials();
            session = AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                    credentials.sessionToken());

            assertAwsError(() -> sts.getSessionToken(r -> r.serialNumber(serial).tokenCode(code)), "AccessDenied", 403,
                    "MultiFactorAuthentication failed with invalid MFA one time pass code.");
            String wrong = code.equals("000000") ? "000001" : "000000";
            assertAwsError(() -> sts.getSessionToken(r -> r.serialNumber(serial).tokenCode(wrong)), "AccessDenied",
                    403, "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }

        try (IamClient iam = server.iam(session); StsClient sts = server.sts(session)) {
            assertThat(iam.listUsers().users()).extracting(u -> u.userName()).contains(name);
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(arn);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCodeOfAnotherUsersDeviceOpensNoSession(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String owner = unique("mfa-owner");
        String other = unique("mfa-other");
        server.iam().createUser(r -> r.userName(owner));
        AwsCredentials otherKey = userWithKey(server.iam(), other);
        TotpCodes.EnabledDevice device = TotpCodes.enableNew(server.iam(), owner, owner);

        try (StsClient sts = server.sts(otherKey)) {
            assertAwsError(() -> sts.getSessionToken(r -> r.serialNumber(device.serial())
                            .tokenCode(TotpCodes.code(device.seed(), device.step()))), "AccessDenied", 403,
                    "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial "
                            + "number is valid and associated with this user.");
        }
    }
    @ParameterizedTest
    @EnumSource(Backend.class)
    void afterTenWrongCodesEvenTheRightOneIsRefusedForAWhile(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        String name = unique("mfa-guessed");
        AwsCredentials longTerm = userWithKey(server.iam(), name);
        TotpCodes.EnabledDevice device = TotpCodes.enableNew(server.iam(), name, name);
        String seed = device.seed();
        long step = device.step();
        String right = TotpCodes.code(seed, step);

        try (StsClient sts = server.sts(longTerm)) {
            int guess = 0;
            for (int i = 0; i < 10; i++) {
                String wrong = String.format("%06d", guess++);
                if (wrong.equals(right) || wrong.equals(TotpCodes.code(seed, step + 1))) {
                    wrong = String.format("%06d", guess++);
                }
                String code = wrong;
                assertAwsError(() -> sts.getSessionToken(r -> r.serialNumber(device.serial()).tokenCode(code)),
                        "AccessDenied", 403, "MultiFactorAuthentication failed with invalid MFA one time pass code.");
            }
            // The tenth refusal makes the device wait 16 s: the right code is not even looked at.
            assertAwsError(() -> sts.getSessionToken(r -> r.serialNumber(device.serial()).tokenCode(right)),
                    "AccessDenied", 403, "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
    }
}
