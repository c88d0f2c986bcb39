package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** IAM users: CreateUser, GetUser, ListUsers, DeleteUser. */
final class UserOperations {

    /** IAM's default quota of users per account. */
    static final int MAX_USERS = 5000;

    private UserOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateUser", UserOperations::createUser);
        handlers.put("GetUser", UserOperations::getUser);
        handlers.put("ListUsers", UserOperations::listUsers);
        handlers.put("DeleteUser", UserOperations::deleteUser);
    }

    static Struct createUser(Call call) {
        Struct in = call.input();
        String name = in.string("UserName");
        String path = in.has("Path") ? in.string("Path") : "/";
        List<Tag> tags = Tags.fromRequest(in.structs("Tags"));
        String accountId = call.caller().accountId();
        call.authorize(Arns.user(accountId, path, name), context -> {
            if (!tags.isEmpty()) {
                context.requestTags(tags);
            }
        });
        if (tags.size() > Tags.MAX_TAGS) {
            throw AwsError.LIMIT_EXCEEDED.exception("The number of tags has reached the maximum limit.");
        }
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.user(name) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("User with name %s already exists.", name);
            }
            if (account.users().size() >= MAX_USERS) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for UsersPerAccount: %d", MAX_USERS);
            }
            User user = new User(name, call.services().ids().userId(), path, call.services().clock().instant(), null,
                    tags, List.of(), List.of(), List.of(), null);
            mutation.putUser(accountId, user);
            Struct.Builder out = call.output();
            return out.set("User", IamViews.user(call, out.child("User"), user, true)).build();
        });
    }

    static Struct getUser(Call call) {
        String name = call.input().string("UserName");
        AccountState account = call.account();
        if (name == null) {
            if (call.caller().isRoot()) {
                // The root user has no IAM user; AWS describes the account instead.
                Struct.Builder out = call.output();
                Struct.Builder root = out.child("User");
                root.set("UserId", call.caller().accountId()).set("Arn", call.caller().arn())
                        .set("CreateDate", account.account().created());
                return out.set("User", root.build()).build();
            }
            name = call.caller().userName();
        }
        User user = account.user(name);
        call.authorize(userArn(call, name, user), context -> {
            if (user != null) {
                context.resourceTags(user.tags());
            }
        });
        if (user == null) {
            throw noSuchUser(name);
        }
        Struct.Builder out = call.output();
        return out.set("User", IamViews.user(call, out.child("User"), user, true)).build();
    }

    static Struct listUsers(Call call) {
        String prefix = call.input().has("PathPrefix") ? call.input().string("PathPrefix") : "/";
        call.authorize(Arns.user(call.caller().accountId(), prefix, ""), context -> {});
        PageRequest request = call.page();
        AccountState account = call.account();
        var after = request.after() == null ? account.users() : account.users().tailMap(request.after(), false);
        List<User> following = new ArrayList<>();
        for (User user : after.values()) {
            if (user.path().startsWith(prefix)) {
                following.add(user);
                if (following.size() > request.maxItems()) {
                    break;
                }
            }
        }
        Page<User> page = request.page(following, u -> Names.key(u.name()));
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("Users");
        out.set("Users", page.items().stream().map(u -> IamViews.user(call, element, u, false)).toList());
        return page.writeTo(out).build();
    }

    static Struct deleteUser(Call call) {
        String name = call.input().string("UserName");
        String accountId = call.caller().accountId();
        User current = call.account().user(name);
        call.authorize(userArn(call, name, current), context -> {
            if (current != null) {
                context.resourceTags(current.tags());
            }
        });
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = account.user(name);
            if (user == null) {
                throw noSuchUser(name);
            }
            if (!account.accessKeysOf(Names.key(name)).isEmpty()) {
                throw AwsError.DELETE_CONFLICT.exception("Cannot delete entity, must delete access keys first.");
            }
            if (!user.inlinePolicies().isEmpty() || !user.attachedPolicyArns().isEmpty()) {
                throw AwsError.DELETE_CONFLICT.exception("Cannot delete entity, must delete policies first.");
            }
            if (!user.groupNames().isEmpty()) {
                throw AwsError.DELETE_CONFLICT.exception("Cannot delete entity, must remove users from group first.");
            }
            mutation.removeUser(accountId, name);
            return call.noOutput();
        });
    }

    /** The ARN a user is authorized under: its own, or without a path when it does not exist. */
    static String userArn(Call call, String name, User user) {
        return Arns.user(call.caller().accountId(), user == null ? "/" : user.path(), name);
    }

    static io.gatehouse.server.error.AwsException noSuchUser(String name) {
        return AwsError.NO_SUCH_ENTITY.exception("The user with name %s cannot be found.", name);
    }
}
