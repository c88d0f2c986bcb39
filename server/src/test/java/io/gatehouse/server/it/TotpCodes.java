package io.gatehouse.server.it;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import software.amazon.awssdk.services.iam.IamClient;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a virtual MFA app does with a seed, written here independently of the server's classes so that the tests
 * check the server against RFC 6238 rather than against itself: base32-decode the seed, HMAC-SHA1 the 30-second
 * step count, truncate dynamically to six digits.
 */
final class TotpCodes {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** Seconds a test needs to send codes before their step ends. */
    private static final long MARGIN_SECONDS = 8;

    private TotpCodes() {}

    /**
     * A virtual MFA device a test created and enabled: its serial number, its seed, and the step whose code enabling
     * left unspent (it used the two steps before).
     */
    record EnabledDevice(String serial, String seed, long step) {
    }

    /**
     * Creates a virtual MFA device and enables it for a user (for the root user, the account id as {@code UserName})
     * with the codes of the two steps before the current one, as an authenticator app would give them; the current
     * step and the next are left for the test.
     */
    static EnabledDevice enableNew(IamClient iam, String userName, String deviceName) throws InterruptedException {
        var device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(deviceName)).virtualMFADevice();
        String seed = device.base32StringSeed().asUtf8String();
        long step = freshStep();
        iam.enableMFADevice(r -> r.userName(userName).serialNumber(device.serialNumber())
                .authenticationCode1(code(seed, step - 2)).authenticationCode2(code(seed, step - 1)));
        return new EnabledDevice(device.serialNumber(), seed, step);
    }

    /** The six-digit code of a base32 seed for a 30-second step. */
    static String code(String base32Seed, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(base32Seed), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[19] & 0xf;
            int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current step, after waiting for the next one when too little of this one is left to send codes in. */
    static long freshStep() throws InterruptedException {
        long now = Instant.now().getEpochSecond();
        if (30 - now % 30 < MARGIN_SECONDS) {
            Thread.sleep((30 - now % 30) * 1000 + 200);
            now = Instant.now().getEpochSecond();
        }
        return now / 30;
    }

    private static byte[] decode(String base32) {
        byte[] out = new byte[base32.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
