package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.console.SignInThrottle;
import io.gatehouse.server.mfa.MfaCodes;
import io.gatehouse.server.mfa.MfaCodes.Outcome;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * The root user's own MFA device, and the account summary's MFA counts (on a server of its own, since the summary
 * counts every device of the account).
 */
class RootMfaDeviceTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String SERIAL = "arn:aws:iam::" + ACCOUNT + ":mfa/root-account-mfa-device";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theRootUserEnablesADeviceForItselfAndTheSummaryCountsIt(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            IamClient root = server.iam();
            Map<String, Integer> none = root.getAccountSummary().summaryMapAsStrings();
            assertThat(none).containsEntry("MFADevices", 0).containsEntry("MFADevicesInUse", 0)
                    .containsEntry("AccountMFAEnabled", 0);
            String seed = root.createVirtualMFADevice(r -> r.virtualMFADeviceName("root-account-mfa-device"))
                    .virtualMFADevice().base32StringSeed().asUtf8String();
            root.createVirtualMFADevice(r -> r.virtualMFADeviceName("spare"));
            Instant before = Instant.now().minusSeconds(1);

            long now = TotpCodes.freshStep();
            // EnableMFADevice requires a user name: the root user gives its account id.
            root.enableMFADevice(r -> r.userName(ACCOUNT).serialNumber(SERIAL)
                    .authenticationCode1(TotpCodes.code(seed, now - 2)).authenticationCode2(TotpCodes.code(seed, now - 1)));

            MFADevice own = root.listMFADevices().mfaDevices().getFirst();
            assertThat(own.serialNumber()).isEqualTo(SERIAL);
            assertThat(own.userName()).as("the root user has no user name").isNull();
            assertThat(own.enableDate()).isAfter(before);
            VirtualMFADevice listed = root.listVirtualMFADevices().virtualMFADevices().stream()
                    .filter(d -> d.serialNumber().equals(SERIAL)).findFirst().orElseThrow();
            assertThat(listed.user().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
            assertThat(listed.user().userId()).isEqualTo(ACCOUNT);
            assertThat(listed.enableDate()).isEqualTo(own.enableDate());
            assertThat(root.getAccountSummary().summaryMapAsStrings()).containsEntry("MFADevices", 2)
                    .containsEntry("MFADevicesInUse", 1).containsEntry("AccountMFAEnabled", 1);

            root.resyncMFADevice(r -> r.userName(ACCOUNT).serialNumber(SERIAL)
                    .authenticationCode1(TotpCodes.code(seed, now)).authenticationCode2(TotpCodes.code(seed, now + 1)));
            MfaCodes codes = new MfaCodes(server.server().state(), new SignInThrottle(MfaCodes.THROTTLE, Clock.systemUTC()));
            Instant later = Instant.ofEpochSecond(now * 30 + 300);
            assertThat(codes.verify(ACCOUNT, null, SERIAL, TotpCodes.code(seed, now + 10), later))
                    .isEqualTo(Outcome.ACCEPTED);
            root.deactivateMFADevice(r -> r.serialNumber(SERIAL));
            assertThat(root.listMFADevices().mfaDevices()).isEmpty();
            assertThat(root.getAccountSummary().summaryMapAsStrings()).containsEntry("MFADevices", 2)
                    .containsEntry("MFADevicesInUse", 0).containsEntry("AccountMFAEnabled", 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountIdIsTheRootUserOnlyForTheRootUserAndOnlyWhereNoUserHasIt(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            IamClient root = server.iam();
            String seed = root.createVirtualMFADevice(r -> r.virtualMFADeviceName("numbered")).virtualMFADevice()
                    .base32StringSeed().asUtf8String();
            root.createUser(r -> r.userName(ACCOUNT));
            long now = TotpCodes.freshStep();
            root.enableMFADevice(r -> r.userName(ACCOUNT).serialNumber("arn:aws:iam::" + ACCOUNT + ":mfa/numbered")
                    .authenticationCode1(TotpCodes.code(seed, now - 2)).authenticationCode2(TotpCodes.code(seed, now - 1)));

            assertThat(root.listMFADevices(r -> r.userName(ACCOUNT)).mfaDevices()).extracting(MFADevice::userName)
                    .containsExactly(ACCOUNT);
            assertThat(root.listMFADevices().mfaDevices()).as("not the root user's").isEmpty();
            assertThat(root.getAccountSummary().summaryMapAsStrings()).containsEntry("AccountMFAEnabled", 0);
            assertAwsError(() -> root.deleteUser(r -> r.userName(ACCOUNT)), "DeleteConflict", 409,
                    "Cannot delete entity, must delete MFA device first.");
        }
    }
}
