package io.gatehouse.server.iam;

import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.Mutation;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.util.List;
import java.util.Locale;

/**
 * A user, group or role as a holder of policies: what the inline-policy and attachment operations read and change
 * of each, so that each operation is written once for the three kinds.
 */
sealed interface PolicyHolder {

    /** The three kinds of holder, with the names and words IAM uses for each. */
    enum Kind {
        USER("User", "PoliciesPerUser"),
        GROUP("Group", "PoliciesPerGroup"),
        ROLE("Role", "PoliciesPerRole");

        private final String title;
        private final String quotaName;

        Kind(String title, String quotaName) {
            this.title = title;
            this.quotaName = quotaName;
        }

        /** As operation names write it: {@code User} of {@code AttachUserPolicy}. */
        String title() {
            return title;
        }

        /** The request member naming the holder: {@code UserName}, {@code GroupName}, {@code RoleName}. */
        String nameMember() {
            return title + "Name";
        }

        /** The quota IAM names in LimitExceeded for attached policies ({@code PoliciesPerUser}). */
        String quotaName() {
            return quotaName;
        }

        private String word() {
            return title.toLowerCase(Locale.ROOT);
        }

        /** The holder with this name, or {@code null}. */
        PolicyHolder find(AccountState account, String name) {
            return switch (this) {
                case USER -> {
                    User user = account.user(name);
                    yield user == null ? null : new OfUser(user);
                }
                case GROUP -> {
                    Group group = account.group(name);
                    yield group == null ? null : new OfGroup(group);
                }
                case ROLE -> {
                    Role role = account.role(name);
                    yield role == null ? null : new OfRole(role);
                }
            };
        }

        /** The holder with this name, or IAM's NoSuchEntity for it. */
        PolicyHolder require(AccountState account, String name) {
            PolicyHolder holder = find(account, name);
            if (holder == null) {
                throw noSuchEntity(name);
            }
            return holder;
        }

        /** IAM's NoSuchEntity for a holder that does not exist. */
        AwsException noSuchEntity(String name) {
            return AwsError.NO_SUCH_ENTITY.exception("The %s with name %s cannot be found.", word(), name);
        }

        /** The canonical ARN a call on the holder is authorized on: its own, or without a path when it does not exist. */
        String arn(String accountId, PolicyHolder holder, String name) {
            return Arns.iam(accountId, word(), holder == null ? "/" : holder.path(), name);
        }

        /** The aggregate quota of the holder's inline policies. */
        PolicySizeQuota inlineQuota(String name) {
            return switch (this) {
                case USER -> PolicySizeQuota.userInline(name);
                case GROUP -> PolicySizeQuota.groupInline(name);
                case ROLE -> PolicySizeQuota.roleInline(name);
            };
        }

        /** IAM's NoSuchEntity for an inline policy the holder does not have. */
        AwsException noSuchInlinePolicy(String policyName) {
            return AwsError.NO_SUCH_ENTITY.exception("The %s policy with name %s cannot be found.", word(), policyName);
        }
    }

    Kind kind();

    String name();

    String path();

    /** The holder's tags (a group has none). */
    List<Tag> tags();

    /** The holder's permissions boundary, or {@code null} (a group has none). */
    String permissionsBoundaryArn();

    List<InlinePolicy> inlinePolicies();

    List<String> attachedPolicyArns();

    /** This holder with other attached policies. */
    PolicyHolder withAttached(List<String> arns);

    /** This holder with other inline policies. */
    PolicyHolder withInline(List<InlinePolicy> policies);

    /** Writes the holder as it now is. */
    void store(Mutation mutation, String accountId);

    /** Whether only AWS may change the holder's policies (a service-linked role). */
    default boolean isProtected() {
        return false;
    }

    /**
     * Refuses a change to a holder only AWS may change, as IAM refuses it ({@code UnmodifiableEntity}).
     */
    default void requireModifiable() {
        if (isProtected()) {
            throw AwsError.UNMODIFIABLE_ENTITY.exception(
                    "Cannot perform the operation on the protected role '%s' - this role is only modifiable by AWS", name());
        }
    }

    /**
     * Adds what the request context holds about the target holder: its tags ({@code aws:ResourceTag/*}) and, for the
     * actions that document it, its permissions boundary ({@code iam:PermissionsBoundary}).
     *
     * @param holder the holder, or {@code null} when it does not exist
     */
    static void describe(Call call, ContextBuilder context, PolicyHolder holder, boolean withBoundary) {
        if (holder == null) {
            return;
        }
        context.resourceTags(holder.tags());
        if (withBoundary && holder.permissionsBoundaryArn() != null) {
            context.put("iam:PermissionsBoundary",
                    ContextValue.single(ContextType.ARN, call.arn(holder.permissionsBoundaryArn())));
        }
    }

    record OfUser(User user) implements PolicyHolder {
        public Kind kind() {
            return Kind.USER;
        }

        public String name() {
            return user.name();
        }

        public String path() {
            return user.path();
        }

        public List<Tag> tags() {
            return user.tags();
        }

        public String permissionsBoundaryArn() {
            return user.permissionsBoundaryArn();
        }

        public List<InlinePolicy> inlinePolicies() {
            return user.inlinePolicies();
        }

        public List<String> attachedPolicyArns() {
            return user.attachedPolicyArns();
        }

        public PolicyHolder withAttached(List<String> arns) {
            return new OfUser(new User(user.name(), user.id(), user.path(), user.created(), user.permissionsBoundaryArn(),
                    user.tags(), user.inlinePolicies(), arns, user.groupNames(), user.passwordLastUsed()));
        }

        public PolicyHolder withInline(List<InlinePolicy> policies) {
            return new OfUser(new User(user.name(), user.id(), user.path(), user.created(), user.permissionsBoundaryArn(),
                    user.tags(), policies, user.attachedPolicyArns(), user.groupNames(), user.passwordLastUsed()));
        }

        public void store(Mutation mutation, String accountId) {
            mutation.putUser(accountId, user);
        }
    }

    record OfGroup(Group group) implements PolicyHolder {
        public Kind kind() {
            return Kind.GROUP;
        }

        public String name() {
            return group.name();
        }

        public String path() {
            return group.path();
        }

        public List<Tag> tags() {
            return List.of();
        }

        public String permissionsBoundaryArn() {
            return null;
        }

        public List<InlinePolicy> inlinePolicies() {
            return group.inlinePolicies();
        }

        public List<String> attachedPolicyArns() {
            return group.attachedPolicyArns();
        }

        public PolicyHolder withAttached(List<String> arns) {
            return new OfGroup(new Group(group.name(), group.id(), group.path(), group.created(), group.inlinePolicies(), arns));
        }

        public PolicyHolder withInline(List<InlinePolicy> policies) {
            return new OfGroup(new Group(group.name(), group.id(), group.path(), group.created(), policies,
                    group.attachedPolicyArns()));
        }

        public void store(Mutation mutation, String accountId) {
            mutation.putGroup(accountId, group);
        }
    }

    record OfRole(Role role) implements PolicyHolder {
        public Kind kind() {
            return Kind.ROLE;
        }

        public String name() {
            return role.name();
        }

        public String path() {
            return role.path();
        }

        public List<Tag> tags() {
            return role.tags();
        }

        public String permissionsBoundaryArn() {
            return role.permissionsBoundaryArn();
        }

        public List<InlinePolicy> inlinePolicies() {
            return role.inlinePolicies();
        }

        public List<String> attachedPolicyArns() {
            return role.attachedPolicyArns();
        }

        @Override
        public boolean isProtected() {
            return role.isServiceLinked();
        }

        public PolicyHolder withAttached(List<String> arns) {
            return new OfRole(new Role(role.name(), role.id(), role.path(), role.created(), role.trustPolicy(),
                    role.trustCode(), role.description(), role.maxSessionDuration(),
                    role.permissionsBoundaryArn(), role.tags(), role.inlinePolicies(), arns, role.lastUsed()));
        }

        public PolicyHolder withInline(List<InlinePolicy> policies) {
            return new OfRole(new Role(role.name(), role.id(), role.path(), role.created(), role.trustPolicy(),
                    role.trustCode(), role.description(), role.maxSessionDuration(),
                    role.permissionsBoundaryArn(), role.tags(), policies, role.attachedPolicyArns(), role.lastUsed()));
        }

        public void store(Mutation mutation, String accountId) {
            mutation.putRole(accountId, role);
        }
    }
}
