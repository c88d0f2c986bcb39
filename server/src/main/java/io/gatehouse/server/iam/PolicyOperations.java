package io.gatehouse.server.iam;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.PolicyVersion;
import io.gatehouse.server.state.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Managed policies: CreatePolicy, GetPolicy, DeletePolicy, ListPolicies, the version operations (CreatePolicyVersion,
 * GetPolicyVersion, DeletePolicyVersion, ListPolicyVersions, SetDefaultPolicyVersion) and policy tags (TagPolicy,
 * UntagPolicy, ListPolicyTags).
 *
 * <p>Customer managed policies live in the account state; AWS managed policies ({@code arn:aws:iam::aws:policy/…})
 * come from the catalog, exist in every account with that account's attachment counts, and cannot be changed: IAM
 * refuses changes to policies outside the caller's account with {@code AccessDenied}.
 */
final class PolicyOperations {

    /** IAM's quota of versions per managed policy. */
    static final int MAX_VERSIONS = 5;
    /** IAM's default quota of customer managed policies per account. */
    static final int MAX_POLICIES = 1500;

    private PolicyOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreatePolicy", PolicyOperations::createPolicy);
        handlers.put("GetPolicy", PolicyOperations::getPolicy);
        handlers.put("DeletePolicy", PolicyOperations::deletePolicy);
        handlers.put("ListPolicies", PolicyOperations::listPolicies);
        handlers.put("CreatePolicyVersion", PolicyOperations::createPolicyVersion);
        handlers.put("GetPolicyVersion", PolicyOperations::getPolicyVersion);
        handlers.put("DeletePolicyVersion", PolicyOperations::deletePolicyVersion);
        handlers.put("ListPolicyVersions", PolicyOperations::listPolicyVersions);
        handlers.put("SetDefaultPolicyVersion", PolicyOperations::setDefaultPolicyVersion);
        handlers.put("TagPolicy", PolicyOperations::tagPolicy);
        handlers.put("UntagPolicy", PolicyOperations::untagPolicy);
        handlers.put("ListPolicyTags", PolicyOperations::listPolicyTags);
    }

    static Struct createPolicy(Call call) {
        Struct in = call.input();
        String name = in.string("PolicyName");
        String path = in.has("Path") ? in.string("Path") : "/";
        String document = in.string("PolicyDocument");
        List<Tag> tags = Tags.fromRequest(in.structs("Tags"));
        String accountId = call.caller().accountId();
        call.authorize(Arns.policy(accountId, path, name), context -> {
            if (!tags.isEmpty()) {
                context.requestTags(tags);
            }
        });
        CompiledPolicy compiled = PolicyDocuments.compile(name, document, ParseOptions.managedPolicy());
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.policy(name) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception(
                        "A policy called %s already exists. Duplicate names are not allowed.", name);
            }
            if (account.policies().size() >= MAX_POLICIES) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for PoliciesPerAccount: %d", MAX_POLICIES);
            }
            Instant now = call.services().clock().instant();
            ManagedPolicy policy = new ManagedPolicy(name, call.services().ids().policyId(), path, in.string("Description"),
                    now, now, "v1", List.of(new PolicyVersion("v1", document, compiled, now)), 2, tags);
            mutation.putPolicy(accountId, policy);
            Struct.Builder out = call.output();
            return out.set("Policy", IamViews.policy(call, out.child("Policy"), mutation.account(accountId), policy, true))
                    .build();
        });
    }

    static Struct getPolicy(Call call) {
        String sent = call.input().string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        AccountState account = call.account();
        Struct.Builder out = call.output();
        if (PolicyArns.isAwsManaged(arn)) {
            call.authorize(arn, context -> {});
            var policy = call.services().policies().awsManaged().byArn(arn).orElseThrow(() -> notFound(sent));
            return out.set("Policy", IamViews.policy(call, out.child("Policy"), account, policy)).build();
        }
        ManagedPolicy policy = authorizeCustomer(call, arn);
        if (policy == null) {
            throw notFound(sent);
        }
        return out.set("Policy", IamViews.policy(call, out.child("Policy"), account, policy, true)).build();
    }

    static Struct deletePolicy(Call call) {
        String sent = call.input().string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        authorizeCustomer(call, arn);
        requireOwn(call, arn, "Cannot delete policies outside your own account.");
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            ManagedPolicy policy = existing(account, arn, sent);
            if (!account.attachedTo(arn).isEmpty() || !account.boundedBy(arn).isEmpty()) {
                throw AwsError.DELETE_CONFLICT.exception("Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw AwsError.DELETE_CONFLICT.exception("This policy has more than one version. Before you delete a "
                        + "policy, you must delete the policy's versions. The default version is deleted with the policy.");
            }
            mutation.removePolicy(accountId, policy.name());
            return call.noOutput();
        });
    }

    /** One policy of a listing: a customer managed policy or an AWS managed one, at its listing position. */
    private record Listed(String position, ManagedPolicy customer, io.gatehouse.catalog.ManagedPolicy aws) {}

    /**
     * ListPolicies. The account's own policies come first, then AWS's, each in name order; a marker's position says
     * which part and which name it stopped at ({@code L}key or {@code A}name), so a page costs O(page) when no
     * filter skips entities.
     */
    static Struct listPolicies(Call call) {
        Struct in = call.input();
        String scope = in.has("Scope") ? in.string("Scope") : "All";
        boolean onlyAttached = Boolean.TRUE.equals(in.bool("OnlyAttached"));
        String prefix = in.has("PathPrefix") ? in.string("PathPrefix") : "/";
        boolean boundaries = "PermissionsBoundary".equals(in.string("PolicyUsageFilter"));
        call.authorize("*", context -> {});
        PageRequest request = call.page();
        AccountState account = call.account();
        String after = request.after();
        int wanted = request.maxItems() + 1;
        List<Listed> following = new ArrayList<>();
        if (!scope.equals("AWS") && (after == null || after.startsWith("L"))) {
            SortedMap<String, ManagedPolicy> local = after == null ? account.policies()
                    : account.policies().tailMap(after.substring(1), false);
            for (ManagedPolicy policy : local.values()) {
                if (following.size() == wanted) {
                    break;
                }
                String arn = Arns.policy(account.accountId(), policy.path(), policy.name());
                if (policy.path().startsWith(prefix) && inUse(account, arn, onlyAttached, boundaries)) {
                    following.add(new Listed("L" + Names.key(policy.name()), policy, null));
                }
            }
        }
        if (!scope.equals("Local") && following.size() < wanted) {
            var all = call.services().policies().awsManaged().byName();
            var aws = after == null || after.startsWith("L") ? all : all.tailMap(after.substring(1), false);
            for (var policy : aws.values()) {
                if (following.size() == wanted) {
                    break;
                }
                if (policy.path().startsWith(prefix) && inUse(account, policy.arn(), onlyAttached, boundaries)) {
                    following.add(new Listed("A" + policy.name(), null, policy));
                }
            }
        }
        Page<Listed> page = request.page(following, Listed::position);
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("Policies");
        out.set("Policies", page.items().stream().map(p -> p.customer() != null
                ? IamViews.policy(call, element, account, p.customer(), false)
                : IamViews.policy(call, element, account, p.aws())).toList());
        return page.writeTo(out).build();
    }

    /**
     * Whether a listing with {@code OnlyAttached} keeps a policy: one attached to a user, group or role as a
     * permissions policy, or, with {@code PolicyUsageFilter=PermissionsBoundary}, one used as a permissions boundary.
     */
    private static boolean inUse(AccountState account, String arn, boolean onlyAttached, boolean boundaries) {
        if (!onlyAttached) {
            return true;
        }
        return boundaries ? !account.boundedBy(arn).isEmpty() : !account.attachedTo(arn).isEmpty();
    }

    static Struct createPolicyVersion(Call call) {
        Struct in = call.input();
        String sent = in.string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        boolean setAsDefault = Boolean.TRUE.equals(in.bool("SetAsDefault"));
        authorizeCustomer(call, arn);
        requireOwn(call, arn, "Cannot create versions for policies outside your own account.");
        String accountId = call.caller().accountId();
        String document = in.string("PolicyDocument");
        CompiledPolicy compiled = PolicyDocuments.compile(PolicyArns.name(arn), document, ParseOptions.managedPolicy());
        return call.write(mutation -> {
            ManagedPolicy policy = existing(mutation.account(accountId), arn, sent);
            if (policy.versions().size() >= MAX_VERSIONS) {
                throw AwsError.LIMIT_EXCEEDED.exception("A managed policy can have up to %d versions. Before you create "
                        + "a new version, you must delete an existing version.", MAX_VERSIONS);
            }
            Instant now = call.services().clock().instant();
            PolicyVersion version = new PolicyVersion("v" + policy.nextVersion(), document, compiled, now);
            List<PolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.add(version);
            mutation.putPolicy(accountId, new ManagedPolicy(policy.name(), policy.id(), policy.path(), policy.description(),
                    policy.created(), now,
                    setAsDefault ? version.versionId() : policy.defaultVersionId(), versions, policy.nextVersion() + 1,
                    policy.tags()));
            Struct.Builder out = call.output();
            return out.set("PolicyVersion", IamViews.policyVersion(out.child("PolicyVersion"), version, setAsDefault, false))
                    .build();
        });
    }

    static Struct getPolicyVersion(Call call) {
        String sent = call.input().string("PolicyArn");
        String versionId = call.input().string("VersionId");
        String arn = PolicyArns.named(call, sent);
        Struct.Builder out = call.output();
        Struct.Builder view = out.child("PolicyVersion");
        if (PolicyArns.isAwsManaged(arn)) {
            call.authorize(arn, context -> {});
            var policy = call.services().policies().awsManaged().byArn(arn).orElseThrow(() -> notFound(sent));
            if (!policy.defaultVersionId().equals(versionId)) {
                throw noSuchVersion(sent, versionId);
            }
            return out.set("PolicyVersion", IamViews.policyVersion(view, policy, true)).build();
        }
        ManagedPolicy policy = authorizeCustomer(call, arn);
        if (policy == null) {
            throw notFound(sent);
        }
        PolicyVersion version = policy.version(versionId);
        if (version == null) {
            throw noSuchVersion(sent, versionId);
        }
        return out.set("PolicyVersion", IamViews.policyVersion(view, version,
                version.versionId().equals(policy.defaultVersionId()), true)).build();
    }

    static Struct deletePolicyVersion(Call call) {
        String sent = call.input().string("PolicyArn");
        String versionId = call.input().string("VersionId");
        String arn = PolicyArns.named(call, sent);
        authorizeCustomer(call, arn);
        requireOwn(call, arn, "Cannot delete policy versions for policies outside your own account.");
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            ManagedPolicy policy = existing(mutation.account(accountId), arn, sent);
            if (policy.version(versionId) == null) {
                throw noSuchVersion(sent, versionId);
            }
            if (versionId.equals(policy.defaultVersionId())) {
                throw AwsError.DELETE_CONFLICT.exception("Cannot delete the default version of a policy.");
            }
            List<PolicyVersion> versions = policy.versions().stream().filter(v -> !v.versionId().equals(versionId)).toList();
            mutation.putPolicy(accountId, new ManagedPolicy(policy.name(), policy.id(), policy.path(), policy.description(),
                    policy.created(), policy.updated(), policy.defaultVersionId(), versions, policy.nextVersion(),
                    policy.tags()));
            return call.noOutput();
        });
    }

    /** ListPolicyVersions: newest first, as IAM lists them; a marker carries the last version id of its page. */
    static Struct listPolicyVersions(Call call) {
        String sent = call.input().string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        PageRequest request = call.page();
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("Versions");
        if (PolicyArns.isAwsManaged(arn)) {
            call.authorize(arn, context -> {});
            var policy = call.services().policies().awsManaged().byArn(arn).orElseThrow(() -> notFound(sent));
            Struct only = IamViews.policyVersion(element, policy, false);
            Page<Struct> page = request.page(request.after() == null ? List.of(only) : List.of(), v -> "");
            return page.writeTo(out.set("Versions", page.items())).build();
        }
        ManagedPolicy policy = authorizeCustomer(call, arn);
        if (policy == null) {
            throw notFound(sent);
        }
        int before = request.after() == null ? Integer.MAX_VALUE : number(request.after());
        List<PolicyVersion> following = policy.versions().stream().filter(v -> number(v.versionId()) < before)
                .sorted(Comparator.comparingInt((PolicyVersion v) -> number(v.versionId())).reversed()).toList();
        Page<PolicyVersion> page = request.page(following, PolicyVersion::versionId);
        out.set("Versions", page.items().stream().map(v -> IamViews.policyVersion(element, v,
                v.versionId().equals(policy.defaultVersionId()), false)).toList());
        return page.writeTo(out).build();
    }

    /** The number of a version id ({@code 3} of {@code v3}); 0 for anything else. */
    private static int number(String versionId) {
        try {
            return Integer.parseInt(versionId.substring(1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return 0;
        }
    }

    static Struct setDefaultPolicyVersion(Call call) {
        String sent = call.input().string("PolicyArn");
        String versionId = call.input().string("VersionId");
        String arn = PolicyArns.named(call, sent);
        authorizeCustomer(call, arn);
        requireOwn(call, arn, "Cannot update policies outside your own account.");
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            ManagedPolicy policy = existing(mutation.account(accountId), arn, sent);
            if (policy.version(versionId) == null) {
                throw noSuchVersion(sent, versionId);
            }
            if (!versionId.equals(policy.defaultVersionId())) {
                mutation.putPolicy(accountId, new ManagedPolicy(policy.name(), policy.id(), policy.path(),
                        policy.description(), policy.created(), policy.updated(), versionId, policy.versions(),
                        policy.nextVersion(), policy.tags()));
            }
            return call.noOutput();
        });
    }

    static Struct tagPolicy(Call call) {
        String sent = call.input().string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        List<Tag> tags = Tags.fromRequest(call.input().structs("Tags"));
        ManagedPolicy current = PolicyArns.customer(call.account(), arn);
        call.authorize(arn, context -> {
            if (current != null) {
                context.resourceTags(current.tags());
            }
            context.requestTags(tags);
        });
        requireOwn(call, arn, "Cannot tag policies outside your own account.");
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            ManagedPolicy policy = existing(mutation.account(accountId), arn, sent);
            mutation.putPolicy(accountId, withTags(policy, Tags.merge(policy.tags(), tags)));
            return call.noOutput();
        });
    }

    static Struct untagPolicy(Call call) {
        String sent = call.input().string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        List<String> keys = call.input().strings("TagKeys");
        ManagedPolicy current = PolicyArns.customer(call.account(), arn);
        call.authorize(arn, context -> {
            if (current != null) {
                context.resourceTags(current.tags());
            }
            context.tagKeys(keys);
        });
        requireOwn(call, arn, "Cannot untag policies outside your own account.");
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            ManagedPolicy policy = existing(mutation.account(accountId), arn, sent);
            mutation.putPolicy(accountId, withTags(policy, Tags.remove(policy.tags(), keys)));
            return call.noOutput();
        });
    }

    /** ListPolicyTags: tags in the order they were added; a marker carries the index its page ended at. */
    static Struct listPolicyTags(Call call) {
        String sent = call.input().string("PolicyArn");
        String arn = PolicyArns.named(call, sent);
        PageRequest request = call.page();
        List<Tag> tags;
        if (PolicyArns.isAwsManaged(arn)) {
            call.authorize(arn, context -> {});
            call.services().policies().awsManaged().byArn(arn).orElseThrow(() -> notFound(sent));
            tags = List.of();
        } else {
            ManagedPolicy policy = authorizeCustomer(call, arn);
            if (policy == null) {
                throw notFound(sent);
            }
            tags = policy.tags();
        }
        int start = request.after() == null ? 0 : Math.min(tags.size(), index(request.after()) + 1);
        List<Integer> following = new ArrayList<>();
        for (int i = start; i < tags.size(); i++) {
            following.add(i);
        }
        Page<Integer> page = request.page(following, String::valueOf);
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("Tags");
        out.set("Tags", IamViews.tags(element, page.items().stream().map(tags::get).toList()));
        return page.writeTo(out).build();
    }

    /** The index a marker of an index-positioned listing carries. */
    static int index(String position) {
        try {
            return Math.max(-1, Integer.parseInt(position));
        } catch (NumberFormatException e) {
            throw AwsError.VALIDATION_ERROR.exception("Invalid Marker.");
        }
    }

    private static ManagedPolicy withTags(ManagedPolicy policy, List<Tag> tags) {
        return new ManagedPolicy(policy.name(), policy.id(), policy.path(), policy.description(), policy.created(),
                policy.updated(), policy.defaultVersionId(), policy.versions(), policy.nextVersion(), tags);
    }

    /**
     * Authorizes the call on a customer managed policy (with its tags as {@code aws:ResourceTag/*} when it exists)
     * before telling whether it exists, and returns it as the call began, or {@code null}.
     */
    private static ManagedPolicy authorizeCustomer(Call call, String arn) {
        ManagedPolicy policy = PolicyArns.customer(call.account(), arn);
        call.authorize(arn, context -> {
            if (policy != null) {
                context.resourceTags(policy.tags());
            }
        });
        return policy;
    }

    /** Refuses a change to a policy outside the caller's account (AWS managed policies among them). */
    private static void requireOwn(Call call, String arn, String refusal) {
        if (!arn.startsWith("arn:aws:iam::" + call.caller().accountId() + ":policy/")) {
            throw AwsError.ACCESS_DENIED.exception(refusal);
        }
    }

    /** The customer managed policy a change is about, as the change sees the account. */
    private static ManagedPolicy existing(AccountState account, String arn, String sent) {
        ManagedPolicy policy = PolicyArns.customer(account, arn);
        if (policy == null) {
            throw notFound(sent);
        }
        return policy;
    }

    static AwsException notFound(String arn) {
        return AwsError.NO_SUCH_ENTITY.exception("Policy %s was not found.", arn);
    }

    private static AwsException noSuchVersion(String arn, String versionId) {
        return AwsError.NO_SUCH_ENTITY.exception("Policy %s version %s does not exist or is not attachable.", arn, versionId);
    }
}
