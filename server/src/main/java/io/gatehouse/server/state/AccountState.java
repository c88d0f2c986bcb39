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
 * Everything IAM holds for one account, as persistent (immutable, structurally shared) maps: a change makes a new
 * state in O(log n) and leaves the old one intact, so readers keep a consistent view while the writer prepares the
 * next. Entities are keyed by {@link Names#key}; sorted maps give IAM's listing order and cheap markers.
 *
 * <p>The indexes (group members, policy attachments, boundary use, instance profiles of a role, keys of a user) are
 * derived from the entities and maintained by the {@code with…}/{@code without…} methods, never set directly.
 *
 * @param account          the account
 * @param version          incremented by every change, so caches keyed on it stay true
 * @param users            users by key
 * @param groups           groups by key
 * @param roles            roles by key
 * @param policies         customer managed policies by key
 * @param instanceProfiles instance profiles by key
 * @param accessKeys       access keys by id (users' and the root user's)
 * @param groupMembers     group key to the keys of its users
 * @param attachments      canonical policy ARN to the entities it is attached to ({@code user/alice}, …)
 * @param boundaryUses     canonical policy ARN to the entities it bounds
 * @param roleProfiles     role key to the keys of the instance profiles that contain it
 * @param userKeys         user key to the ids of its access keys ({@code ""} for the root user)
 * @param roleDeletions    service-linked role deletions by task id, for GetServiceLinkedRoleDeletionStatus
 * @param loginProfiles    users' login profiles (console passwords) by user key
 * @param mfaDevices       virtual MFA devices, with the index of whom each is enabled for
 * @param others           SSH public keys, signing certificates, service-specific credentials, server certificates
 * @param providers        OpenID Connect and SAML identity providers
 */
public record AccountState(
        Account account,
        long version,
        PSortedMap<String, User> users,
        PSortedMap<String, Group> groups,
        PSortedMap<String, Role> roles,
        PSortedMap<String, ManagedPolicy> policies,
        PSortedMap<String, InstanceProfile> instanceProfiles,
        PMap<String, AccessKey> accessKeys,
        PMap<String, PSet<String>> groupMembers,
        PMap<String, PSet<String>> attachments,
        PMap<String, PSet<String>> boundaryUses,
        PMap<String, PSet<String>> roleProfiles,
        PMap<String, PSet<String>> userKeys,
        PMap<String, ServiceLinkedRoleDeletion> roleDeletions,
        PMap<String, LoginProfile> loginProfiles,
        MfaDevices mfaDevices,
        OtherCredentials others,
        IdentityProviders providers) {

    /** The key under which the root user's access keys are indexed. */
    public static final String ROOT_KEYS = "";

    /** The key under which a user's credentials are indexed: its name's key, {@link #ROOT_KEYS} for {@code null}. */
    public static String ownerKey(String userName) {
        return userName == null ? ROOT_KEYS : Names.key(userName);
    }

    /** A new, empty account. */
    public static AccountState of(Account account) {
        return new AccountState(account, 0, TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), TreePMap.empty(),
                TreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(),
                HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(), MfaDevices.EMPTY,
                OtherCredentials.EMPTY,
                IdentityProviders.EMPTY);
    }

    public String accountId() {
        return account.id();
    }

    public User user(String name) {
        return users.get(Names.key(name));
    }

    public Group group(String name) {
        return groups.get(Names.key(name));
    }

    public Role role(String name) {
        return roles.get(Names.key(name));
    }

    public ManagedPolicy policy(String name) {
        return policies.get(Names.key(name));
    }

    public InstanceProfile instanceProfile(String name) {
        return instanceProfiles.get(Names.key(name));
    }

    /** The users in a group, in name order. */
    public List<User> members(String groupName) {
        List<User> members = new ArrayList<>();
        for (String userKey : groupMembers.getOrDefault(Names.key(groupName), HashTreePSet.empty())) {
            members.add(users.get(userKey));
        }
        members.sort((a, b) -> Names.key(a.name()).compareTo(Names.key(b.name())));
        return members;
    }

    /** The entities ({@code user/k}, {@code group/k}, {@code role/k}) a policy is attached to. */
    public PSet<String> attachedTo(String canonicalPolicyArn) {
        return attachments.getOrDefault(canonicalPolicyArn, HashTreePSet.empty());
    }

    /** The users and roles a policy bounds. */
    public PSet<String> boundedBy(String canonicalPolicyArn) {
        return boundaryUses.getOrDefault(canonicalPolicyArn, HashTreePSet.empty());
    }

    /** The access keys of a user ({@link #ROOT_KEYS} for the root user), oldest first. */
    public List<AccessKey> accessKeysOf(String userKey) {
        List<AccessKey> keys = new ArrayList<>();
        for (String id : userKeys.getOrDefault(userKey, HashTreePSet.empty())) {
            keys.add(accessKeys.get(id));
        }
        keys.sort((a, b) -> a.created().compareTo(b.created()) != 0 ? a.created().compareTo(b.created())
                : a.id().compareTo(b.id()));
        return keys;
    }

    /** A user's login profile, or {@code null} when the user has no password. */
    public LoginProfile loginProfile(String userName) {
        return loginProfiles.get(Names.key(userName));
    }

    /** A service-linked role deletion by its task id, or {@code null}. */
    public ServiceLinkedRoleDeletion roleDeletion(String taskId) {
        return roleDeletions.get(taskId);
    }

    /** The instance profiles that contain a role. */
    public PSet<String> profilesOf(String roleName) {
        return roleProfiles.getOrDefault(Names.key(roleName), HashTreePSet.empty());
    }

    // --- changes ---

    /** This state with a user created or replaced. */
    public AccountState withUser(User user) {
        String key = Names.key(user.name());
        User old = users.get(key);
        String ref = "user/" + key;
        PMap<String, PSet<String>> members = groupMembers;
        for (String group : old == null ? List.<String>of() : old.groupNames()) {
            members = remove(members, Names.key(group), key);
        }
        for (String group : user.groupNames()) {
            members = add(members, Names.key(group), key);
        }
        return new AccountState(account, version + 1, users.plus(key, user), groups, roles, policies, instanceProfiles,
                accessKeys, members, reattach(ref, old == null ? null : old.attachedPolicyArns(), user.attachedPolicyArns()),
                rebound(ref, old == null ? null : old.permissionsBoundaryArn(), user.permissionsBoundaryArn()),
                roleProfiles, userKeys, roleDeletions, loginProfiles, mfaDevices, others, providers);
    }

    /** This state without a user (its keys, login profile, memberships and attachments must already be gone). */
    public AccountState withoutUser(String name) {
        String key = Names.key(name);
        User old = Objects.requireNonNull(users.get(key), name);
        String ref = "user/" + key;
        PMap<String, PSet<String>> members = groupMembers;
        for (String group : old.groupNames()) {
            members = remove(members, Names.key(group), key);
        }
        return new AccountState(account, version + 1, users.minus(key), groups, roles, policies, instanceProfiles,
                accessKeys, members, reattach(ref, old.attachedPolicyArns(), List.of()),
                rebound(ref, old.permissionsBoundaryArn(), null), roleProfiles, userKeys.minus(key), roleDeletions,
                loginProfiles, mfaDevices, others, providers);
    }

    public AccountState withGroup(Group group) {
        String key = Names.key(group.name());
        Group old = groups.get(key);
        return new AccountState(account, version + 1, users, groups.plus(key, group), roles, policies, instanceProfiles,
                accessKeys, groupMembers, reattach("group/" + key, old == null ? null : old.attachedPolicyArns(),
                group.attachedPolicyArns()), boundaryUses, roleProfiles, userKeys, roleDeletions, loginProfiles,
                mfaDevices, others, providers);
    }

    public AccountState withoutGroup(String name) {
        String key = Names.key(name);
        Group old = Objects.requireNonNull(groups.get(key), name);
        return new AccountState(account, version + 1, users, groups.minus(key), roles, policies, instanceProfiles,
                accessKeys, groupMembers.minus(key), reattach("group/" + key, old.attachedPolicyArns(), List.of()),
                boundaryUses, roleProfiles, userKeys, roleDeletions, loginProfiles, mfaDevices, others, providers);
    }

    public AccountState withRole(Role role) {
        String key = Names.key(role.name());
        Role old = roles.get(key);
        String ref = "role/" + key;
        return new AccountState(account, version + 1, users, groups, roles.plus(key, role), policies, instanceProfiles,
                accessKeys, groupMembers, reattach(ref, old == null ? null : old.attachedPolicyArns(), role.attachedPolicyArns()),
                rebound(ref, old == null ? null : old.permissionsBoundaryArn(), role.permissionsBoundaryArn()),
                roleProfiles, userKeys, roleDeletions, loginProfiles, mfaDevices, others, providers);
    }

    public AccountState withoutRole(String name) {
        String key = Names.key(name);
        Role old = Objects.requireNonNull(roles.get(key), name);
        String ref = "role/" + key;
        return new AccountState(account, version + 1, users, groups, roles.minus(key), policies, instanceProfiles,
                accessKeys, groupMembers, reattach(ref, old.attachedPolicyArns(), List.of()),
                rebound(ref, old.permissionsBoundaryArn(), null), roleProfiles.minus(key), userKeys, roleDeletions,
                loginProfiles, mfaDevices, others, providers);
    }

    public AccountState withPolicy(ManagedPolicy policy) {
        return new AccountState(account, version + 1, users, groups, roles, policies.plus(Names.key(policy.name()), policy),
                instanceProfiles, accessKeys, groupMembers, attachments, boundaryUses, roleProfiles, userKeys,
                roleDeletions, loginProfiles, mfaDevices, others, providers);
    }

    public AccountState withoutPolicy(String name) {
        return new AccountState(account, version + 1, users, groups, roles, policies.minus(Names.key(name)),
                instanceProfiles, accessKeys, groupMembers, attachments, boundaryUses, roleProfiles, userKeys,
                roleDeletions, loginProfiles, mfaDevices, others, providers);
    }

    public AccountState withInstanceProfile(InstanceProfile profile) {
        String key = Names.key(profile.name());
        InstanceProfile old = instanceProfiles.get(key);
        PMap<String, PSet<String>> profiles = roleProfiles;
        for (String role : old == null ? List.<String>of() : old.roleNames()) {
            profiles = remove(profiles, Names.key(role), key);
        }
        for (String role : profile.roleNames()) {
            profiles = add(profiles, Names.key(role), key);
        }
        return new AccountState(account, version + 1, users, groups, roles, policies,
                instanceProfiles.plus(key, profile), accessKeys, groupMembers, attachments, boundaryUses, profiles, userKeys,
                roleDeletions, loginProfiles, mfaDevices, others, providers);
    }

    public AccountState withoutInstanceProfile(String name) {
        String key = Names.key(name);
        InstanceProfile old = Objects.requireNonNull(instanceProfiles.get(key), name);
        PMap<String, PSet<String>> profiles = roleProfiles;
        for (String role : old.roleNames()) {
            profiles = remove(profiles, Names.key(role), key);
        }
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles.minus(key),
                accessKeys, groupMembers, attachments, boundaryUses, profiles, userKeys, roleDeletions, loginProfiles,
                mfaDevices, others, providers);
    }

    /** This state with an access key created or replaced; {@code userName == null} is the root user's. */
    public AccountState withAccessKey(AccessKey key) {
        String owner = key.userName() == null ? ROOT_KEYS : Names.key(key.userName());
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles,
                accessKeys.plus(key.id(), key), groupMembers, attachments, boundaryUses, roleProfiles,
                add(userKeys, owner, key.id()), roleDeletions, loginProfiles, mfaDevices, others, providers);
    }

    public AccountState withoutAccessKey(String id) {
        AccessKey old = Objects.requireNonNull(accessKeys.get(id), "access key");
        String owner = old.userName() == null ? ROOT_KEYS : Names.key(old.userName());
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles,
                accessKeys.minus(id), groupMembers, attachments, boundaryUses, roleProfiles, remove(userKeys, owner, id),
                roleDeletions, loginProfiles, mfaDevices, others, providers);
    }

    /** This state with a service-linked role deletion recorded. */
    public AccountState withRoleDeletion(ServiceLinkedRoleDeletion deletion) {
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles, accessKeys,
                groupMembers, attachments, boundaryUses, roleProfiles, userKeys,
                roleDeletions.plus(deletion.taskId(), deletion), loginProfiles, mfaDevices, others, providers);
    }

    /** This state with a user's login profile created or replaced. */
    public AccountState withLoginProfile(LoginProfile profile) {
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles, accessKeys,
                groupMembers, attachments, boundaryUses, roleProfiles, userKeys, roleDeletions,
                loginProfiles.plus(Names.key(profile.userName()), profile), mfaDevices, others, providers);
    }

    public AccountState withoutLoginProfile(String userName) {
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles, accessKeys,
                groupMembers, attachments, boundaryUses, roleProfiles, userKeys, roleDeletions,
                loginProfiles.minus(Names.key(userName)), mfaDevices, others, providers);
    }

    /** This state with a virtual MFA device created or replaced (its owner index follows its assignment). */
    public AccountState withMfaDevice(MfaDevice device) {
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles, accessKeys,
                groupMembers, attachments, boundaryUses, roleProfiles, userKeys, roleDeletions, loginProfiles,
                mfaDevices.with(device), others, providers);
    }

    public AccountState withoutMfaDevice(String key) {
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles, accessKeys,
                groupMembers, attachments, boundaryUses, roleProfiles, userKeys, roleDeletions, loginProfiles,
                mfaDevices.without(key), others, providers);
    }

    /** This state with its other credentials changed ({@link OtherCredentials}). */
    public AccountState withOthers(OtherCredentials changed) {
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles, accessKeys,
                groupMembers, attachments, boundaryUses, roleProfiles, userKeys, roleDeletions, loginProfiles,
                mfaDevices, changed, providers);
    }

    /** This state with its identity providers changed ({@link IdentityProviders}). */
    public AccountState withProviders(IdentityProviders changed) {
        return new AccountState(account, version + 1, users, groups, roles, policies, instanceProfiles, accessKeys,
                groupMembers, attachments, boundaryUses, roleProfiles, userKeys, roleDeletions, loginProfiles,
                mfaDevices, others, changed);
    }

    public AccountState withAccount(Account changed) {
        return new AccountState(changed, version + 1, users, groups, roles, policies, instanceProfiles, accessKeys,
                groupMembers, attachments, boundaryUses, roleProfiles, userKeys, roleDeletions, loginProfiles,
                mfaDevices, others, providers);
    }

    private PMap<String, PSet<String>> reattach(String ref, List<String> before, List<String> after) {
        PMap<String, PSet<String>> index = attachments;
        for (String arn : before == null ? List.<String>of() : before) {
            index = remove(index, arn, ref);
        }
        for (String arn : after) {
            index = add(index, arn, ref);
        }
        return index;
    }

    private PMap<String, PSet<String>> rebound(String ref, String before, String after) {
        PMap<String, PSet<String>> index = boundaryUses;
        if (before != null) {
            index = remove(index, before, ref);
        }
        if (after != null) {
            index = add(index, after, ref);
        }
        return index;
    }

    private static PMap<String, PSet<String>> add(PMap<String, PSet<String>> index, String key, String value) {
        return index.plus(key, index.getOrDefault(key, HashTreePSet.empty()).plus(value));
    }

    private static PMap<String, PSet<String>> remove(PMap<String, PSet<String>> index, String key, String value) {
        PSet<String> set = index.get(key);
        if (set == null) {
            return index;
        }
        PSet<String> rest = set.minus(value);
        return rest.isEmpty() ? index.minus(key) : index.plus(key, rest);
    }
}
