package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.console.SignInThrottle;
import io.gatehouse.server.mfa.MfaCodes;
import io.gatehouse.server.mfa.MfaCodes.Outcome;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
import io.gatehouse.server.store.Backend;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.GetMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * MFA devices enabled for users: the whole life of a device with codes computed as an authenticator app computes
 * them ({@link TotpCodes}, not the server's classes), wrong and replayed codes, wrong devices and users, the quota,
 * authorization, renaming, and {@link MfaCodes} across a restart.
 */
class MfaDevicesTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String INVALID_CODE = "Authentication code for device is not valid.";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static String serial(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":mfa/" + name;
    }

    /** Creates a device and answers its seed. */
    private static String create(IamClient iam, String name) {
        return iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name)).virtualMFADevice().base32StringSeed()
                .asUtf8String();
    }

    /**
     * Enables a device with the codes of the two steps before the current one, which leaves the current step and the
     * next for a resync in the same test.
     */
    private static void enable(IamClient iam, String userName, String name, String seed) throws InterruptedException {
        long now = TotpCodes.freshStep();
        iam.enableMFADevice(r -> r.userName(userName).serialNumber(serial(name))
                .authenticationCode1(TotpCodes.code(seed, now - 2)).authenticationCode2(TotpCodes.code(seed, now - 1)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDeviceLivesFromCreationThroughEnablingAndResyncToDeactivationAndDeletion(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        String user = "mfa-life-" + backend.name();
        String name = "mfa-life-phone-" + backend.name();
        iam.createUser(r -> r.userName(user));
        String seed = create(iam, name);
        Instant before = Instant.now().minusSeconds(1);

        long now = TotpCodes.freshStep();
        String first = TotpCodes.code(seed, now - 2);
        String second = TotpCodes.code(seed, now - 1);
        iam.enableMFADevice(r -> r.userName(user).serialNumber(serial(name)).authenticationCode1(first)
                .authenticationCode2(second));

        MFADevice listed = iam.listMFADevices(r -> r.userName(user)).mfaDevices().getFirst();
        assertThat(listed.userName()).isEqualTo(user);
        assertThat(listed.serialNumber()).isEqualTo(serial(name));
        assertThat(listed.enableDate()).isBetween(before, Instant.now().plusSeconds(1));
        GetMfaDeviceResponse got = iam.getMFADevice(r -> r.userName(user).serialNumber(serial(name)));
        assertThat(got.userName()).isEqualTo(user);
        assertThat(got.enableDate()).isEqualTo(listed.enableDate());
        VirtualMFADevice assigned = iam.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED))
                .virtualMFADevices().stream().filter(d -> d.serialNumber().equals(serial(name))).findFirst()
                .orElseThrow();
        assertThat(assigned.user().userName()).isEqualTo(user);
        assertThat(assigned.user().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/" + user);
        assertThat(assigned.enableDate()).isEqualTo(listed.enableDate());

        iam.resyncMFADevice(r -> r.userName(user).serialNumber(serial(name))
                .authenticationCode1(TotpCodes.code(seed, now)).authenticationCode2(TotpCodes.code(seed, now + 1)));
        assertAwsError(() -> iam.resyncMFADevice(r -> r.userName(user).serialNumber(serial(name))
                .authenticationCode1(TotpCodes.code(seed, now)).authenticationCode2(TotpCodes.code(seed, now + 1))),
                "InvalidAuthenticationCode", 403, INVALID_CODE);

        assertAwsError(() -> iam.deleteVirtualMFADevice(r -> r.serialNumber(serial(name))), "DeleteConflict", 409,
                "MFA VirtualDevice in use. Must deactivate first.");
        assertAwsError(() -> iam.deleteUser(r -> r.userName(user)), "DeleteConflict", 409,
                "Cannot delete entity, must delete MFA device first.");

        iam.deactivateMFADevice(r -> r.userName(user).serialNumber(serial(name)));
        assertThat(iam.listMFADevices(r -> r.userName(user)).mfaDevices()).isEmpty();
        assertThat(iam.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.UNASSIGNED))
                .virtualMFADevices()).extracting(VirtualMFADevice::serialNumber).contains(serial(name));
        iam.deleteVirtualMFADevice(r -> r.serialNumber(serial(name)));
        iam.deleteUser(r -> r.userName(user));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void codesThatAreWrongOutOfOrderTooOldOrAnotherDevicesAreRefused(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        String user = "mfa-wrong-" + backend.name();
        String name = "mfa-wrong-phone-" + backend.name();
        iam.createUser(r -> r.userName(user));
        String seed = create(iam, name);
        String otherSeed = create(iam, name + "-other");
        long now = TotpCodes.freshStep();

        String[][] refused = {
                {TotpCodes.code(seed, now - 1), TotpCodes.code(seed, now - 1)},
                {TotpCodes.code(seed, now), TotpCodes.code(seed, now - 1)},
                {TotpCodes.code(seed, now - 4), TotpCodes.code(seed, now - 3)},
                {TotpCodes.code(otherSeed, now - 1), TotpCodes.code(otherSeed, now)},
        };
        for (String[] codes : refused) {
            assertAwsError(() -> iam.enableMFADevice(r -> r.userName(user).serialNumber(serial(name))
                    .authenticationCode1(codes[0]).authenticationCode2(codes[1])), "InvalidAuthenticationCode", 403,
                    INVALID_CODE);
        }
        assertThat(iam.listMFADevices(r -> r.userName(user)).mfaDevices()).isEmpty();
        iam.enableMFADevice(r -> r.userName(user).serialNumber(serial(name))
                .authenticationCode1(TotpCodes.code(seed, now - 1)).authenticationCode2(TotpCodes.code(seed, now)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDeviceIsEnabledForOneUserAndOnlyItsUserCanUseIt(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        String alice = "mfa-alice-" + backend.name();
        String bob = "mfa-bob-" + backend.name();
        String name = "mfa-alices-" + backend.name();
        iam.createUser(r -> r.userName(alice));
        iam.createUser(r -> r.userName(bob));
        String seed = create(iam, name);

        assertAwsError(() -> enable(iam, "mfa-nobody", name, seed), "NoSuchEntity", 404,
                "The user with name mfa-nobody cannot be found.");
        assertAwsError(() -> enable(iam, alice, "mfa-no-device", seed), "NoSuchEntity", 404,
                "VirtualMFADevice with serial number " + serial("mfa-no-device") + " does not exist.");
        enable(iam, alice, name, seed);
        assertAwsError(() -> enable(iam, bob, name, seed), "EntityAlreadyExists", 409, "MFA Device is already in use.");
        assertAwsError(() -> enable(iam, alice, name, seed), "EntityAlreadyExists", 409,
                "MFA Device is already in use.");

        String notBobs = "MFA Device with serial number " + serial(name) + " does not exist.";
        assertAwsError(() -> iam.getMFADevice(r -> r.userName(bob).serialNumber(serial(name))), "NoSuchEntity", 404,
                notBobs);
        assertAwsError(() -> iam.deactivateMFADevice(r -> r.userName(bob).serialNumber(serial(name))), "NoSuchEntity",
                404, notBobs);
        long now = TotpCodes.freshStep();
        assertAwsError(() -> iam.resyncMFADevice(r -> r.userName(bob).serialNumber(serial(name))
                .authenticationCode1(TotpCodes.code(seed, now)).authenticationCode2(TotpCodes.code(seed, now + 1))),
                "NoSuchEntity", 404, notBobs);
        assertThat(iam.listMFADevices(r -> r.userName(bob)).mfaDevices()).isEmpty();
        assertAwsError(() -> iam.listMFADevices(r -> r.userName("mfa-nobody")), "NoSuchEntity", 404,
                "The user with name mfa-nobody cannot be found.");
        assertThat(iam.listMFADevices(r -> r.userName(alice)).mfaDevices()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserHasAtMostEightDevicesListedAPageAtATime(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        String user = "mfa-many-" + backend.name();
        iam.createUser(r -> r.userName(user));
        for (int i = 1; i <= 8; i++) {
            String name = "mfa-many-" + backend.name() + "-" + i;
            enable(iam, user, name, create(iam, name));
        }
        String ninth = "mfa-many-" + backend.name() + "-9";
        String seed = create(iam, ninth);
        assertAwsError(() -> enable(iam, user, ninth, seed), "LimitExceeded", 409,
                "Cannot exceed quota limit for MFADevicesPerUser.");

        var page = iam.listMFADevices(r -> r.userName(user).maxItems(5));
        assertThat(page.mfaDevices()).hasSize(5);
        assertThat(page.isTruncated()).isTrue();
        var rest = iam.listMFADevices(r -> r.userName(user).marker(page.marker()));
        assertThat(rest.mfaDevices()).hasSize(3);
        assertThat(rest.isTruncated()).isFalse();
        assertThat(rest.mfaDevices().getFirst().serialNumber()).isGreaterThan(page.mfaDevices().getLast().serialNumber());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void usersManageTheirOwnDevicesWithoutNamingThemselvesWhenAllowed(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient root = server.iam();
        String user = "mfa-self-" + backend.name();
        String userArn = "arn:aws:iam::" + ACCOUNT + ":user/" + user;
        AwsCredentials key = userWithKey(root, user);
        IamClient self = server.iam(key);
        String name = "mfa-self-phone-" + backend.name();
        String seed = create(root, name);
        String implicit = "user null" + user;

        assertDenied(() -> enable(self, user, name, seed), userArn, "iam:EnableMFADevice", "user " + user);
        assertDenied(() -> self.listMFADevices(), userArn, "iam:ListMFADevices", implicit);
        assertDenied(() -> self.getMFADevice(r -> r.serialNumber(serial(name))), userArn, "iam:GetMFADevice", implicit);
        assertDenied(() -> self.deactivateMFADevice(r -> r.serialNumber(serial(name))), userArn,
                "iam:DeactivateMFADevice", implicit);
        assertDenied(() -> self.resyncMFADevice(r -> r.userName(user).serialNumber(serial(name))
                .authenticationCode1("123456").authenticationCode2("654321")), userArn, "iam:ResyncMFADevice",
                "user " + user);

        grant(root, user, allow("iam:EnableMFADevice", "iam:ListMFADevices", "iam:GetMFADevice",
                "iam:DeactivateMFADevice"));
        enable(self, user, name, seed);
        assertThat(self.listMFADevices().mfaDevices()).extracting(MFADevice::serialNumber).containsExactly(serial(name));
        assertThat(self.getMFADevice(r -> r.serialNumber(serial(name))).userName()).isEqualTo(user);
        self.deactivateMFADevice(r -> r.serialNumber(serial(name)));
        assertThat(self.listMFADevices().mfaDevices()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theAuditEventOfEnablingRecordsTheUserAndDeviceButNotTheCodes(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = "mfa-audit-" + backend.name();
        String name = "mfa-audit-phone-" + backend.name();
        iam.createUser(r -> r.userName(user));
        String seed = create(iam, name);
        long now = TotpCodes.freshStep();
        String first = TotpCodes.code(seed, now - 2);
        String second = TotpCodes.code(seed, now - 1);
        iam.enableMFADevice(r -> r.userName(user).serialNumber(serial(name)).authenticationCode1(first)
                .authenticationCode2(second));

        JsonNode event = null;
        for (AuditRow row : server.server().store().audit(AuditQuery.between(Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(3600)).limit(1000))) {
            JsonNode candidate = new ObjectMapper().readTree(row.event().body());
            if (candidate.get("eventName").asText().equals("EnableMFADevice")
                    && candidate.path("requestParameters").path("userName").asText().equals(user)) {
                event = candidate;
            }
        }
        assertThat(event).isNotNull();
        assertThat(event.get("requestParameters").get("serialNumber").asText()).isEqualTo(serial(name));
        assertThat(event.get("requestParameters").has("authenticationCode1")).isFalse();
        assertThat(event.get("requestParameters").has("authenticationCode2")).isFalse();
        assertThat(event.toString()).doesNotContain(first).doesNotContain(second);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRenamedUserKeepsItsDevices(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        String before = "mfa-before-" + backend.name();
        String after = "mfa-after-" + backend.name();
        String name = "mfa-renamed-" + backend.name();
        iam.createUser(r -> r.userName(before));
        enable(iam, before, name, create(iam, name));

        iam.updateUser(r -> r.userName(before).newUserName(after));

        assertThat(iam.listMFADevices(r -> r.userName(after)).mfaDevices()).extracting(MFADevice::userName)
                .containsExactly(after);
        assertThat(iam.getMFADevice(r -> r.userName(after).serialNumber(serial(name))).userName()).isEqualTo(after);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mfaCodesSpendsACodeOnceAndRemembersItAcrossARestart(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = "mfa-codes-" + backend.name();
        String name = "mfa-codes-phone-" + backend.name();
        iam.createUser(r -> r.userName(user));
        iam.createUser(r -> r.userName(user + "-other"));
        String seed = create(iam, name);
        long now = TotpCodes.freshStep();
        String enableFirst = TotpCodes.code(seed, now - 2);
        String enableSecond = TotpCodes.code(seed, now - 1);
        iam.enableMFADevice(r -> r.userName(user).serialNumber(serial(name)).authenticationCode1(enableFirst)
                .authenticationCode2(enableSecond));
        // Sign-in and STS ask later, at a time of their choosing: ten minutes on.
        Instant later = Instant.ofEpochSecond(now * 30 + 600);
        long laterStep = now + 20;
        String code = TotpCodes.code(seed, laterStep);

        MfaCodes codes = new MfaCodes(server.server().state(), new SignInThrottle(MfaCodes.THROTTLE, Clock.systemUTC()));
        assertThat(codes.verify(ACCOUNT, user, serial(name), TotpCodes.code(seed, now - 1), Instant.ofEpochSecond(
                now * 30))).as("spent by EnableMFADevice").isEqualTo(Outcome.REPLAYED_CODE);
        assertThat(codes.verify(ACCOUNT, user, serial(name), code, later)).isEqualTo(Outcome.ACCEPTED);
        assertThat(codes.verify(ACCOUNT, user, serial(name), code, later)).isEqualTo(Outcome.REPLAYED_CODE);
        assertThat(codes.verify(ACCOUNT, user.toUpperCase(), serial(name), TotpCodes.code(seed, laterStep + 1),
                later.plusSeconds(30))).as("user names compare without regard to case").isEqualTo(Outcome.ACCEPTED);
        assertThat(codes.verify(ACCOUNT, user + "-other", serial(name), TotpCodes.code(seed, laterStep + 2),
                later.plusSeconds(60))).isEqualTo(Outcome.NOT_ENABLED_FOR_PRINCIPAL);
        assertThat(codes.verify(ACCOUNT, null, serial(name), TotpCodes.code(seed, laterStep + 2),
                later.plusSeconds(60))).as("the root user").isEqualTo(Outcome.NOT_ENABLED_FOR_PRINCIPAL);
        assertThat(codes.verify(ACCOUNT, user, serial("mfa-codes-none"), code, later))
                .isEqualTo(Outcome.NO_SUCH_DEVICE);
        assertThat(codes.verify("111122223333", user, serial(name), code, later)).isEqualTo(Outcome.NO_SUCH_DEVICE);
        assertThat(codes.verify(ACCOUNT, user, serial(name), "12345", later)).isEqualTo(Outcome.INVALID_CODE);
        assertThat(codes.verify(ACCOUNT, user, serial(name), TotpCodes.code(seed, laterStep + 5), later))
                .as("too far ahead").isEqualTo(Outcome.INVALID_CODE);

        server.restart();

        assertThat(server.iam().listMFADevices(r -> r.userName(user)).mfaDevices())
                .extracting(MFADevice::serialNumber).containsExactly(serial(name));
        MfaCodes restarted = new MfaCodes(server.server().state(), new SignInThrottle(MfaCodes.THROTTLE, Clock.systemUTC()));
        assertThat(restarted.verify(ACCOUNT, user, serial(name), TotpCodes.code(seed, laterStep + 1),
                later.plusSeconds(30))).as("still spent").isEqualTo(Outcome.REPLAYED_CODE);
        assertThat(restarted.verify(ACCOUNT, user, serial(name), TotpCodes.code(seed, laterStep + 2),
                later.plusSeconds(60))).as("the sealed seed still works").isEqualTo(Outcome.ACCEPTED);
    }
}
