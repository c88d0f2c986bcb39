package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.AwsManagedPolicies;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.PolicyVersion;
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

    static Struct boundary(Struct.Builder builder, Call call, String canonicalArn) {
        return builder.set("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                .set("PermissionsBoundaryArn", call.arn(canonicalArn)).build();
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
        String arn = Arns.policy(account.accountId(), policy.path(), policy.name());
        builder.set("PolicyName", policy.name())
                .set("PolicyId", policy.id())
                .set("Arn", call.arn(arn))
                .set("Path", policy.path())
                .set("DefaultVersionId", policy.defaultVersionId())
                .set("AttachmentCount", account.attachedTo(arn).size())
                .set("PermissionsBoundaryUsageCount", account.boundedBy(arn).size())
                .set("IsAttachable", true);
        if (full && policy.description() != null) {
            builder.set("Description", policy.description());
        }
        builder.set("CreateDate", policy.created()).set("UpdateDate", policy.updated());
        if (full && !policy.tags().isEmpty()) {
            builder.set("Tags", tags(builder.child("Tags"), policy.tags()));
        }
        return builder.build();
    }

    /** An AWS managed policy as {@code Policy}, with the attachment counts of {@code account}. */
    static Struct policy(Call call, Struct.Builder builder, AccountState account, io.gatehouse.catalog.ManagedPolicy policy) {
        return builder.set("PolicyName", policy.name())
                .set("PolicyId", AwsManagedPolicies.id(policy))
                .set("Arn", call.arn(policy.arn()))
                .set("Path", policy.path())
                .set("DefaultVersionId", policy.defaultVersionId())
                .set("AttachmentCount", account.attachedTo(policy.arn()).size())
                .set("PermissionsBoundaryUsageCount", account.boundedBy(policy.arn()).size())
                .set("IsAttachable", AwsManagedPolicies.isAttachable(policy))
                .set("CreateDate", policy.createDate())
                .set("UpdateDate", policy.updateDate())
                .build();
    }

    /**
     * A policy version as {@code PolicyVersion}; the document only where IAM returns it (GetPolicyVersion), and the
     * protocol URL-encodes it.
     */
    static Struct policyVersion(Struct.Builder builder, PolicyVersion version, boolean isDefault, boolean withDocument) {
        if (withDocument) {
            builder.set("Document", version.document());
        }
        return builder.set("VersionId", version.versionId()).set("IsDefaultVersion", isDefault)
                .set("CreateDate", version.created()).build();
    }
}
