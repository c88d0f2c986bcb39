package io.gatehouse.server.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/**
 * An account's virtual MFA devices, by {@link MfaDevice#key()}, and the index from owner to the devices enabled for
 * it (maintained by {@link #with} and {@link #without}, never set directly).
 *
 * @param devices devices by key, in the order of their keys
 * @param owners  owner ({@link MfaDevice.Assignment#ownerKey()}) to the keys of its devices
 */
public record MfaDevices(PSortedMap<String, MfaDevice> devices, PMap<String, PSet<String>> owners) {

    public static final MfaDevices EMPTY = new MfaDevices(TreePMap.empty(), HashTreePMap.empty());

    /** A device by path and name, compared without regard to case, or {@code null}. */
    public MfaDevice get(String key) {
        return devices.get(key);
    }

    /** The devices enabled for an owner ({@link AccountState#ROOT_KEYS} for the root user), in key order. */
    public List<MfaDevice> of(String ownerKey) {
        List<MfaDevice> owned = new ArrayList<>();
        for (String key : owners.getOrDefault(ownerKey, HashTreePSet.empty())) {
            owned.add(devices.get(key));
        }
        owned.sort((a, b) -> a.key().compareTo(b.key()));
        return owned;
    }

    /** How many devices are enabled for someone. */
    public int inUse() {
        int count = 0;
        for (PSet<String> keys : owners.values()) {
            count += keys.size();
        }
        return count;
    }

    /** These devices with one created or replaced. */
    public MfaDevices with(MfaDevice device) {
        String key = device.key();
        PMap<String, PSet<String>> index = unindexed(owners, devices.get(key));
        if (device.assignment() != null) {
            String owner = device.assignment().ownerKey();
            index = index.plus(owner, index.getOrDefault(owner, HashTreePSet.empty()).plus(key));
        }
        return new MfaDevices(devices.plus(key, device), index);
    }

    /** These devices without one. */
    public MfaDevices without(String key) {
        MfaDevice old = Objects.requireNonNull(devices.get(key), key);
        return new MfaDevices(devices.minus(key), unindexed(owners, old));
    }

    private static PMap<String, PSet<String>> unindexed(PMap<String, PSet<String>> index, MfaDevice device) {
        if (device == null || device.assignment() == null) {
            return index;
        }
        String owner = device.assignment().ownerKey();
        PSet<String> rest = index.getOrDefault(owner, HashTreePSet.empty()).minus(device.key());
        return rest.isEmpty() ? index.minus(owner) : index.plus(owner, rest);
    }
}
