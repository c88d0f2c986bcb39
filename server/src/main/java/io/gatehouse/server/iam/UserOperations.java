package io.gatehouse.server.iam;

import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.state.MfaDevice;
import io.gatehouse.server.state.Mutation;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.OtherCredentials;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.util.List;
import java.util.Map;

/**
 * IAM users: CreateUser, GetUser, UpdateUser, DeleteUser, ListUsers, PutUserPermissionsBoundary and
 * DeleteUserPermissionsBoundary. Their tags are {@link UserTagOperations}'.
 */
final class UserOperations {

    /** IAM's default quota of users per account. */
    static final int MAX_USERS = 5000;

    private UserOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateUser", UserOperations::createUser);
        handlers.put("GetUser", UserOperations::getUser);
        handlers.put("UpdateUser", UserOperations::updateUser);
        handlers.put("DeleteUser", UserOperations::deleteUser);
        handlers.put("ListUsers", UserOperations::listUsers);
        handlers.put("PutUserPermissionsBoundary", UserOperations::putUserPermissionsBoundary);
        handlers.put("DeleteUserPermissionsBoundary", UserOperations::deleteUserPermissionsBoundary);
    }

    /**
     * Creates a user. With tags the caller needs {@code iam:TagUser} as well as {@code iam:CreateUser}, as IAM asks
     * for creating a tagged entity; a permissions boundary is checked by the {@code iam:PermissionsBoundary} key.
     */
    static Struct createUser(Call call) {
        Struct in = call.input();
        String name = in.string("UserName");
        String path = in.has("Path") ? in.string("Path") : "/";
        String boundary = in.string("PermissionsBoundary");
        List<Tag> tags = Tags.fromRequest(in.structs("Tags"));
        String accountId = call.caller().accountId();
        Target target = Target.of(Arns.user(accountId, path, name));
        call.authorize(target, context -> {
            if (!tags.isEmpty()) {
                context.requestTags(tags);
            }
            if (boundary != null) {
                context.put("iam:PermissionsBoundary", ContextValue.single(ContextType.ARN, boundary));
            }
        });
        if (!tags.isEmpty()) {
            call.authorize("iam:TagUser", target, context -> context.requestTags(tags));
        }
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.user(name) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("User with name %s already exists.", name);
            }
            if (account.users().size() >= MAX_USERS) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for UsersPerAccount: %d", MAX_USERS);
            }
            String boundaryArn = boundary == null ? null : PolicyArns.boundary(call, account, boundary);
            User user = new User(name, call.services().ids().userId(), path, call.services().clock().instant(),
                    boundaryArn, tags, List.of(), List.of(), List.of(), null);
            mutation.putUser(accountId, user);
            Struct.Builder out = call.output();
            return out.set("User", IamViews.user(call, out.child("User"), user, true)).build();
        });
    }

    /**
     * Describes a user; without {@code UserName}, the calling user, or for the root user the account's root
     * identity (its id is the account id).
     */
    static Struct getUser(Call call) {
        AccountState account = call.account();
        String named = call.input().string("UserName");
        if (named == null && call.caller().isRoot()) {
            Struct.Builder out = call.output();
            Struct.Builder root = out.child("User");
            root.set("UserId", call.caller().accountId()).set("Arn", call.caller().arn())
                    .set("CreateDate", account.account().created());
            return out.set("User", root.build()).build();
        }
        String name = Targets.userOrCaller(call);
        User user = account.user(name);
        // Asking about oneself is denied with one's own ARN, a named user with its name.
        Target target = named == null ? Target.of(call.caller().principal().id()) : Targets.user(call, account, name);
        call.authorize(target, context -> {
            if (user != null) {
                context.identityTags(user.tags());
            }
        });
        if (user == null) {
            throw noSuchUser(name);
        }
        Struct.Builder out = call.output();
        return out.set("User", IamViews.user(call, out.child("User"), user, true)).build();
    }

    /**
     * Renames a user or moves it to another path. The caller needs {@code iam:UpdateUser} on the user as it is and
     * as it will be. The user keeps its id; its group memberships, access keys, policies and boundary follow it.
     */
    static Struct updateUser(Call call) {
        Struct in = call.input();
        String name = in.string("UserName");
        String newName = in.string("NewUserName");
        String newPath = in.string("NewPath");
        String accountId = call.caller().accountId();
        AccountState snapshot = call.account();
        User current = snapshot.user(name);
        call.authorize(Targets.user(call, snapshot, name), context -> {
            if (current != null) {
                context.identityTags(current.tags());
            }
        });
        if (newName != null || newPath != null) {
            String targetName = newName != null ? newName : name;
            String targetPath = newPath != null ? newPath : current == null ? "/" : current.path();
            call.authorize(Target.named(Arns.user(accountId, targetPath, targetName), "user " + targetName),
                    context -> {});
        }
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = account.user(name);
            if (user == null) {
                throw noSuchUser(name);
            }
            String renamed = newName != null ? newName : user.name();
            if (!Names.key(renamed).equals(Names.key(user.name())) && account.user(renamed) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("User with name %s already exists.", renamed);
            }
            replace(mutation, account, user, user.moved(renamed, newPath != null ? newPath : user.path()));
            return call.noOutput();
        });
    }

    /**
     * Stores a user under its new name or path, with its access keys, login profile, MFA devices, SSH public keys,
     * signing certificates and service-specific credentials pointing at the name.
     */
    private static void replace(Mutation mutation, AccountState account, User user, User updated) {
        String accountId = account.accountId();
        List<AccessKey> keys = account.accessKeysOf(Names.key(user.name()));
        LoginProfile profile = account.loginProfile(user.name());
        List<MfaDevice> devices = account.mfaDevices().of(Names.key(user.name()));
        if (!Names.key(updated.name()).equals(Names.key(user.name()))) {
            if (profile != null) {
                mutation.removeLoginProfile(accountId, user.name());
            }
            mutation.removeUser(accountId, user.name());
        }
        mutation.putUser(accountId, updated);
        if (profile != null && !profile.userName().equals(updated.name())) {
            mutation.putLoginProfile(accountId, profile.withUserName(updated.name()));
        }
        if (!updated.name().equals(user.name())) {
            mutation.renameCredentialOwner(accountId, user.name(), updated.name());
        }
        for (AccessKey key : keys) {
            if (!key.userName().equals(updated.name())) {
                mutation.putAccessKey(accountId, key.withUserName(updated.name()));
            }
        }
        for (MfaDevice device : devices) {
            if (!device.assignment().userName().equals(updated.name())) {
                mutation.putMfaDevice(accountId, device.withAssignment(
                        new MfaDevice.Assignment(updated.name(), device.assignment().enabled())));
            }
        }
    }

    /**
     * Deletes a user that nothing depends on any more, refusing with IAM's {@code DeleteConflict} for the first
     * dependent in the order the DeleteUser reference lists them. A permissions boundary and tags do not hold a user.
     */
    static Struct deleteUser(Call call) {
        String name = call.input().string("UserName");
        String accountId = call.caller().accountId();
        AccountState snapshot = call.account();
        User current = snapshot.user(name);
        call.authorize(Targets.user(call, snapshot, name), context -> {
            if (current != null) {
                context.identityTags(current.tags());
            }
        });
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = account.user(name);
            if (user == null) {
                throw noSuchUser(name);
            }
            checkNothingDependsOn(account, user);
            mutation.removeUser(accountId, user.name());
            return call.noOutput();
        });
    }

    /**
     * IAM's dependents of a user, in the order of the DeleteUser reference: password (login profile), access keys,
     * signing certificates, SSH public keys, service-specific credentials, MFA devices, inline policies, attached
     * managed policies, group memberships. Each kind Gatehouse stores is checked at its place; a kind added later
     * takes its place with IAM's words. An MFA device holds a user while it is enabled for it ({@code must delete MFA
     * device first.}, though deactivating it is enough). Service-specific credentials are refused with the words IAM
     * uses for SSH public keys (its own for them are not documented).
     */
    private static void checkNothingDependsOn(AccountState account, User user) {
        if (account.loginProfile(user.name()) != null) {
            throw conflict("must delete login profile first.");
        }
        if (!account.accessKeysOf(Names.key(user.name())).isEmpty()) {
            throw conflict("must delete access keys first.");
        }
        OtherCredentials others = account.others();
        String owner = Names.key(user.name());
        if (!others.signingCertificatesOf(owner).isEmpty()) {
            throw conflict("must delete certificates first.");
        }
        if (!others.sshPublicKeysOf(owner).isEmpty() || !others.serviceCredentialsOf(owner).isEmpty()) {
            throw conflict("must remove referenced objects first.");
        }
        if (!account.mfaDevices().of(owner).isEmpty()) {
            throw conflict("must delete MFA device first.");
        }
        if (!user.inlinePolicies().isEmpty()) {
            throw conflict("must delete policies first.");
        }
        if (!user.attachedPolicyArns().isEmpty()) {
            throw conflict("must detach all policies first.");
        }
        if (!user.groupNames().isEmpty()) {
            throw conflict("must remove users from group first.");
        }
    }

    static AwsException conflict(String what) {
        return AwsError.DELETE_CONFLICT.exception("Cannot delete entity, " + what);
    }

    /** Lists users whose path starts with {@code PathPrefix}, in name order, without their tags and boundaries. */
    static Struct listUsers(Call call) {
        String prefix = call.input().has("PathPrefix") ? call.input().string("PathPrefix") : "/";
        call.authorize(Target.of(Arns.user(call.caller().accountId(), prefix, "")), context -> {});
        PageRequest request = call.page();
        List<User> following = Listings.matching(call.account().users(), request, u -> u.path().startsWith(prefix));
        Page<User> page = request.page(following, u -> Names.key(u.name()));
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("Users");
        out.set("Users", page.items().stream().map(u -> IamViews.user(call, element, u, false)).toList());
        return page.writeTo(out).build();
    }

    /** Sets or replaces a user's permissions boundary with a managed policy that exists. */
    static Struct putUserPermissionsBoundary(Call call) {
        String name = call.input().string("UserName");
        String boundary = call.input().string("PermissionsBoundary");
        String accountId = call.caller().accountId();
        AccountState snapshot = call.account();
        User current = snapshot.user(name);
        call.authorize(Targets.user(call, snapshot, name), context -> {
            if (current != null) {
                context.identityTags(current.tags());
            }
            context.put("iam:PermissionsBoundary", ContextValue.single(ContextType.ARN, boundary));
        });
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = account.user(name);
            if (user == null) {
                throw noSuchUser(name);
            }
            mutation.putUser(accountId, user.withPermissionsBoundaryArn(PolicyArns.boundary(call, account, boundary)));
            return call.noOutput();
        });
    }

    /** Removes a user's permissions boundary; a user without one is left as it is. */
    static Struct deleteUserPermissionsBoundary(Call call) {
        String name = call.input().string("UserName");
        String accountId = call.caller().accountId();
        AccountState snapshot = call.account();
        User current = snapshot.user(name);
        call.authorize(Targets.user(call, snapshot, name), context -> {
            if (current != null) {
                context.identityTags(current.tags());
                if (current.permissionsBoundaryArn() != null) {
                    context.put("iam:PermissionsBoundary",
                            ContextValue.single(ContextType.ARN, call.arn(current.permissionsBoundaryArn())));
                }
            }
        });
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = account.user(name);
            if (user == null) {
                throw noSuchUser(name);
            }
            if (user.permissionsBoundaryArn() != null) {
                mutation.putUser(accountId, user.withPermissionsBoundaryArn(null));
            }
            return call.noOutput();
        });
    }

    static AwsException noSuchUser(String name) {
        return AwsError.NO_SUCH_ENTITY.exception("The user with name %s cannot be found.", name);
    }
}
