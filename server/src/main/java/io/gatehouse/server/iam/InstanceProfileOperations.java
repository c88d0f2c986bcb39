package io.gatehouse.server.iam;

import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.iam.Tags.KeyCase;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.InstanceProfile;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Instance profiles: CreateInstanceProfile, GetInstanceProfile, DeleteInstanceProfile, ListInstanceProfiles,
 * ListInstanceProfilesForRole, AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile, TagInstanceProfile,
 * UntagInstanceProfile, ListInstanceProfileTags. An instance profile holds at most one role; its tag keys are
 * case-sensitive ({@link KeyCase#SENSITIVE}).
 */
final class InstanceProfileOperations {

    /** IAM's default quota of instance profiles per account. */
    static final int MAX_INSTANCE_PROFILES = 1000;
    /** IAM's quota of roles per instance profile, which cannot be raised. */
    static final int MAX_ROLES = 1;

    private InstanceProfileOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateInstanceProfile", InstanceProfileOperations::createInstanceProfile);
        handlers.put("GetInstanceProfile", InstanceProfileOperations::getInstanceProfile);
        handlers.put("DeleteInstanceProfile", InstanceProfileOperations::deleteInstanceProfile);
        handlers.put("ListInstanceProfiles", InstanceProfileOperations::listInstanceProfiles);
        handlers.put("ListInstanceProfilesForRole", InstanceProfileOperations::listInstanceProfilesForRole);
        handlers.put("AddRoleToInstanceProfile", InstanceProfileOperations::addRoleToInstanceProfile);
        handlers.put("RemoveRoleFromInstanceProfile", InstanceProfileOperations::removeRoleFromInstanceProfile);
        handlers.put("TagInstanceProfile", InstanceProfileOperations::tagInstanceProfile);
        handlers.put("UntagInstanceProfile", InstanceProfileOperations::untagInstanceProfile);
        handlers.put("ListInstanceProfileTags", InstanceProfileOperations::listInstanceProfileTags);
    }

    static Struct createInstanceProfile(Call call) {
        Struct in = call.input();
        String name = in.string("InstanceProfileName");
        String path = in.has("Path") ? in.string("Path") : "/";
        List<Tag> tags = Tags.fromRequest(in.structs("Tags"), KeyCase.SENSITIVE);
        String accountId = call.caller().accountId();
        call.authorize(Target.of(Arns.instanceProfile(accountId, path, name)), context -> {
            if (!tags.isEmpty()) {
                context.requestTags(tags);
            }
        });
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.instanceProfile(name) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("Instance Profile %s already exists.", name);
            }
            if (account.instanceProfiles().size() >= MAX_INSTANCE_PROFILES) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for InstanceProfilesPerAccount: %d",
                        MAX_INSTANCE_PROFILES);
            }
            InstanceProfile profile = new InstanceProfile(name, call.services().ids().instanceProfileId(), path,
                    call.services().clock().instant(), List.of(), tags);
            mutation.putInstanceProfile(accountId, profile);
            Struct.Builder out = call.output();
            return out.set("InstanceProfile", IamViews.instanceProfile(call, out.child("InstanceProfile"), account,
                    profile, !tags.isEmpty())).build();
        });
    }

    static Struct getInstanceProfile(Call call) {
        String name = call.input().string("InstanceProfileName");
        AccountState account = call.account();
        InstanceProfile profile = account.instanceProfile(name);
        call.authorize(target(call, profile, name), existing(profile));
        if (profile == null) {
            throw noSuchInstanceProfile(name);
        }
        Struct.Builder out = call.output();
        return out.set("InstanceProfile", IamViews.instanceProfile(call, out.child("InstanceProfile"), account, profile,
                true)).build();
    }

    static Struct deleteInstanceProfile(Call call) {
        String name = call.input().string("InstanceProfileName");
        InstanceProfile current = call.account().instanceProfile(name);
        call.authorize(target(call, current, name), existing(current));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            InstanceProfile profile = require(mutation.account(accountId), name);
            if (!profile.roleNames().isEmpty()) {
                throw AwsError.DELETE_CONFLICT.exception(
                        "Cannot delete entity, must remove roles from instance profile first.");
            }
            mutation.removeInstanceProfile(accountId, profile.name());
            return call.noOutput();
        });
    }

    /** ListInstanceProfiles: instance profiles in name order, with their roles; IAM leaves out their tags. */
    static Struct listInstanceProfiles(Call call) {
        String prefix = call.input().has("PathPrefix") ? call.input().string("PathPrefix") : "/";
        call.authorize(Target.of(Arns.instanceProfile(call.caller().accountId(), prefix, "")), context -> {});
        PageRequest request = call.page();
        AccountState account = call.account();
        return page(call, account, request, Listings.matching(account.instanceProfiles(), request,
                p -> p.path().startsWith(prefix)));
    }

    /** ListInstanceProfilesForRole: the instance profiles that hold a role, in name order. */
    static Struct listInstanceProfilesForRole(Call call) {
        String roleName = call.input().string("RoleName");
        AccountState account = call.account();
        Role role = account.role(roleName);
        call.authorize(RoleOperations.target(call, role, roleName), RoleOperations.tagged(role));
        if (role == null) {
            throw RoleOperations.noSuchRole(roleName);
        }
        PageRequest request = call.page();
        List<InstanceProfile> holders = account.profilesOf(roleName).stream().sorted()
                .map(key -> account.instanceProfiles().get(key)).toList();
        return page(call, account, request, Listings.following(holders, request, p -> Names.key(p.name())));
    }

    static Struct addRoleToInstanceProfile(Call call) {
        String name = call.input().string("InstanceProfileName");
        String roleName = call.input().string("RoleName");
        AccountState snapshot = call.account();
        InstanceProfile current = snapshot.instanceProfile(name);
        call.authorize(target(call, current, name), existing(current));
        authorizePassRole(call, snapshot.role(roleName), roleName);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            InstanceProfile profile = require(account, name);
            Role role = RoleOperations.requireModifiable(RoleOperations.require(account, roleName));
            if (profile.roleNames().size() >= MAX_ROLES) {
                throw AwsError.LIMIT_EXCEEDED.exception(
                        "Cannot exceed quota for InstanceSessionsPerInstanceProfile: %d", MAX_ROLES);
            }
            mutation.putInstanceProfile(accountId, profile.withRoleNames(List.of(role.name())));
            return call.noOutput();
        });
    }

    static Struct removeRoleFromInstanceProfile(Call call) {
        String name = call.input().string("InstanceProfileName");
        String roleName = call.input().string("RoleName");
        InstanceProfile current = call.account().instanceProfile(name);
        call.authorize(target(call, current, name), existing(current));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            InstanceProfile profile = require(account, name);
            Role role = RoleOperations.requireModifiable(RoleOperations.require(account, roleName));
            if (!account.profilesOf(role.name()).contains(Names.key(profile.name()))) {
                throw AwsError.NO_SUCH_ENTITY.exception("Role %s in Instance Profile %s cannot be found.", roleName,
                        name);
            }
            mutation.putInstanceProfile(accountId, profile.withRoleNames(profile.roleNames().stream()
                    .filter(r -> !Names.key(r).equals(Names.key(role.name()))).toList()));
            return call.noOutput();
        });
    }

    static Struct tagInstanceProfile(Call call) {
        String name = call.input().string("InstanceProfileName");
        List<Tag> tags = Tags.fromRequest(call.input().structs("Tags"), KeyCase.SENSITIVE);
        InstanceProfile current = call.account().instanceProfile(name);
        call.authorize(Target.of(arn(call, current, name)), existing(current).andThen(c -> c.requestTags(tags)));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            InstanceProfile profile = require(mutation.account(accountId), name);
            List<Tag> merged = Tags.merge(profile.tags(), tags, KeyCase.SENSITIVE);
            mutation.putInstanceProfile(accountId, profile.withTags(merged));
            return call.noOutput();
        });
    }

    static Struct untagInstanceProfile(Call call) {
        String name = call.input().string("InstanceProfileName");
        List<String> keys = call.input().strings("TagKeys");
        InstanceProfile current = call.account().instanceProfile(name);
        call.authorize(Target.of(arn(call, current, name)), existing(current).andThen(c -> c.tagKeys(keys)));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            InstanceProfile profile = require(mutation.account(accountId), name);
            List<Tag> rest = Tags.remove(profile.tags(), keys, KeyCase.SENSITIVE);
            mutation.putInstanceProfile(accountId, profile.withTags(rest));
            return call.noOutput();
        });
    }

    static Struct listInstanceProfileTags(Call call) {
        String name = call.input().string("InstanceProfileName");
        InstanceProfile profile = call.account().instanceProfile(name);
        call.authorize(target(call, profile, name), existing(profile));
        if (profile == null) {
            throw noSuchInstanceProfile(name);
        }
        return Tags.page(call, profile.tags());
    }

    /**
     * AddRoleToInstanceProfile passes the role to EC2, so IAM also requires {@code iam:PassRole} on the role, with the
     * instances it may be used by as {@code iam:AssociatedResourceArn} ({@code arn:aws:ec2:*:ACCOUNT:instance/*}, as
     * the API reference says) and EC2 as {@code iam:PassedToService}.
     */
    private static void authorizePassRole(Call call, Role role, String roleName) {
        String accountId = call.caller().accountId();
        call.authorize("iam:PassRole", RoleOperations.arn(call, role, roleName), context -> {
            RoleOperations.tagged(role).accept(context);
            context.put("iam:PassedToService", ContextValue.of("ec2.amazonaws.com"));
            context.put("iam:AssociatedResourceArn", ContextValue.single(ContextType.ARN,
                    Arns.render("arn:aws:ec2:*:" + accountId + ":instance/*", call.caller().partition())));
        });
    }

    private static Struct page(Call call, AccountState account, PageRequest request, List<InstanceProfile> following) {
        Page<InstanceProfile> page = request.page(following, p -> Names.key(p.name()));
        Struct.Builder out = call.output();
        out.set("InstanceProfiles", page.items().stream()
                .map(p -> IamViews.instanceProfile(call, out.child("InstanceProfiles"), account, p, false))
                .toList());
        return page.writeTo(out).build();
    }

    /** The canonical ARN a call on an instance profile is authorized on (path {@code /} when it does not exist). */
    private static String arn(Call call, InstanceProfile profile, String name) {
        return Arns.instanceProfile(call.caller().accountId(), profile == null ? "/" : profile.path(), name);
    }

    /** An instance profile a request names: a denial names it {@code instance profile NAME}, as IAM's do. */
    private static Target target(Call call, InstanceProfile profile, String name) {
        return Target.named(arn(call, profile, name), "instance profile " + name);
    }

    /** The context keys of a call on an instance profile that may exist: its tags. */
    private static Consumer<ContextBuilder> existing(InstanceProfile profile) {
        return context -> {
            if (profile != null) {
                context.resourceTags(profile.tags());
            }
        };
    }

    private static InstanceProfile require(AccountState account, String name) {
        InstanceProfile profile = account.instanceProfile(name);
        if (profile == null) {
            throw noSuchInstanceProfile(name);
        }
        return profile;
    }

    private static AwsException noSuchInstanceProfile(String name) {
        return AwsError.NO_SUCH_ENTITY.exception("Instance Profile %s cannot be found.", name);
    }
}
