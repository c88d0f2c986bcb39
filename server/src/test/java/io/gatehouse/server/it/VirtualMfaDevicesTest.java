package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
import io.gatehouse.server.store.Backend;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/** Virtual MFA devices as entities: creation, the seed and its QR code, listing, deletion, tags, authorization. */
class VirtualMfaDevicesTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    static String serial(String pathAndName) {
        return "arn:aws:iam::" + ACCOUNT + ":mfa" + pathAndName;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void creationAnswersTheSerialNumberAndTheSeedInBase32AndAsAQrCodeOfItsKeyUri(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        VirtualMFADevice device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-phone").path("/team/"))
                .virtualMFADevice();

        assertThat(device.serialNumber()).isEqualTo(serial("/team/vm-phone"));
        String seed = device.base32StringSeed().asUtf8String();
        assertThat(seed).as("20 random bytes in base32").hasSize(32).matches("[A-Z2-7]+");
        String uri = decodeQr(device.qrCodePNG().asByteArray());
        assertThat(uri).isEqualTo("otpauth://totp/vm-phone%40" + ACCOUNT + "?secret=" + seed + "&issuer=Gatehouse");
        assertThat(iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-phone2")).virtualMFADevice()
                .base32StringSeed().asUtf8String()).as("every device has a seed of its own").isNotEqualTo(seed);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theQrCodeNamesTheAccountByItsAliasWhenItHasOne(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        iam.createAccountAlias(r -> r.accountAlias("vm-alias-" + backend.name().toLowerCase()));
        try {
            VirtualMFADevice device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-aliased"))
                    .virtualMFADevice();
            assertThat(decodeQr(device.qrCodePNG().asByteArray()))
                    .startsWith("otpauth://totp/vm-aliased%40vm-alias-" + backend.name().toLowerCase() + "?secret=");
        } finally {
            iam.deleteAccountAlias(r -> r.accountAlias("vm-alias-" + backend.name().toLowerCase()));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPathAndNameIsTakenOnceWithoutRegardToCase(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-dup"));
        assertAwsError(() -> iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("VM-DUP")), "EntityAlreadyExists",
                409, "MFADevice entity at the same path and name already exists.");
        assertThat(iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-dup").path("/other/"))
                .virtualMFADevice().serialNumber()).as("another path").isEqualTo(serial("/other/vm-dup"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listsUnassignedDevicesInOrderAPageAtATime(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        for (String name : List.of("vm-list-b", "vm-list-a", "vm-list-c")) {
            iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name));
        }
        List<String> listed = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListVirtualMfaDevicesResponse page = iam.listVirtualMFADevices(r -> r.maxItems(2).marker(from));
            assertThat(page.virtualMFADevices()).hasSizeLessThanOrEqualTo(2);
            page.virtualMFADevices().forEach(d -> listed.add(d.serialNumber()));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        assertThat(listed).containsSubsequence(serial("/vm-list-a"), serial("/vm-list-b"), serial("/vm-list-c"));
        assertThat(listed).isSorted();

        List<VirtualMFADevice> unassigned = iam.listVirtualMFADevices(r -> r.assignmentStatus(
                AssignmentStatusType.UNASSIGNED)).virtualMFADevices();
        assertThat(unassigned).extracting(VirtualMFADevice::serialNumber).contains(serial("/vm-list-a"));
        VirtualMFADevice a = unassigned.stream().filter(d -> d.serialNumber().equals(serial("/vm-list-a")))
                .findFirst().orElseThrow();
        assertThat(a.user()).isNull();
        assertThat(a.enableDate()).isNull();
        assertThat(a.base32StringSeed()).as("the seed is never shown again").isNull();
        assertThat(a.qrCodePNG()).isNull();
        assertThat(iam.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED))
                .virtualMFADevices()).extracting(VirtualMFADevice::serialNumber).doesNotContain(serial("/vm-list-a"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deletionRemovesAnUnassignedDevice(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-gone"));
        iam.deleteVirtualMFADevice(r -> r.serialNumber(serial("/vm-gone")));

        assertThat(iam.listVirtualMFADevices().virtualMFADevices()).extracting(VirtualMFADevice::serialNumber)
                .doesNotContain(serial("/vm-gone"));
        assertAwsError(() -> iam.deleteVirtualMFADevice(r -> r.serialNumber(serial("/vm-gone"))), "NoSuchEntity", 404,
                "VirtualMFADevice with serial number " + serial("/vm-gone") + " does not exist.");
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-gone"));
        String otherAccount = "arn:aws:iam::111122223333:mfa/vm-gone";
        assertAwsError(() -> iam.deleteVirtualMFADevice(r -> r.serialNumber(otherAccount)), "NoSuchEntity", 404,
                "VirtualMFADevice with serial number " + otherAccount + " does not exist.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tagsAreAddedOnCreationAndLaterReplacedRemovedAndListedKeepingCase(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        VirtualMFADevice created = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-tags")
                .tags(Tag.builder().key("team").value("blue").build())).virtualMFADevice();
        assertThat(created.tags()).containsExactly(Tag.builder().key("team").value("blue").build());
        String serial = serial("/vm-tags");

        iam.tagMFADevice(r -> r.serialNumber(serial).tags(Tag.builder().key("Team").value("red").build(),
                Tag.builder().key("team").value("green").build()));
        assertThat(iam.listMFADeviceTags(r -> r.serialNumber(serial)).tags()).containsExactly(
                Tag.builder().key("team").value("green").build(), Tag.builder().key("Team").value("red").build());
        assertThat(iam.listMFADeviceTags(r -> r.serialNumber(serial).maxItems(1)).isTruncated()).isTrue();

        iam.untagMFADevice(r -> r.serialNumber(serial).tagKeys("team", "absent"));
        assertThat(iam.listMFADeviceTags(r -> r.serialNumber(serial)).tags())
                .containsExactly(Tag.builder().key("Team").value("red").build());
        assertAwsError(() -> iam.tagMFADevice(r -> r.serialNumber(serial).tags(Tag.builder().key("aws:x").value("v")
                .build())), "InvalidInput", 400, "Tag keys beginning with aws: are reserved for system use.");

        String missing = serial("/vm-no-such");
        String message = "VirtualMFADevice with serial number " + missing + " does not exist.";
        assertAwsError(() -> iam.listMFADeviceTags(r -> r.serialNumber(missing)), "NoSuchEntity", 404, message);
        assertAwsError(() -> iam.tagMFADevice(r -> r.serialNumber(missing).tags(Tag.builder().key("k").value("v")
                .build())), "NoSuchEntity", 404, message);
        assertAwsError(() -> iam.untagMFADevice(r -> r.serialNumber(missing).tagKeys("k")), "NoSuchEntity", 404,
                message);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPrincipalWithoutPermissionIsDeniedEveryDeviceOperation(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient root = server.iam();
        AwsCredentials key = userWithKey(root, "vm-nobody-" + backend.name());
        IamClient nobody = server.iam(key);
        root.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-guarded"));
        String userArn = "arn:aws:iam::" + ACCOUNT + ":user/vm-nobody-" + backend.name();
        String guarded = serial("/vm-guarded");

        IamFixtures.assertDenied(() -> nobody.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-mine")), userArn,
                "iam:CreateVirtualMFADevice", serial("/vm-mine"));
        IamFixtures.assertDenied(() -> nobody.deleteVirtualMFADevice(r -> r.serialNumber(guarded)), userArn,
                "iam:DeleteVirtualMFADevice", guarded);
        IamFixtures.assertDenied(() -> nobody.listVirtualMFADevices(), userArn, "iam:ListVirtualMFADevices", "*");
        IamFixtures.assertDenied(() -> nobody.tagMFADevice(r -> r.serialNumber(guarded)
                .tags(Tag.builder().key("k").value("v").build())), userArn, "iam:TagMFADevice", guarded);
        IamFixtures.assertDenied(() -> nobody.untagMFADevice(r -> r.serialNumber(guarded).tagKeys("k")), userArn,
                "iam:UntagMFADevice", guarded);
        IamFixtures.assertDenied(() -> nobody.listMFADeviceTags(r -> r.serialNumber(guarded)), userArn,
                "iam:ListMFADeviceTags", guarded);

        IamFixtures.grant(root, "vm-nobody-" + backend.name(), IamFixtures.allow("iam:CreateVirtualMFADevice"));
        IamFixtures.assertDenied(() -> nobody.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-tagged")
                .tags(Tag.builder().key("k").value("v").build())), userArn, "iam:TagMFADevice", serial("/vm-tagged"));
        assertThat(nobody.createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-allowed")).virtualMFADevice()
                .serialNumber()).isEqualTo(serial("/vm-allowed"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void noAuditEventHoldsTheSeedOrTheQrCode(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        VirtualMFADevice device = server.iam().createVirtualMFADevice(r -> r.virtualMFADeviceName("vm-audited"))
                .virtualMFADevice();
        String seed = device.base32StringSeed().asUtf8String();
        String qrBase64 = java.util.Base64.getEncoder().encodeToString(device.qrCodePNG().asByteArray());

        List<AuditRow> rows = server.server().store().audit(AuditQuery.between(Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(1))).limit(1000));
        JsonNode created = null;
        for (AuditRow row : rows) {
            String body = row.event().body();
            assertThat(body).doesNotContain(seed).doesNotContain(qrBase64.substring(0, 40));
            JsonNode event = JSON.readTree(body);
            if (event.get("eventName").asText().equals("CreateVirtualMFADevice")
                    && event.path("requestParameters").path("virtualMFADeviceName").asText().equals("vm-audited")) {
                created = event;
            }
        }
        assertThat(created).isNotNull();
        assertThat(created.get("responseElements").get("virtualMFADevice").get("serialNumber").asText())
                .isEqualTo(serial("/vm-audited"));
        assertThat(created.get("responseElements").get("virtualMFADevice").has("base32StringSeed")).isFalse();
        assertThat(created.get("responseElements").get("virtualMFADevice").has("qRCodePNG")).isFalse();
    }

    /** The text of the QR code in a PNG image, read with zxing as a phone's camera app would. */
    static String decodeQr(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG image").isNotNull();
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
