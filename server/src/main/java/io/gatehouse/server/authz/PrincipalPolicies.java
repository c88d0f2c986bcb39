package io.gatehouse.server.authz;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.document.PolicyDocument;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.PasswordPolicy;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The policy sets of principals, assembled from the state and cached until their account changes: a request finds
 * its caller's compiled, indexed policies with one map lookup.
 */
public final class PrincipalPolicies {

    /** The name decisions give the account-level grant of AllowUsersToChangePassword. */
    static final String SELF_SERVICE_PASSWORDS = "AccountPasswordPolicy/AllowUsersToChangePassword";

    private final AwsManagedPolicies awsManaged;
    /** The name decisions give a session's inline session policy. */
    static final String INLINE_SESSION_POLICY = "SessionPolicy";
    private static final int MAX_CACHED_SESSION_POLICIES = 10_000;

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompiledPolicy> inlineSessionPolicies = new ConcurrentHashMap<>();

    private record Cached(long accountVersion, AccountState account, PolicySet policies) {}

    public PrincipalPolicies(AwsManagedPolicies awsManaged) {
        this.awsManaged = awsManaged;
    }

    /** The AWS managed policies every account has. */
    public AwsManagedPolicies awsManaged() {
        return awsManaged;
    }

    /**
     * The policies that apply to an IAM user: its own, its groups', and its permissions boundary; and, when the
     * account's password policy allows users to change their own passwords, the grant IAM applies at account level
     * for that ({@link #selfServicePasswords}).
     */
    public PolicySet forUser(AccountState account, User user) {
        return cached(account, "/user/" + Names.key(user.name()), () -> {
            List<CompiledPolicy> identity = new ArrayList<>();
            user.inlinePolicies().forEach(p -> identity.add(p.compiled()));
            attached(account, user.attachedPolicyArns(), identity);
            for (String groupName : user.groupNames()) {
                Group group = account.group(groupName);
                if (group != null) {
                    group.inlinePolicies().forEach((InlinePolicy p) -> identity.add(p.compiled()));
                    attached(account, group.attachedPolicyArns(), identity);
                }
            }
            PasswordPolicy passwordPolicy = account.account().passwordPolicy();
            if (passwordPolicy != null && passwordPolicy.allowUsersToChangePassword()) {
                identity.add(selfServicePasswords(account.accountId(), user));
            }
            return build(account, identity, user.permissionsBoundaryArn());
        });
    }

    /** The policies of an IAM role, which its sessions act with: its own (inline and managed) and its boundary. */
    public PolicySet forRole(AccountState account, Role role) {
        return cached(account, "/role/" + Names.key(role.name()), () -> {
            List<CompiledPolicy> identity = new ArrayList<>();
            role.inlinePolicies().forEach(p -> identity.add(p.compiled()));
            attached(account, role.attachedPolicyArns(), identity);
            return build(account, identity, role.permissionsBoundaryArn());
        });
    }

    /** The set cached under the principal's key while its account is unchanged, else a new one, cached. */
    private PolicySet cached(AccountState account, String principalKey, Supplier<PolicySet> assemble) {
        String key = account.accountId() + principalKey;
        Cached cached = cache.get(key);
        if (cached != null && cached.account == account) {
            return cached.policies;
        }
        PolicySet policies = assemble.get();
        cache.put(key, new Cached(account.version(), account, policies));
        return policies;
    }

    private PolicySet build(AccountState account, List<CompiledPolicy> identity, String boundaryArn) {
        PolicySet.Builder set = PolicySet.builder().identity(identity);
        if (boundaryArn != null) {
            CompiledPolicy boundary = managed(account, boundaryArn);
            // A boundary that cannot be found allows nothing rather than nothing being checked.
            set.permissionsBoundary(List.of(boundary != null ? boundary : allowingNothing(boundaryArn, PolicyType.BOUNDARY)));
        }
        return set.build();
    }

    /**
     * The compiled session policies of a session: its inline policy (compiled once per distinct document and kept, as
     * sessions of one workload pass the same one) and its managed policies of the account. A managed session policy
     * deleted since the session was issued allows nothing, so the session is not widened by its loss.
     */
    public List<CompiledPolicy> sessionPolicies(AccountState account, SessionPolicies policies) {
        if (!policies.present()) {
            return List.of();
        }
        List<CompiledPolicy> compiled = new ArrayList<>(1 + policies.managedArns().size());
        if (policies.inline() != null) {
            compiled.add(inlineSessionPolicy(policies.inline()));
        }
        for (String arn : policies.managedArns()) {
            // The engine evaluates a policy in the role its group gives it: the managed policy compiled for
            // attachments serves as a session policy as it is.
            CompiledPolicy managed = managed(account, arn);
            compiled.add(managed != null ? managed : allowingNothing(arn, PolicyType.SESSION));
        }
        return compiled;
    }

    private CompiledPolicy inlineSessionPolicy(String document) {
        CompiledPolicy known = inlineSessionPolicies.get(document);
        if (known != null) {
            return known;
        }
        if (inlineSessionPolicies.size() >= MAX_CACHED_SESSION_POLICIES) {
            inlineSessionPolicies.clear(); // a crude bound; distinct session policies are few in practice
        }
        CompiledPolicy compiled = EntityCodec.compile(INLINE_SESSION_POLICY, PolicyType.SESSION, document,
                ParseOptions.defaultsFor(PolicyType.SESSION));
        inlineSessionPolicies.put(document, compiled);
        return compiled;
    }

    private static CompiledPolicy allowingNothing(String name, PolicyType type) {
        return CompiledPolicy.compile(name, type, new PolicyDocument("2012-10-17", null, List.of()));
    }

    /**
     * What AllowUsersToChangePassword gives every IAM user of the account without a policy of the account's own
     * (UpdateAccountPasswordPolicy's reference: "permissions to iam:ChangePassword for only their user and to the
     * iam:GetAccountPasswordPolicy action"). It is an identity-based grant like any other: an explicit deny or a
     * permissions boundary still limits it.
     */
    static CompiledPolicy selfServicePasswords(String accountId, User user) {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:ChangePassword\",\"Resource\":\""
                + Arns.user(accountId, user.path(), user.name()) + "\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:GetAccountPasswordPolicy\",\"Resource\":\"*\"}]}";
        return EntityCodec.compile(SELF_SERVICE_PASSWORDS, PolicyType.IDENTITY, document,
                ParseOptions.defaultsFor(PolicyType.IDENTITY));
    }

    private void attached(AccountState account, List<String> arns, List<CompiledPolicy> into) {
        for (String arn : arns) {
            CompiledPolicy policy = managed(account, arn);
            if (policy != null) {
                into.add(policy);
            }
        }
    }

    /** The compiled default version of a managed policy by canonical ARN, or {@code null} when it does not exist. */
    public CompiledPolicy managed(AccountState account, String canonicalArn) {
        if (canonicalArn.startsWith("arn:aws:iam::" + Arns.AWS_ACCOUNT + ":policy/")) {
            return awsManaged.compiled(canonicalArn);
        }
        String name = canonicalArn.substring(canonicalArn.lastIndexOf('/') + 1);
        ManagedPolicy policy = account.policy(name);
        return policy == null ? null : policy.defaultVersion().compiled();
    }
}
