package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.mfa.Base32;
import io.gatehouse.server.mfa.Totp;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.MfaDevice;
import io.gatehouse.server.state.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Whom MFA devices are enabled for: EnableMFADevice, DeactivateMFADevice, ResyncMFADevice, ListMFADevices,
 * GetMFADevice. A device is enabled for at most one user, or for the account's root user; a user has at most
 * {@link #MAX_DEVICES_PER_USER}. Enabling and resynchronizing take two codes of consecutive time steps; each
 * spends them, so that neither they nor any earlier code of the device is accepted again
 * ({@link io.gatehouse.server.mfa.MfaCodes} checks later codes the same way).
 *
 * <p>Without {@code UserName} an operation acts on the caller's own devices, the root user's for the root user. IAM
 * lets the root user enable a device for itself in the console only; Gatehouse, which has no console, takes a root
 * caller's {@code UserName} equal to its account id (when no user has that name) as the root user itself, since
 * EnableMFADevice and ResyncMFADevice require a user name.
 */
final class MfaDeviceOperations {

    /** IAM's quota of MFA devices per user (and for the root user), of any kind. */
    static final int MAX_DEVICES_PER_USER = 8;

    private MfaDeviceOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("EnableMFADevice", MfaDeviceOperations::enableMfaDevice);
        handlers.put("DeactivateMFADevice", MfaDeviceOperations::deactivateMfaDevice);
        handlers.put("ResyncMFADevice", MfaDeviceOperations::resyncMfaDevice);
        handlers.put("ListMFADevices", MfaDeviceOperations::listMfaDevices);
        handlers.put("GetMFADevice", MfaDeviceOperations::getMfaDevice);
    }

    /**
     * Enables an unassigned device for a user once two consecutive codes of it prove the user holds its seed. The
     * user must exist, the device must exist and be enabled for no one, and the user must have fewer than
     * {@link #MAX_DEVICES_PER_USER} devices; the codes are checked last.
     */
    static Struct enableMfaDevice(Call call) {
        Struct in = call.input();
        String serial = in.string("SerialNumber");
        String userName = authorizeOwner(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = CredentialOwners.require(account, userName);
            MfaDevice device = VirtualMfaDeviceOperations.require(account, serial, accountId);
            if (device.assignment() != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("MFA Device is already in use.");
            }
            if (account.mfaDevices().of(AccountState.ownerKey(userName)).size() >= MAX_DEVICES_PER_USER) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota limit for MFADevicesPerUser.");
            }
            Instant now = call.services().clock().instant();
            long step = spentPair(device, in.string("AuthenticationCode1"), in.string("AuthenticationCode2"), now);
            MfaDevice.Assignment assignment = new MfaDevice.Assignment(user == null ? null : user.name(), now);
            mutation.putMfaDevice(accountId, device.withAssignment(assignment).withLastUsedStep(step));
            return call.noOutput();
        });
    }

    /** Takes a device from its user; the device stays, unassigned, until DeleteVirtualMFADevice. */
    static Struct deactivateMfaDevice(Call call) {
        String serial = call.input().string("SerialNumber");
        String userName = authorizeOwner(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            MfaDevice device = enabledFor(account, userName, serial);
            mutation.putMfaDevice(accountId, device.withAssignment(null));
            return call.noOutput();
        });
    }

    /**
     * Resynchronizes a user's device with two consecutive codes. Gatehouse keeps no per-device clock offset: the
     * codes must be of steps near the server's time, as for EnableMFADevice, and they are spent.
     */
    static Struct resyncMfaDevice(Call call) {
        Struct in = call.input();
        String serial = in.string("SerialNumber");
        String userName = authorizeOwner(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            MfaDevice device = enabledFor(mutation.account(accountId), userName, serial);
            long step = spentPair(device, in.string("AuthenticationCode1"), in.string("AuthenticationCode2"),
                    call.services().clock().instant());
            mutation.putMfaDevice(accountId, device.withLastUsedStep(step));
            return call.noOutput();
        });
    }

    /** Lists the devices enabled for a user (or the root user), in the order of their paths and names. */
    static Struct listMfaDevices(Call call) {
        String userName = authorizeOwner(call);
        AccountState account = call.account();
        CredentialOwners.require(account, userName);
        PageRequest request = call.page();
        List<MfaDevice> devices = account.mfaDevices().of(AccountState.ownerKey(userName));
        Page<MfaDevice> page = request.page(Listings.following(devices, request, MfaDevice::key), MfaDevice::key);
        Struct.Builder out = call.output();
        out.set("MFADevices", page.items().stream().map(d -> view(call, out.child("MFADevices"), d)).toList());
        return page.writeTo(out).build();
    }

    /** Describes a device enabled for a user (or the root user). */
    static Struct getMfaDevice(Call call) {
        String serial = call.input().string("SerialNumber");
        String userName = authorizeOwner(call);
        MfaDevice device = enabledFor(call.account(), userName, serial);
        return view(call, call.output(), device);
    }

    /**
     * Authorizes the call on the devices' owner and returns the owner's name, {@code null} for the root user (a root
     * caller that leaves {@code UserName} out, or gives its account id as {@code UserName} where no user has it).
     */
    private static String authorizeOwner(Call call) {
        String named = call.input().string("UserName");
        boolean rootItself = call.caller().isRoot() && call.caller().accountId().equals(named)
                && call.account().user(named) == null;
        return rootItself ? null : CredentialOwners.authorize(call);
    }

    /** The device, if it exists and is enabled for the user (the root user when {@code userName} is null). */
    private static MfaDevice enabledFor(AccountState account, String userName, String serial) {
        CredentialOwners.require(account, userName);
        MfaDevice device = VirtualMfaDeviceOperations.require(account, serial, account.accountId());
        if (device.assignment() == null || !device.assignment().ownerKey().equals(AccountState.ownerKey(userName))) {
            throw notEnabledFor(serial);
        }
        return device;
    }

    private static AwsException notEnabledFor(String serial) {
        return AwsError.NO_SUCH_ENTITY.exception("MFA Device with serial number %s does not exist.", serial);
    }

    /**
     * The step of the second code, when the two codes are the device's for two consecutive steps near {@code now}
     * that are both later than every step spent before; otherwise IAM's {@code InvalidAuthenticationCode}, which
     * says nothing of which code failed or why.
     */
    private static long spentPair(MfaDevice device, String first, String second, Instant now) {
        OptionalLong step = Totp.matchingPair(Base32.decode(device.seed()), first, second, Totp.step(now));
        if (step.isEmpty() || step.getAsLong() - 1 <= device.lastUsedStep()) {
            throw AwsError.INVALID_AUTHENTICATION_CODE.exception();
        }
        return step.getAsLong();
    }

    /** A device as ListMFADevices and GetMFADevice describe it; the root user's device has no user name. */
    private static Struct view(Call call, Struct.Builder builder, MfaDevice device) {
        if (!device.assignment().root()) {
            builder.set("UserName", device.assignment().userName());
        }
        return builder.set("SerialNumber", call.arn(device.serial(call.caller().accountId())))
                .set("EnableDate", device.assignment().enabled()).build();
    }
}
