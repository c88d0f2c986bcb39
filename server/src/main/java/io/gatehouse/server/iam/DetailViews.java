package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.util.Comparator;
import java.util.List;

/**
 * How GetAccountAuthorizationDetails shows entities ({@code UserDetail}, {@code GroupDetail}, {@code RoleDetail},
 * {@code ManagedPolicyDetail}): each with its policies and relationships. The lists of inline policies, groups and
 * attached policies are always present, empty included, as IAM answers them; the boundary and tags only when set.
 * Documents are given as stored; the protocol URL-encodes them as the model asks.
 *
 * <p>Each method takes a fresh builder: the members a detail carries differ between entities.
 */
final class DetailViews {

    private DetailViews() {}

    static Struct user(Call call, Struct.Builder builder, User user) {
        builder.set("Path", user.path())
                .set("UserName", user.name())
                .set("UserId", user.id())
                .set("Arn", call.arn(Arns.user(call.caller().accountId(), user.path(), user.name())))
                .set("CreateDate", user.created())
                .set("UserPolicyList", inline(builder.child("UserPolicyList"), user.inlinePolicies()))
                .set("GroupList", user.groupNames().stream().sorted(Comparator.comparing(Names::key)).toList())
                .set("AttachedManagedPolicies", IamViews.attachedPolicies(call, builder.child("AttachedManagedPolicies"),
                        user.attachedPolicyArns()));
        boundaryAndTags(call, builder, user.permissionsBoundaryArn(), user.tags());
        return builder.build();
    }

    static Struct group(Call call, Struct.Builder builder, Group group) {
        return builder.set("Path", group.path())
                .set("GroupName", group.name())
                .set("GroupId", group.id())
                .set("Arn", call.arn(Arns.group(call.caller().accountId(), group.path(), group.name())))
                .set("CreateDate", group.created())
                .set("GroupPolicyList", inline(builder.child("GroupPolicyList"), group.inlinePolicies()))
                .set("AttachedManagedPolicies", IamViews.attachedPolicies(call, builder.child("AttachedManagedPolicies"),
                        group.attachedPolicyArns()))
                .build();
    }

    /** A role with its instance profiles (each with its roles, as GetInstanceProfile shows them, without tags). */
    static Struct role(Call call, Struct.Builder builder, AccountState account, Role role) {
        builder.set("Path", role.path())
                .set("RoleName", role.name())
                .set("RoleId", role.id())
                .set("Arn", call.arn(Arns.role(call.caller().accountId(), role.path(), role.name())))
                .set("CreateDate", role.created())
                .set("AssumeRolePolicyDocument", role.trustPolicy())
                .set("InstanceProfileList", account.profilesOf(role.name()).stream().sorted()
                        .map(key -> IamViews.instanceProfile(call, builder.child("InstanceProfileList"), account,
                                account.instanceProfiles().get(key), false))
                        .toList())
                .set("RolePolicyList", inline(builder.child("RolePolicyList"), role.inlinePolicies()))
                .set("AttachedManagedPolicies", IamViews.attachedPolicies(call, builder.child("AttachedManagedPolicies"),
                        role.attachedPolicyArns()));
        boundaryAndTags(call, builder, role.permissionsBoundaryArn(), role.tags());
        return builder.set("RoleLastUsed", IamViews.roleLastUsed(call, builder.child("RoleLastUsed"), role)).build();
    }

    /** A customer managed policy with every version and its document, newest first as ListPolicyVersions lists. */
    static Struct policy(Call call, Struct.Builder builder, AccountState account, ManagedPolicy policy) {
        IamViews.policyFields(call, builder, account, policy).set("Description", policy.description());
        List<Struct> versions = policy.versions().reversed().stream()
                .map(v -> IamViews.policyVersion(builder.child("PolicyVersionList"), v,
                        v.versionId().equals(policy.defaultVersionId()), true))
                .toList();
        return builder.set("PolicyVersionList", versions).build();
    }

    /** An AWS managed policy with its one (default) version and document. */
    static Struct policy(Call call, Struct.Builder builder, AccountState account, io.gatehouse.catalog.ManagedPolicy policy) {
        return IamViews.policyFields(call, builder, account, policy)
                .set("PolicyVersionList", List.of(IamViews.policyVersion(builder.child("PolicyVersionList"), policy, true)))
                .build();
    }

    /** Inline policies as {@code PolicyDetail}s, in name order. */
    private static List<Struct> inline(Struct.Builder builder, List<InlinePolicy> policies) {
        return policies.stream().sorted(Comparator.comparing(p -> Names.key(p.name())))
                .map(p -> builder.set("PolicyName", p.name()).set("PolicyDocument", p.document()).build()).toList();
    }

    private static void boundaryAndTags(Call call, Struct.Builder builder, String boundaryArn,
                                        List<Tag> tags) {
        if (boundaryArn != null) {
            builder.set("PermissionsBoundary", IamViews.boundary(builder.child("PermissionsBoundary"), call, boundaryArn));
        }
        if (!tags.isEmpty()) {
            builder.set("Tags", IamViews.tags(builder.child("Tags"), tags));
        }
    }
}
