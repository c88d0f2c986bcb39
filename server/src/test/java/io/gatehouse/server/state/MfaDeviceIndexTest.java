package io.gatehouse.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner index follows each device's assignment as devices are enabled, moved, deactivated and deleted. */
class MfaDeviceIndexTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    private static MfaDevice device(String name, String owner) {
        return new MfaDevice(name, "/", "SEED", T, List.of(), owner == null ? null
                : new MfaDevice.Assignment(owner.equals("root") ? null : owner, T), MfaDevice.NO_STEP);
    }

    @Test
    void indexesEachEnabledDeviceUnderItsOwner() {
        MfaDevices devices = MfaDevices.EMPTY.with(device("b", "Alice")).with(device("a", "alice"))
                .with(device("r", "root")).with(device("spare", null));

        assertThat(devices.of("alice")).extracting(MfaDevice::name).containsExactly("a", "b");
        assertThat(devices.of(AccountState.ROOT_KEYS)).extracting(MfaDevice::name).containsExactly("r");
        assertThat(devices.inUse()).isEqualTo(3);
        assertThat(devices.devices()).hasSize(4);
    }

    @Test
    void reassigningDeactivatingAndDeletingKeepTheIndexTrue() {
        MfaDevices devices = MfaDevices.EMPTY.with(device("a", "alice")).with(device("b", "alice"))
                .with(device("a", "bob")).with(device("b", null));

        assertThat(devices.of("alice")).isEmpty();
        assertThat(devices.of("bob")).extracting(MfaDevice::name).containsExactly("a");
        assertThat(devices.owners()).containsOnlyKeys("bob");

        devices = devices.without("/a");
        assertThat(devices.owners()).isEmpty();
        assertThat(devices.inUse()).isZero();
        assertThat(devices.get("/b")).isNotNull();
    }

    @Test
    void aSerialNumberNamesADeviceOfItsOwnAccountInAnyPartition() {
        assertThat(MfaDevice.keyOfSerial("arn:aws:iam::111122223333:mfa/Team/Phone", "111122223333"))
                .isEqualTo("/team/phone");
        assertThat(MfaDevice.keyOfSerial("arn:aws-cn:iam::111122223333:mfa/phone", "111122223333")).isEqualTo("/phone");
        assertThat(MfaDevice.keyOfSerial("arn:aws:iam::999999999999:mfa/phone", "111122223333")).isNull();
        assertThat(MfaDevice.keyOfSerial("arn:aws:iam::111122223333:user/phone", "111122223333")).isNull();
        assertThat(MfaDevice.keyOfSerial("arn:aws:iam::111122223333:mfa/", "111122223333")).isNull();
        assertThat(MfaDevice.keyOfSerial("GAHT12345678", "111122223333")).as("a hardware serial").isNull();
    }
}
