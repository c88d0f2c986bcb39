package io.gatehouse.server.iam;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Policies embedded in users, groups and roles: Put/Get/Delete/List{User,Group,Role}Policy. A policy put under a
 * name the holder already has (compared without regard to case) replaces it. IAM's size quota is per holder: the
 * inline policies of a user may total 2,048 characters, of a group 5,120, of a role 10,240, white space not counted.
 */
final class InlinePolicyOperations {

    private InlinePolicyOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        for (PolicyHolder.Kind kind : PolicyHolder.Kind.values()) {
            handlers.put("Put" + kind.title() + "Policy", call -> put(call, kind));
            handlers.put("Get" + kind.title() + "Policy", call -> get(call, kind));
            handlers.put("Delete" + kind.title() + "Policy", call -> delete(call, kind));
            handlers.put("List" + kind.title() + "Policies", call -> list(call, kind));
        }
    }

    static Struct put(Call call, PolicyHolder.Kind kind) {
        Struct in = call.input();
        String name = in.string(kind.nameMember());
        String policyName = in.string("PolicyName");
        String document = in.string("PolicyDocument");
        String accountId = call.caller().accountId();
        authorize(call, kind, name, true);
        CompiledPolicy compiled = PolicyDocuments.compile(policyName, document,
                ParseOptions.inline(kind.inlineQuota(name)));
        return call.write(mutation -> {
            PolicyHolder holder = kind.require(mutation.account(accountId), name);
            holder.requireModifiable();
            PolicySizeQuota quota = kind.inlineQuota(holder.name());
            int total = quota.measure(document);
            List<InlinePolicy> policies = new ArrayList<>();
            boolean replaced = false;
            for (InlinePolicy policy : holder.inlinePolicies()) {
                if (sameName(policy, policyName)) {
                    policies.add(new InlinePolicy(policyName, document, compiled));
                    replaced = true;
                } else {
                    total += quota.measure(policy.document());
                    policies.add(policy);
                }
            }
            if (!replaced) {
                policies.add(new InlinePolicy(policyName, document, compiled));
            }
            if (!quota.admits(total)) {
                throw AwsError.LIMIT_EXCEEDED.exception(quota.message());
            }
            holder.withInline(policies).store(mutation, accountId);
            return call.noOutput();
        });
    }

    static Struct get(Call call, PolicyHolder.Kind kind) {
        String name = call.input().string(kind.nameMember());
        String policyName = call.input().string("PolicyName");
        PolicyHolder holder = authorize(call, kind, name, false);
        if (holder == null) {
            throw kind.noSuchEntity(name);
        }
        InlinePolicy policy = holder.inlinePolicies().stream().filter(p -> sameName(p, policyName)).findFirst()
                .orElseThrow(() -> kind.noSuchInlinePolicy(policyName));
        return call.output().set(kind.nameMember(), holder.name()).set("PolicyName", policy.name())
                .set("PolicyDocument", policy.document()).build();
    }

    static Struct delete(Call call, PolicyHolder.Kind kind) {
        String name = call.input().string(kind.nameMember());
        String policyName = call.input().string("PolicyName");
        String accountId = call.caller().accountId();
        authorize(call, kind, name, true);
        return call.write(mutation -> {
            PolicyHolder holder = kind.require(mutation.account(accountId), name);
            holder.requireModifiable();
            List<InlinePolicy> rest = holder.inlinePolicies().stream().filter(p -> !sameName(p, policyName)).toList();
            if (rest.size() == holder.inlinePolicies().size()) {
                throw kind.noSuchInlinePolicy(policyName);
            }
            holder.withInline(rest).store(mutation, accountId);
            return call.noOutput();
        });
    }

    /** List{User,Group,Role}Policies: names in name order; a marker carries the last name's key. */
    static Struct list(Call call, PolicyHolder.Kind kind) {
        String name = call.input().string(kind.nameMember());
        PolicyHolder holder = authorize(call, kind, name, false);
        if (holder == null) {
            throw kind.noSuchEntity(name);
        }
        PageRequest request = call.page();
        List<String> following = holder.inlinePolicies().stream().map(InlinePolicy::name)
                .filter(n -> request.after() == null || Names.key(n).compareTo(request.after()) > 0)
                .sorted(Comparator.comparing(Names::key)).toList();
        Page<String> page = request.page(following, Names::key);
        return page.writeTo(call.output().set("PolicyNames", page.items())).build();
    }

    /**
     * Authorizes a call on the holder before telling whether it exists, and returns the holder as the call began, or
     * {@code null}.
     *
     * @param withBoundary whether the action documents {@code iam:PermissionsBoundary} (Put and Delete of users and roles)
     */
    private static PolicyHolder authorize(Call call, PolicyHolder.Kind kind, String name, boolean withBoundary) {
        AccountState account = call.account();
        PolicyHolder holder = kind.find(account, name);
        call.authorize(kind.arn(account.accountId(), holder, name),
                context -> PolicyHolder.describe(call, context, holder, withBoundary));
        return holder;
    }

    private static boolean sameName(InlinePolicy policy, String name) {
        return Names.key(policy.name()).equals(Names.key(name));
    }
}
