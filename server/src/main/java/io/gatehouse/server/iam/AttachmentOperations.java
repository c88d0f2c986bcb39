package io.gatehouse.server.iam;

import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.AwsManagedPolicies;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Managed policies attached to users, groups and roles: Attach/Detach/ListAttached for each kind, and
 * ListEntitiesForPolicy. At most {@link #MAX_ATTACHED} policies per user, group or role (IAM's default quota).
 * The account state's attachment index follows every change, so attachment counts and listings stay true.
 */
final class AttachmentOperations {

    /** IAM's default quota of managed policies attached to one user, group or role. */
    static final int MAX_ATTACHED = 10;

    private AttachmentOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        for (PolicyHolder.Kind kind : PolicyHolder.Kind.values()) {
            handlers.put("Attach" + kind.title() + "Policy", call -> attach(call, kind));
            handlers.put("Detach" + kind.title() + "Policy", call -> detach(call, kind));
            handlers.put("ListAttached" + kind.title() + "Policies", call -> listAttached(call, kind));
        }
        handlers.put("ListEntitiesForPolicy", AttachmentOperations::listEntitiesForPolicy);
    }

    static Struct attach(Call call, PolicyHolder.Kind kind) {
        String name = call.input().string(kind.nameMember());
        String sent = call.input().string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        String accountId = call.caller().accountId();
        authorize(call, kind, name, arn);
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            PolicyHolder holder = kind.require(account, name);
            holder.requireModifiable();
            requireAttachable(call, account, kind, arn, sent);
            List<String> attached = holder.attachedPolicyArns();
            if (attached.contains(arn)) {
                return call.noOutput(); // IAM answers a repeated attachment with success and changes nothing
            }
            if (attached.size() >= MAX_ATTACHED) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for %s: %d", kind.quotaName(), MAX_ATTACHED);
            }
            List<String> after = new ArrayList<>(attached);
            after.add(arn);
            holder.withAttached(after).store(mutation, accountId);
            return call.noOutput();
        });
    }

    static Struct detach(Call call, PolicyHolder.Kind kind) {
        String name = call.input().string(kind.nameMember());
        String sent = call.input().string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        String accountId = call.caller().accountId();
        authorize(call, kind, name, arn);
        return call.write(mutation -> {
            PolicyHolder holder = kind.require(mutation.account(accountId), name);
            holder.requireModifiable();
            if (!holder.attachedPolicyArns().contains(arn)) {
                throw PolicyOperations.notFound(sent);
            }
            holder.withAttached(holder.attachedPolicyArns().stream().filter(a -> !a.equals(arn)).toList())
                    .store(mutation, accountId);
            return call.noOutput();
        });
    }

    /** Authorizes an attachment change with the keys the reference lists: {@code iam:PolicyARN}, boundary, tags. */
    private static void authorize(Call call, PolicyHolder.Kind kind, String name, String arn) {
        PolicyHolder current = kind.find(call.account(), name);
        call.authorize(kind.arn(call.caller().accountId(), current, name), context -> {
            PolicyHolder.describe(call, context, current, true);
            context.put("iam:PolicyARN", ContextValue.single(ContextType.ARN, call.arn(arn)));
        });
    }

    /** Refuses, as IAM does, a policy that does not exist in the account or cannot be attached. */
    private static void requireAttachable(Call call, AccountState account, PolicyHolder.Kind kind, String arn, String sent) {
        if (PolicyArns.isAwsManaged(arn)) {
            var policy = call.services().policies().awsManaged().byArn(arn).orElse(null);
            if (policy != null && AwsManagedPolicies.isServiceRolePolicy(policy)) {
                throw AwsError.POLICY_NOT_ATTACHABLE.exception("Cannot attach a Service Role Policy to a Customer %s.",
                        kind.title());
            }
            if (policy != null && AwsManagedPolicies.isAttachable(policy)) {
                return;
            }
        } else if (PolicyArns.customer(account, arn) != null) {
            return;
        }
        throw AwsError.NO_SUCH_ENTITY.exception("Policy %s does not exist or is not attachable.", sent);
    }

    /** ListAttached{User,Group,Role}Policies: in the order they were attached; a marker carries an index. */
    static Struct listAttached(Call call, PolicyHolder.Kind kind) {
        String name = call.input().string(kind.nameMember());
        String prefix = call.input().has("PathPrefix") ? call.input().string("PathPrefix") : "/";
        AccountState account = call.account();
        PolicyHolder holder = kind.find(account, name);
        call.authorize(kind.arn(account.accountId(), holder, name), context -> PolicyHolder.describe(call, context, holder, false));
        if (holder == null) {
            throw kind.noSuchEntity(name);
        }
        PageRequest request = call.page();
        List<String> attached = holder.attachedPolicyArns();
        List<Integer> following = new ArrayList<>();
        int start = request.after() == null ? 0 : PolicyOperations.index(request.after()) + 1;
        for (int i = start; i < attached.size(); i++) {
            if (PolicyArns.path(attached.get(i)).startsWith(prefix)) {
                following.add(i);
            }
        }
        Page<Integer> page = request.page(following, String::valueOf);
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("AttachedPolicies");
        out.set("AttachedPolicies", IamViews.attachedPolicies(call, element, page.items().stream().map(attached::get)
                .toList()));
        return page.writeTo(out).build();
    }

    /**
     * ListEntitiesForPolicy: the groups, roles and users a policy is attached to (as a permissions policy, a
     * permissions boundary, or either), each kind in name order; a marker carries the last entity's reference
     * ({@code group/key}, {@code role/key}, {@code user/key}).
     */
    static Struct listEntitiesForPolicy(Call call) {
        Struct in = call.input();
        String sent = in.string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        String prefix = in.has("PathPrefix") ? in.string("PathPrefix") : "/";
        String filter = in.string("EntityFilter");
        String usage = in.string("PolicyUsageFilter");
        AccountState account = call.account();
        ManagedPolicy customer = PolicyArns.customer(account, arn);
        call.authorize(arn, context -> {
            if (customer != null) {
                context.resourceTags(customer.tags());
            }
        });
        if (!PolicyArns.exists(call, account, arn)) {
            throw PolicyOperations.notFound(sent);
        }
        TreeSet<String> refs = new TreeSet<>();
        if (!"PermissionsBoundary".equals(usage)) {
            refs.addAll(account.attachedTo(arn));
        }
        if (!"PermissionsPolicy".equals(usage)) {
            refs.addAll(account.boundedBy(arn));
        }
        PageRequest request = call.page();
        List<String> following = new ArrayList<>();
        for (String ref : request.after() == null ? refs : refs.tailSet(request.after(), false)) {
            if (following.size() > request.maxItems()) {
                break;
            }
            String kind = ref.substring(0, ref.indexOf('/'));
            if ((filter == null || filter.equalsIgnoreCase(kind)) && path(account, ref).startsWith(prefix)) {
                following.add(ref);
            }
        }
        Page<String> page = request.page(following, ref -> ref);
        Struct.Builder out = call.output();
        Struct.Builder group = out.child("PolicyGroups");
        Struct.Builder user = out.child("PolicyUsers");
        Struct.Builder role = out.child("PolicyRoles");
        List<Struct> groups = new ArrayList<>();
        List<Struct> users = new ArrayList<>();
        List<Struct> roles = new ArrayList<>();
        for (String ref : page.items()) {
            String key = ref.substring(ref.indexOf('/') + 1);
            switch (ref.substring(0, ref.indexOf('/'))) {
                case "group" -> {
                    Group g = account.groups().get(key);
                    groups.add(group.set("GroupName", g.name()).set("GroupId", g.id()).build());
                }
                case "user" -> {
                    User u = account.users().get(key);
                    users.add(user.set("UserName", u.name()).set("UserId", u.id()).build());
                }
                default -> {
                    Role r = account.roles().get(key);
                    roles.add(role.set("RoleName", r.name()).set("RoleId", r.id()).build());
                }
            }
        }
        out.set("PolicyGroups", groups).set("PolicyUsers", users).set("PolicyRoles", roles);
        return page.writeTo(out).build();
    }

    /** The path of the entity an attachment reference names. */
    private static String path(AccountState account, String ref) {
        String key = ref.substring(ref.indexOf('/') + 1);
        return switch (ref.substring(0, ref.indexOf('/'))) {
            case "group" -> account.groups().get(key).path();
            case "user" -> account.users().get(key).path();
            default -> account.roles().get(key).path();
        };
    }
}
