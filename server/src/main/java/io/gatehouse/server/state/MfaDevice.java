package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * A virtual MFA device of an account: a TOTP seed under a name and path, assigned to at most one user (or to the
 * account's root user) once EnableMFADevice has checked two of its codes.
 *
 * @param name         the device name as created (unique per account with its path, case-insensitively)
 * @param path         the path, {@code /} by default
 * @param seed         the TOTP seed in base32 (kept sealed at rest; shown only once, by CreateVirtualMFADevice)
 * @param created      creation time
 * @param tags         tags in the order they were added
 * @param assignment   to whom the device is enabled, or {@code null} while it is unassigned
 * @param lastUsedStep the latest TOTP time step whose code was accepted (so that no code counts twice), or
 *                     {@link #NO_STEP}
 */
public record MfaDevice(String name, String path, String seed, Instant created, List<Tag> tags, Assignment assignment,
                        long lastUsedStep) {

    /** {@link #lastUsedStep} of a device whose codes were never accepted. */
    public static final long NO_STEP = -1;

    /**
     * The device's owner and since when.
     *
     * @param userName the IAM user, or {@code null} for the account's root user
     * @param enabled  when EnableMFADevice assigned the device
     */
    public record Assignment(String userName, Instant enabled) {

        public boolean root() {
            return userName == null;
        }

        /** The owner under which the account indexes its devices ({@link AccountState#ROOT_KEYS} for root). */
        public String ownerKey() {
            return AccountState.ownerKey(userName);
        }
    }

    public MfaDevice {
        tags = List.copyOf(tags);
    }

    /** The key the account holds the device under: its path and name, compared without regard to case. */
    public String key() {
        return keyOf(path, name);
    }

    /** The key of a device with this path and name. */
    public static String keyOf(String path, String name) {
        return Names.key(path + name);
    }

    /** The device's serial number, its ARN in canonical form. */
    public String serial(String accountId) {
        return Arns.mfa(accountId, path, name);
    }

    /**
     * The key of the device a serial number names in an account, or {@code null} when it names no virtual device of
     * that account. The partition is not compared: an account's devices are the same in every partition's rendering.
     */
    public static String keyOfSerial(String serialNumber, String accountId) {
        String partition = Arns.partitionOf(serialNumber);
        if (partition == null) {
            return null;
        }
        String prefix = "arn:" + partition + ":iam::" + accountId + ":mfa/";
        if (!serialNumber.startsWith(prefix) || serialNumber.length() == prefix.length()) {
            return null;
        }
        return Names.key("/" + serialNumber.substring(prefix.length()));
    }

    public MfaDevice withTags(List<Tag> newTags) {
        return new MfaDevice(name, path, seed, created, newTags, assignment, lastUsedStep);
    }

    public MfaDevice withAssignment(Assignment newAssignment) {
        return new MfaDevice(name, path, seed, created, tags, newAssignment, lastUsedStep);
    }

    /** This device with codes up to {@code step} spent. */
    public MfaDevice withLastUsedStep(long step) {
        return new MfaDevice(name, path, seed, created, tags, assignment, step);
    }

    @Override
    public String toString() {
        // Never print the seed.
        return "MfaDevice[" + path + name + ", assignment=" + assignment + "]";
    }
}
