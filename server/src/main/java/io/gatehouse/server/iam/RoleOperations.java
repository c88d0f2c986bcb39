package io.gatehouse.server.iam;

import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.iam.IamViews.RoleView;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * IAM roles: CreateRole, GetRole, UpdateRole, UpdateRoleDescription, DeleteRole, ListRoles, UpdateAssumeRolePolicy,
 * TagRole, UntagRole, ListRoleTags, PutRolePermissionsBoundary, DeleteRolePermissionsBoundary. Service-linked roles
 * ({@link ServiceLinkedRoleOperations}) are listed, read and tagged like any role, but only AWS changes them otherwise.
 */
final class RoleOperations {

    /** IAM's default quota of roles per account. */
    static final int MAX_ROLES = 1000;
    /** The maximum session duration of a role that does not set one: one hour. */
    static final int DEFAULT_MAX_SESSION_DURATION = 3600;

    private RoleOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateRole", RoleOperations::createRole);
        handlers.put("GetRole", RoleOperations::getRole);
        handlers.put("UpdateRole", RoleOperations::updateRole);
        handlers.put("UpdateRoleDescription", RoleOperations::updateRoleDescription);
        handlers.put("DeleteRole", RoleOperations::deleteRole);
        handlers.put("ListRoles", RoleOperations::listRoles);
        handlers.put("UpdateAssumeRolePolicy", RoleOperations::updateAssumeRolePolicy);
        handlers.put("TagRole", RoleOperations::tagRole);
        handlers.put("UntagRole", RoleOperations::untagRole);
        handlers.put("ListRoleTags", RoleOperations::listRoleTags);
        handlers.put("PutRolePermissionsBoundary", RoleOperations::putRolePermissionsBoundary);
        handlers.put("DeleteRolePermissionsBoundary", RoleOperations::deleteRolePermissionsBoundary);
    }

    static Struct createRole(Call call) {
        Struct in = call.input();
        String name = in.string("RoleName");
        String path = in.has("Path") ? in.string("Path") : "/";
        String boundary = in.string("PermissionsBoundary");
        int maxSessionDuration = in.has("MaxSessionDuration") ? in.integer("MaxSessionDuration")
                : DEFAULT_MAX_SESSION_DURATION;
        List<Tag> tags = Tags.fromRequest(in.structs("Tags"));
        if (boundary != null) {
            PolicyArns.named(call, boundary);
        }
        String accountId = call.caller().accountId();
        call.authorize(Target.of(Arns.role(accountId, path, name)), context -> {
            if (!tags.isEmpty()) {
                context.requestTags(tags);
            }
            if (boundary != null) {
                context.put("iam:PermissionsBoundary", ContextValue.single(ContextType.ARN, boundary));
            }
        });
        if (path.startsWith(Role.SERVICE_LINKED_PATH)) {
            throw AwsError.INVALID_INPUT.exception(
                    "Path prefix '" + Role.SERVICE_LINKED_PATH + "' can only be used for AWS Service linked Roles");
        }
        String trustPolicy = in.string("AssumeRolePolicyDocument");
        ParseResult parsed = TrustPolicies.parse(call, trustPolicy);
        if (parsed instanceof ParseResult.Invalid invalid) {
            throw PolicyDocuments.error(invalid.first());
        }
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.role(name) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("Role with name %s already exists.", name);
            }
            if (account.roles().size() >= MAX_ROLES) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for RolesPerAccount: %d", MAX_ROLES);
            }
            String boundaryArn = boundary == null ? null : PolicyArns.boundary(call, account, boundary);
            CompiledPolicy compiled = TrustPolicies.accept(call, mutation.state(), name, parsed);
            Role role = new Role(name, call.services().ids().roleId(), path, call.services().clock().instant(),
                    trustPolicy, compiled, description(in), maxSessionDuration, boundaryArn, tags, List.of(), List.of(),
                    null);
            mutation.putRole(accountId, role);
            Struct.Builder out = call.output();
            return out.set("Role", IamViews.role(call, out.child("Role"), role, RoleView.CREATED)).build();
        });
    }

    static Struct getRole(Call call) {
        String name = call.input().string("RoleName");
        Role role = call.account().role(name);
        call.authorize(target(call, role, name), existing(call, role));
        if (role == null) {
            throw noSuchRole(name);
        }
        Struct.Builder out = call.output();
        return out.set("Role", IamViews.role(call, out.child("Role"), role, RoleView.FULL)).build();
    }

    static Struct updateRole(Call call) {
        Struct in = call.input();
        String name = in.string("RoleName");
        Role current = call.account().role(name);
        call.authorize(target(call, current, name), existing(call, current));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            Role role = require(mutation.account(accountId), name);
            if (role.isServiceLinked() && in.has("MaxSessionDuration")) {
                throw AwsError.UNMODIFIABLE_ENTITY.exception(
                        "%s is an AWS service linked role, max session duration cannot be changed.", role.name());
            }
            String description = in.has("Description") ? description(in) : role.description();
            int maxSessionDuration = in.has("MaxSessionDuration") ? in.integer("MaxSessionDuration")
                    : role.maxSessionDuration();
            mutation.putRole(accountId, role.withSettings(description, maxSessionDuration));
            return call.output().build();
        });
    }

    static Struct updateRoleDescription(Call call) {
        Struct in = call.input();
        String name = in.string("RoleName");
        Role current = call.account().role(name);
        call.authorize(target(call, current, name), existing(call, current));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            Role before = require(mutation.account(accountId), name);
            Role role = before.withSettings(description(in), before.maxSessionDuration());
            mutation.putRole(accountId, role);
            Struct.Builder out = call.output();
            return out.set("Role", IamViews.role(call, out.child("Role"), role, RoleView.DESCRIBED)).build();
        });
    }

    static Struct deleteRole(Call call) {
        String name = call.input().string("RoleName");
        Role current = call.account().role(name);
        call.authorize(target(call, current, name), existing(call, current));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            Role role = requireModifiable(require(account, name));
            if (!account.profilesOf(name).isEmpty()) {
                throw AwsError.DELETE_CONFLICT.exception(
                        "Cannot delete entity, must remove roles from instance profile first.");
            }
            if (!role.inlinePolicies().isEmpty()) {
                throw AwsError.DELETE_CONFLICT.exception("Cannot delete entity, must delete policies first.");
            }
            if (!role.attachedPolicyArns().isEmpty()) {
                throw AwsError.DELETE_CONFLICT.exception("Cannot delete entity, must detach all policies first.");
            }
            mutation.removeRole(accountId, role.name());
            return call.noOutput();
        });
    }

    /** ListRoles: roles in name order; IAM leaves out their boundaries, tags and last use. */
    static Struct listRoles(Call call) {
        String prefix = call.input().has("PathPrefix") ? call.input().string("PathPrefix") : "/";
        call.authorize(Target.of(Arns.role(call.caller().accountId(), prefix, "")), context -> {});
        PageRequest request = call.page();
        List<Role> following = Listings.matching(call.account().roles(), request, r -> r.path().startsWith(prefix));
        Page<Role> page = request.page(following, r -> Names.key(r.name()));
        Struct.Builder out = call.output();
        out.set("Roles", page.items().stream()
                .map(r -> IamViews.role(call, out.child("Roles"), r, RoleView.LISTED))
                .toList());
        return page.writeTo(out).build();
    }

    static Struct updateAssumeRolePolicy(Call call) {
        Struct in = call.input();
        String name = in.string("RoleName");
        Role current = call.account().role(name);
        call.authorize(target(call, current, name), existing(call, current));
        String document = in.string("PolicyDocument");
        ParseResult parsed = TrustPolicies.parse(call, document);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            Role role = requireModifiable(require(mutation.account(accountId), name));
            CompiledPolicy compiled = TrustPolicies.accept(call, mutation.state(), role.name(), parsed);
            mutation.putRole(accountId, role.withTrustPolicy(document, compiled));
            return call.noOutput();
        });
    }

    static Struct tagRole(Call call) {
        String name = call.input().string("RoleName");
        List<Tag> tags = Tags.fromRequest(call.input().structs("Tags"));
        Role current = call.account().role(name);
        call.authorize(Target.of(arn(call, current, name)), tagged(current).andThen(c -> c.requestTags(tags)));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            Role role = require(mutation.account(accountId), name);
            mutation.putRole(accountId, role.withTags(Tags.merge(role.tags(), tags)));
            return call.noOutput();
        });
    }

    static Struct untagRole(Call call) {
        String name = call.input().string("RoleName");
        List<String> keys = call.input().strings("TagKeys");
        Role current = call.account().role(name);
        call.authorize(Target.of(arn(call, current, name)), tagged(current).andThen(c -> c.tagKeys(keys)));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            Role role = require(mutation.account(accountId), name);
            mutation.putRole(accountId, role.withTags(Tags.remove(role.tags(), keys)));
            return call.noOutput();
        });
    }

    static Struct listRoleTags(Call call) {
        String name = call.input().string("RoleName");
        Role role = call.account().role(name);
        call.authorize(target(call, role, name), tagged(role));
        if (role == null) {
            throw noSuchRole(name);
        }
        return Tags.page(call, role.tags());
    }

    static Struct putRolePermissionsBoundary(Call call) {
        String name = call.input().string("RoleName");
        String boundary = call.input().string("PermissionsBoundary");
        PolicyArns.named(call, boundary);
        Role current = call.account().role(name);
        call.authorize(Target.of(arn(call, current, name)), tagged(current).andThen(context ->
                context.put("iam:PermissionsBoundary", ContextValue.single(ContextType.ARN, boundary))));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            Role role = requireModifiable(require(account, name));
            mutation.putRole(accountId, role.withPermissionsBoundary(PolicyArns.boundary(call, account, boundary)));
            return call.noOutput();
        });
    }

    static Struct deleteRolePermissionsBoundary(Call call) {
        String name = call.input().string("RoleName");
        Role current = call.account().role(name);
        call.authorize(Target.of(arn(call, current, name)), existing(call, current));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            Role role = requireModifiable(require(mutation.account(accountId), name));
            mutation.putRole(accountId, role.withPermissionsBoundary(null));
            return call.noOutput();
        });
    }

    // --- what the role operations share with the other groups ---

    /** The canonical ARN a call on a role is authorized on: its own, or with path {@code /} when it does not exist. */
    static String arn(Call call, Role role, String name) {
        return Arns.role(call.caller().accountId(), role == null ? "/" : role.path(), name);
    }

    /**
     * A role a request names, as the operations that address an existing role by name authorize it: a denial names it
     * {@code role NAME}, as IAM's do, telling nothing about its path or existence.
     */
    static Target target(Call call, Role role, String name) {
        return Target.named(arn(call, role, name), "role " + name);
    }

    /**
     * The context keys of a call on a role that may exist, for the actions whose entry in the Service Authorization
     * Reference lists {@code iam:PermissionsBoundary}: the role's tags and its permissions boundary.
     */
    static Consumer<ContextBuilder> existing(Call call, Role role) {
        return tagged(role).andThen(context -> {
            if (role != null && role.permissionsBoundaryArn() != null) {
                context.put("iam:PermissionsBoundary",
                        ContextValue.single(ContextType.ARN, call.arn(role.permissionsBoundaryArn())));
            }
        });
    }

    /** The context keys of every call on a role that may exist: its tags ({@code aws:}, {@code iam:ResourceTag}). */
    static Consumer<ContextBuilder> tagged(Role role) {
        return context -> {
            if (role != null) {
                context.identityTags(role.tags());
            }
        };
    }

    /** The role with this name, or IAM's NoSuchEntity. */
    static Role require(AccountState account, String name) {
        Role role = account.role(name);
        if (role == null) {
            throw noSuchRole(name);
        }
        return role;
    }

    /** {@code role}, unless it is a service-linked role, which only AWS may change: UnmodifiableEntity. */
    static Role requireModifiable(Role role) {
        new PolicyHolder.OfRole(role).requireModifiable();
        return role;
    }

    static AwsException noSuchRole(String name) {
        return AwsError.NO_SUCH_ENTITY.exception("The role with name %s cannot be found.", name);
    }

    /** The request's description; an empty one leaves the role without a description. */
    private static String description(Struct in) {
        String description = in.string("Description");
        return description == null || description.isEmpty() ? null : description;
    }
}
