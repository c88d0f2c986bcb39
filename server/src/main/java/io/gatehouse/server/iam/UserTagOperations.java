package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A user's tags: TagUser, UntagUser, ListUserTags. Tagging and untagging are authorized on the user's ARN with the
 * tags in the request ({@code aws:RequestTag/…}, {@code aws:TagKeys}) and on the user
 * ({@code aws:ResourceTag/…}, {@code iam:ResourceTag/…}).
 */
final class UserTagOperations {

    private UserTagOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("TagUser", UserTagOperations::tagUser);
        handlers.put("UntagUser", UserTagOperations::untagUser);
        handlers.put("ListUserTags", UserTagOperations::listUserTags);
    }

    /** Adds tags, replacing the value of a key the user already has, up to {@link Tags#MAX_TAGS}. */
    static Struct tagUser(Call call) {
        String name = call.input().string("UserName");
        List<Tag> tags = Tags.fromRequest(call.input().structs("Tags"));
        String accountId = call.caller().accountId();
        AccountState snapshot = call.account();
        User current = snapshot.user(name);
        call.authorize(Target.of(Targets.userArn(call, snapshot, name)), context -> {
            if (current != null) {
                context.identityTags(current.tags());
            }
            context.requestTags(tags);
        });
        return call.write(mutation -> {
            User user = mutation.account(accountId).user(name);
            if (user == null) {
                throw UserOperations.noSuchUser(name);
            }
            mutation.putUser(accountId, user.withTags(Tags.merge(user.tags(), tags)));
            return call.noOutput();
        });
    }

    /** Removes the tags with the given keys; keys the user does not have are ignored. */
    static Struct untagUser(Call call) {
        String name = call.input().string("UserName");
        List<String> keys = call.input().strings("TagKeys");
        String accountId = call.caller().accountId();
        AccountState snapshot = call.account();
        User current = snapshot.user(name);
        call.authorize(Target.of(Targets.userArn(call, snapshot, name)), context -> {
            if (current != null) {
                context.identityTags(current.tags());
            }
            context.tagKeys(keys);
        });
        return call.write(mutation -> {
            User user = mutation.account(accountId).user(name);
            if (user == null) {
                throw UserOperations.noSuchUser(name);
            }
            List<Tag> remaining = Tags.remove(user.tags(), keys);
            if (remaining.size() != user.tags().size()) {
                mutation.putUser(accountId, user.withTags(remaining));
            }
            return call.noOutput();
        });
    }

    /** Lists a user's tags in the order of their keys (compared without regard to case), a page at a time. */
    static Struct listUserTags(Call call) {
        String name = call.input().string("UserName");
        AccountState account = call.account();
        User user = account.user(name);
        call.authorize(Targets.user(call, account, name), context -> {
            if (user != null) {
                context.identityTags(user.tags());
            }
        });
        if (user == null) {
            throw UserOperations.noSuchUser(name);
        }
        PageRequest request = call.page();
        List<Tag> sorted = user.tags().stream().sorted(Comparator.comparing((Tag t) -> Names.key(t.key()))).toList();
        // A marker carries the position of the last tag listed: a key can be too long to fit in one.
        int from = request.after() == null ? 0 : nextIndex(request.after(), sorted.size());
        List<Tag> following = sorted.subList(from, Math.min(sorted.size(), from + request.maxItems() + 1));
        Page<Tag> page = request.page(following, t -> Integer.toString(from + following.indexOf(t)));
        Struct.Builder out = call.output();
        out.set("Tags", IamViews.tags(out.child("Tags"), page.items()));
        return page.writeTo(out).build();
    }

    /** The index after a marker's position; a position this listing never issued starts past the end. */
    private static int nextIndex(String position, int size) {
        if (!position.matches("\\d{1,2}")) {
            return size;
        }
        return Math.min(size, Integer.parseInt(position) + 1);
    }
}
