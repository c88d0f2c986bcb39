package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Group;
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
}
