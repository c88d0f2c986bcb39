package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.RoleUsage;
import io.gatehouse.server.authz.AwsManagedPolicies;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.InstanceProfile;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.PolicyVersion;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.util.List;

/** How IAM entities appear in responses. */
final class IamViews {

    private IamViews() {}

    /**
     * A user as {@code User}. Listings leave out the permissions boundary and tags, as IAM's listing operations do.
     *
     * @param builder a builder for the {@code User} shape
     */
    static Struct user(Call call, Struct.Builder builder, User user, boolean full) {
        String accountId = call.caller().accountId();
        builder.set("Path", user.path())
                .set("UserName", user.name())
                .set("UserId", user.id())
                .set("Arn", call.arn(Arns.user(accountId, user.path(), user.name())))
                .set("CreateDate", user.created());
        if (user.passwordLastUsed() != null) {
            builder.set("PasswordLastUsed", user.passwordLastUsed());
        }
        if (full && user.permissionsBoundaryArn() != null) {
            builder.set("PermissionsBoundary", boundary(builder.child("PermissionsBoundary"), call, user.permissionsBoundaryArn()));
        }
        if (full && !user.tags().isEmpty()) {
            builder.set("Tags", tags(builder.child("Tags"), user.tags()));
        }
        return builder.build();
    }

    /**
     * A group as {@code Group}.
     *
     * @param builder a builder for the {@code Group} shape
     */
    static Struct group(Call call, Struct.Builder builder, Group group) {
        return builder.set("Path", group.path())
                .set("GroupName", group.name())
                .set("GroupId", group.id())
                .set("Arn", call.arn(Arns.group(call.caller().accountId(), group.path(), group.name())))
                .set("CreateDate", group.created())
                .build();
    }

    /**
     * A permissions boundary as {@code AttachedPermissionsBoundary}. IAM answers the type {@code Policy}, not the
     * model's enum value {@code PermissionsBoundaryPolicy} (aws CLI reference examples, recorded IAM responses).
     */
    static Struct boundary(Struct.Builder builder, Call call, String canonicalArn) {
        return builder.set("PermissionsBoundaryType", "Policy")
                .set("PermissionsBoundaryArn", call.arn(canonicalArn)).build();
    }

    /** Which members of a role a response carries: each operation answers with its own selection, as IAM does. */
    enum RoleView {
        /** CreateRole: no description or session duration; the boundary and tags it was created with. */
        CREATED,
        /** GetRole: everything, with {@code RoleLastUsed} always present (empty until the role is used). */
        FULL,
        /** ListRoles: description and session duration, without boundary, tags or last use. */
        LISTED,
        /** UpdateRoleDescription: the description, nothing else beyond the identity and trust policy. */
        DESCRIBED,
        /** The roles of an instance profile, and CreateServiceLinkedRole: identity and trust policy only. */
        BASIC
    }

    /**
     * A role as {@code Role}. The trust policy is the document as stored; the protocol URL-encodes it.
     *
     * @param builder a fresh builder for the {@code Role} shape
     */
    static Struct role(Call call, Struct.Builder builder, Role role, RoleView view) {
        return role(call, builder, role, role.trustPolicy(), view);
    }

    /** {@link #role(Call, Struct.Builder, Role, RoleView)} showing {@code trustPolicy} as its trust policy. */
    static Struct role(Call call, Struct.Builder builder, Role role, String trustPolicy, RoleView view) {
        builder.set("Path", role.path())
                .set("RoleName", role.name())
                .set("RoleId", role.id())
                .set("Arn", call.arn(Arns.role(call.caller().accountId(), role.path(), role.name())))
                .set("CreateDate", role.created())
                .set("AssumeRolePolicyDocument", trustPolicy);
        boolean described = view == RoleView.FULL || view == RoleView.LISTED || view == RoleView.DESCRIBED;
        if (described && role.description() != null) {
            builder.set("Description", role.description());
        }
        if (view == RoleView.FULL || view == RoleView.LISTED) {
            builder.set("MaxSessionDuration", role.maxSessionDuration());
        }
        boolean owned = view == RoleView.FULL || view == RoleView.CREATED;
        if (owned && role.permissionsBoundaryArn() != null) {
            builder.set("PermissionsBoundary",
                    boundary(builder.child("PermissionsBoundary"), call, role.permissionsBoundaryArn()));
        }
        if (owned && !role.tags().isEmpty()) {
            builder.set("Tags", tags(builder.child("Tags"), role.tags()));
        }
        if (view == RoleView.FULL) {
            builder.set("RoleLastUsed", roleLastUsed(call, builder.child("RoleLastUsed"), role));
        }
        return builder.build();
    }

    /**
     * A role's last use as {@code RoleLastUsed} ({@link RoleUsage}): empty until the role is
     * used, and again once its last use is more than the tracked 400 days old.
     */
    static Struct roleLastUsed(Call call, Struct.Builder builder, Role role) {
        if (role.lastUsed() != null
                && role.lastUsed().date().isAfter(call.facts().time().minus(RoleUsage.TRACKED))) {
            builder.set("LastUsedDate", role.lastUsed().date()).set("Region", role.lastUsed().region());
        }
        return builder.build();
    }

    /**
     * An instance profile as {@code InstanceProfile}, with its roles. GetInstanceProfile answers its tags, an empty
     * list included; CreateInstanceProfile the tags it was created with; the listings none.
     *
     * @param builder  a fresh builder for the {@code InstanceProfile} shape
     * @param withTags whether to answer the tags ({@code GetInstanceProfile}); CreateInstanceProfile passes
     *                 {@code !tags.isEmpty()}
     */
    static Struct instanceProfile(Call call, Struct.Builder builder, AccountState account, InstanceProfile profile,
                                  boolean withTags) {
        builder.set("Path", profile.path())
                .set("InstanceProfileName", profile.name())
                .set("InstanceProfileId", profile.id())
                .set("Arn", call.arn(Arns.instanceProfile(call.caller().accountId(), profile.path(), profile.name())))
                .set("CreateDate", profile.created())
                .set("Roles", profile.roleNames().stream()
                        .map(name -> role(call, builder.child("Roles"), account.role(name), RoleView.BASIC))
                        .toList());
        if (withTags) {
            builder.set("Tags", tags(builder.child("Tags"), profile.tags()));
        }
        return builder.build();
    }

    /**
     * Managed policies as a list of {@code AttachedPolicy}, in the order given.
     *
     * @param builder      a builder for one {@code AttachedPolicy}
     * @param canonicalArns the policies' canonical ARNs
     */
    static List<Struct> attachedPolicies(Call call, Struct.Builder builder, List<String> canonicalArns) {
        return canonicalArns.stream().map(arn -> builder.set("PolicyName", PolicyArns.name(arn))
                .set("PolicyArn", call.arn(arn)).build()).toList();
    }

    /** Tags as a list of {@code Tag} structures; {@code builder} builds one {@code Tag}. */
    static List<Struct> tags(Struct.Builder builder, List<Tag> tags) {
        return tags.stream().map(t -> builder.set("Key", t.key()).set("Value", t.value()).build()).toList();
    }

    /**
     * A customer managed policy as {@code Policy}, with its attachment counts in {@code account}. Listings leave out
     * the description and tags, as ListPolicies does.
     *
     * @param builder a builder for the {@code Policy} shape
     */
    static Struct policy(Call call, Struct.Builder builder, AccountState account, ManagedPolicy policy, boolean full) {
        policyFields(call, builder, account, policy);
        if (full && policy.description() != null) {
            builder.set("Description", policy.description());
        }
        if (full && !policy.tags().isEmpty()) {
            builder.set("Tags", tags(builder.child("Tags"), policy.tags()));
        }
        return builder.build();
    }

    /**
     * Sets what every view of a customer managed policy shows (names, ids, counts in {@code account}, dates) and
     * leaves the builder open for what a view adds.
     */
    static Struct.Builder policyFields(Call call, Struct.Builder builder, AccountState account, ManagedPolicy policy) {
        String arn = Arns.policy(account.accountId(), policy.path(), policy.name());
        return builder.set("PolicyName", policy.name())
                .set("PolicyId", policy.id())
                .set("Arn", call.arn(arn))
                .set("Path", policy.path())
                .set("DefaultVersionId", policy.defaultVersionId())
                .set("AttachmentCount", account.attachedTo(arn).size())
                .set("PermissionsBoundaryUsageCount", account.boundedBy(arn).size())
                .set("IsAttachable", true)
                .set("CreateDate", policy.created())
                .set("UpdateDate", policy.updated());
    }

    /** An AWS managed policy as {@code Policy}, with the attachment counts of {@code account}. */
    static Struct policy(Call call, Struct.Builder builder, AccountState account, io.gatehouse.catalog.ManagedPolicy policy) {
        return policyFields(call, builder, account, policy).build();
    }

    /** Sets what every view of an AWS managed policy shows, and leaves the builder open for what a view adds. */
    static Struct.Builder policyFields(Call call, Struct.Builder builder, AccountState account,
                                       io.gatehouse.catalog.ManagedPolicy policy) {
        return builder.set("PolicyName", policy.name())
                .set("PolicyId", AwsManagedPolicies.id(policy))
                .set("Arn", call.arn(policy.arn()))
                .set("Path", policy.path())
                .set("DefaultVersionId", policy.defaultVersionId())
                .set("AttachmentCount", account.attachedTo(policy.arn()).size())
                .set("PermissionsBoundaryUsageCount", account.boundedBy(policy.arn()).size())
                .set("IsAttachable", AwsManagedPolicies.isAttachable(policy))
                .set("CreateDate", policy.createDate())
                .set("UpdateDate", policy.updateDate());
    }

    /**
     * The default version of an AWS managed policy as {@code PolicyVersion}, the only version the catalog holds; it
     * was created when AWS last updated the policy. The document only where IAM returns it.
     */
    static Struct policyVersion(Struct.Builder builder, io.gatehouse.catalog.ManagedPolicy policy, boolean withDocument) {
        if (withDocument) {
            builder.set("Document", policy.document());
        }
        return builder.set("VersionId", policy.defaultVersionId()).set("IsDefaultVersion", true)
                .set("CreateDate", policy.updateDate()).build();
    }

    /**
     * A policy version as {@code PolicyVersion}; the document only where IAM returns it (GetPolicyVersion,
     * GetAccountAuthorizationDetails), and the protocol URL-encodes it.
     */
    static Struct policyVersion(Struct.Builder builder, PolicyVersion version, boolean isDefault, boolean withDocument) {
        if (withDocument) {
            builder.set("Document", version.document());
        }
        return builder.set("VersionId", version.versionId()).set("IsDefaultVersion", isDefault)
                .set("CreateDate", version.created()).build();
    }
}
