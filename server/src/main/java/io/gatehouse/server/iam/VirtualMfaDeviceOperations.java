package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.iam.Tags.KeyCase;
import io.gatehouse.server.mfa.Base32;
import io.gatehouse.server.mfa.QrCodes;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.MfaDevice;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Virtual MFA devices as entities of the account: CreateVirtualMFADevice, DeleteVirtualMFADevice,
 * ListVirtualMFADevices, TagMFADevice, UntagMFADevice, ListMFADeviceTags. Whom a device is enabled for is
 * {@link MfaDeviceOperations}'.
 *
 * <p>A device is named by its path and name, unique in the account without regard to case; its serial number is its
 * ARN, {@code arn:aws:iam::ACCOUNT:mfa/PATH/NAME}. Its seed is shown once, when it is created, and kept sealed;
 * neither the seed nor the QR code enters an audit event (the model marks both sensitive). Tag keys that differ only
 * by case are two keys, as IAM keeps them for the resources it learnt to tag later.
 */
final class VirtualMfaDeviceOperations {

    private VirtualMfaDeviceOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateVirtualMFADevice", VirtualMfaDeviceOperations::createVirtualMfaDevice);
        handlers.put("DeleteVirtualMFADevice", VirtualMfaDeviceOperations::deleteVirtualMfaDevice);
        handlers.put("ListVirtualMFADevices", VirtualMfaDeviceOperations::listVirtualMfaDevices);
        handlers.put("TagMFADevice", VirtualMfaDeviceOperations::tagMfaDevice);
        handlers.put("UntagMFADevice", VirtualMfaDeviceOperations::untagMfaDevice);
        handlers.put("ListMFADeviceTags", VirtualMfaDeviceOperations::listMfaDeviceTags);
    }

    /**
     * Creates an unassigned device with a fresh 160-bit seed and answers the seed in base32 and as a QR code, the
     * only time IAM reveals it. With tags the caller needs {@code iam:TagMFADevice} as well.
     */
    static Struct createVirtualMfaDevice(Call call) {
        Struct in = call.input();
        String name = in.string("VirtualMFADeviceName");
        String path = in.has("Path") ? in.string("Path") : "/";
        List<Tag> tags = Tags.fromRequest(in.structs("Tags"), KeyCase.SENSITIVE);
        String accountId = call.caller().accountId();
        Target target = Target.of(Arns.mfa(accountId, path, name));
        call.authorize(target, context -> {
            if (!tags.isEmpty()) {
                context.requestTags(tags);
            }
        });
        if (!tags.isEmpty()) {
            call.authorize("iam:TagMFADevice", target, context -> context.requestTags(tags));
        }
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.mfaDevices().get(MfaDevice.keyOf(path, name)) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("MFADevice entity at the same path and name already exists.");
            }
            String seed = Base32.encode(call.services().ids().mfaSeed());
            MfaDevice device = new MfaDevice(name, path, seed, call.services().clock().instant(), tags, null,
                    MfaDevice.NO_STEP);
            mutation.putMfaDevice(accountId, device);
            List<String> aliases = account.account().aliases();
            String accountName = aliases.isEmpty() ? accountId : aliases.getFirst();
            Struct.Builder out = call.output();
            Struct.Builder view = out.child("VirtualMFADevice");
            view.set("SerialNumber", call.arn(device.serial(accountId)))
                    .set("Base32StringSeed", seed.getBytes(StandardCharsets.US_ASCII))
                    .set("QRCodePNG", QrCodes.png(QrCodes.keyUri(name, accountName, seed)));
            if (!tags.isEmpty()) {
                view.set("Tags", IamViews.tags(view.child("Tags"), tags));
            }
            return out.set("VirtualMFADevice", view.build()).build();
        });
    }

    /** Deletes a device that is enabled for no one. */
    static Struct deleteVirtualMfaDevice(Call call) {
        String serial = call.input().string("SerialNumber");
        String accountId = call.caller().accountId();
        MfaDevice current = device(call.account(), serial, accountId);
        call.authorize(target(call, current, serial), existing(current));
        return call.write(mutation -> {
            MfaDevice device = require(mutation.account(accountId), serial, accountId);
            if (device.assignment() != null) {
                throw AwsError.DELETE_CONFLICT.exception("MFA VirtualDevice in use. Must deactivate first.");
            }
            mutation.removeMfaDevice(accountId, device.key());
            return call.noOutput();
        });
    }

    /**
     * Lists the account's devices in the order of their paths and names, those enabled for someone
     * ({@code Assigned}), the others ({@code Unassigned}) or all ({@code Any}, the default), without their tags.
     * An assigned device shows its user and when it was enabled; the root user's shows the root user's ARN.
     */
    static Struct listVirtualMfaDevices(Call call) {
        String status = call.input().has("AssignmentStatus") ? call.input().string("AssignmentStatus") : "Any";
        call.authorize("*", context -> {});
        AccountState account = call.account();
        PageRequest request = call.page();
        List<MfaDevice> following = Listings.matching(account.mfaDevices().devices(), request,
                d -> status.equals("Any") || (d.assignment() != null) == status.equals("Assigned"));
        Page<MfaDevice> page = request.page(following, MfaDevice::key);
        Struct.Builder out = call.output();
        out.set("VirtualMFADevices", page.items().stream().map(d -> {
            // A builder per device: an unassigned device must not keep the user of the one before it.
            Struct.Builder element = out.child("VirtualMFADevices");
            element.set("SerialNumber", call.arn(d.serial(account.accountId())));
            if (d.assignment() != null) {
                element.set("User", owner(call, account, element.child("User"), d.assignment()))
                        .set("EnableDate", d.assignment().enabled());
            }
            return element.build();
        }).toList());
        return page.writeTo(out).build();
    }

    /** The user a device is enabled for, or the root user as GetUser describes it. */
    private static Struct owner(Call call, AccountState account, Struct.Builder builder, MfaDevice.Assignment owner) {
        if (owner.root()) {
            return builder.set("UserId", account.accountId()).set("Arn", call.arn(Arns.root(account.accountId())))
                    .set("CreateDate", account.account().created()).build();
        }
        User user = account.user(owner.userName());
        return IamViews.user(call, builder, user, false);
    }

    /** Adds tags, replacing the value of a key the device already has, up to {@link Tags#MAX_TAGS}. */
    static Struct tagMfaDevice(Call call) {
        String serial = call.input().string("SerialNumber");
        List<Tag> tags = Tags.fromRequest(call.input().structs("Tags"), KeyCase.SENSITIVE);
        String accountId = call.caller().accountId();
        MfaDevice current = device(call.account(), serial, accountId);
        call.authorize(target(call, current, serial), existing(current).andThen(c -> c.requestTags(tags)));
        return call.write(mutation -> {
            MfaDevice device = require(mutation.account(accountId), serial, accountId);
            mutation.putMfaDevice(accountId, device.withTags(Tags.merge(device.tags(), tags, KeyCase.SENSITIVE)));
            return call.noOutput();
        });
    }

    /** Removes the tags with the given keys; keys the device does not have are ignored. */
    static Struct untagMfaDevice(Call call) {
        String serial = call.input().string("SerialNumber");
        List<String> keys = call.input().strings("TagKeys");
        String accountId = call.caller().accountId();
        MfaDevice current = device(call.account(), serial, accountId);
        call.authorize(target(call, current, serial), existing(current).andThen(c -> c.tagKeys(keys)));
        return call.write(mutation -> {
            MfaDevice device = require(mutation.account(accountId), serial, accountId);
            mutation.putMfaDevice(accountId, device.withTags(Tags.remove(device.tags(), keys, KeyCase.SENSITIVE)));
            return call.noOutput();
        });
    }

    /** Lists a device's tags in the order they were added, a page at a time. */
    static Struct listMfaDeviceTags(Call call) {
        String serial = call.input().string("SerialNumber");
        String accountId = call.caller().accountId();
        MfaDevice device = device(call.account(), serial, accountId);
        call.authorize(target(call, device, serial), existing(device));
        if (device == null) {
            throw noSuchDevice(serial);
        }
        return Tags.page(call, device.tags());
    }

    /** The device a serial number names in the account, or {@code null}. */
    static MfaDevice device(AccountState account, String serial, String accountId) {
        String key = MfaDevice.keyOfSerial(serial, accountId);
        return key == null ? null : account.mfaDevices().get(key);
    }

    /** The device a serial number names in the account; {@code NoSuchEntity} when there is none. */
    static MfaDevice require(AccountState account, String serial, String accountId) {
        MfaDevice device = device(account, serial, accountId);
        if (device == null) {
            throw noSuchDevice(serial);
        }
        return device;
    }

    static AwsException noSuchDevice(String serial) {
        return AwsError.NO_SUCH_ENTITY.exception("VirtualMFADevice with serial number %s does not exist.", serial);
    }

    /**
     * What an operation on a device is authorized on: the device's ARN, or the serial number as sent (in canonical
     * form when it is an ARN of the caller's partition) when no such device exists.
     */
    private static Target target(Call call, MfaDevice device, String serial) {
        if (device != null) {
            return Target.of(device.serial(call.caller().accountId()));
        }
        String canonical = Arns.canonical(serial, call.caller().partition());
        return Target.of(canonical == null ? serial : canonical);
    }

    /** The device's tags as {@code aws:ResourceTag/…}, when it exists. */
    private static Consumer<ContextBuilder> existing(MfaDevice device) {
        return context -> {
            if (device != null) {
                context.resourceTags(device.tags());
            }
        };
    }
}
