package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.Mutation;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * IAM groups and their members: CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups, AddUserToGroup,
 * RemoveUserFromGroup, ListGroupsForUser. A membership is recorded on the user ({@link User#groupNames()}) and
 * indexed by the account state, so a group's members and a user's groups are both found without a scan.
 */
final class GroupOperations {

    /** IAM's default quota of groups per account. */
    static final int MAX_GROUPS = 300;
    /** IAM's quota of groups a user can be in. */
    static final int MAX_GROUPS_PER_USER = 10;

    private GroupOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateGroup", GroupOperations::createGroup);
        handlers.put("GetGroup", GroupOperations::getGroup);
        handlers.put("UpdateGroup", GroupOperations::updateGroup);
        handlers.put("DeleteGroup", GroupOperations::deleteGroup);
        handlers.put("ListGroups", GroupOperations::listGroups);
        handlers.put("AddUserToGroup", GroupOperations::addUserToGroup);
        handlers.put("RemoveUserFromGroup", GroupOperations::removeUserFromGroup);
        handlers.put("ListGroupsForUser", GroupOperations::listGroupsForUser);
    }

    static Struct createGroup(Call call) {
        String name = call.input().string("GroupName");
        String path = call.input().has("Path") ? call.input().string("Path") : "/";
        String accountId = call.caller().accountId();
        call.authorize(Target.of(Arns.group(accountId, path, name)), context -> {});
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.group(name) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("Group with name %s already exists.", name);
            }
            if (account.groups().size() >= MAX_GROUPS) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for GroupsPerAccount: %d", MAX_GROUPS);
            }
            Group group = new Group(name, call.services().ids().groupId(), path, call.services().clock().instant(),
                    List.of(), List.of());
            mutation.putGroup(accountId, group);
            Struct.Builder out = call.output();
            return out.set("Group", IamViews.group(call, out.child("Group"), group)).build();
        });
    }

    /** Describes a group with a page of its users, in name order. */
    static Struct getGroup(Call call) {
        String name = call.input().string("GroupName");
        AccountState account = call.account();
        call.authorize(Targets.group(call, account, name), context -> {});
        Group group = account.group(name);
        if (group == null) {
            throw noSuchGroup(name);
        }
        PageRequest request = call.page();
        Page<User> page = request.page(Listings.following(account.members(name), request, u -> Names.key(u.name())),
                u -> Names.key(u.name()));
        Struct.Builder out = call.output();
        out.set("Group", IamViews.group(call, out.child("Group"), group));
        Struct.Builder element = out.child("Users");
        out.set("Users", page.items().stream().map(u -> IamViews.user(call, element, u, false)).toList());
        return page.writeTo(out).build();
    }

    /**
     * Renames a group or moves it to another path. As IAM requires, the caller needs {@code iam:UpdateGroup} on the
     * group as it is and as it will be. Its members stay members, its policies stay attached.
     */
    static Struct updateGroup(Call call) {
        String name = call.input().string("GroupName");
        String newName = call.input().string("NewGroupName");
        String newPath = call.input().string("NewPath");
        String accountId = call.caller().accountId();
        AccountState snapshot = call.account();
        call.authorize(Targets.group(call, snapshot, name), context -> {});
        if (newName != null || newPath != null) {
            Group current = snapshot.group(name);
            String targetName = newName != null ? newName : name;
            String targetPath = newPath != null ? newPath : current == null ? "/" : current.path();
            call.authorize(Target.named(Arns.group(accountId, targetPath, targetName), "group " + targetName),
                    context -> {});
        }
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            Group group = account.group(name);
            if (group == null) {
                throw noSuchGroup(name);
            }
            String renamed = newName != null ? newName : group.name();
            if (!Names.key(renamed).equals(Names.key(group.name())) && account.group(renamed) != null) {
                throw AwsError.ENTITY_ALREADY_EXISTS.exception("Group with name %s already exists.", renamed);
            }
            replace(mutation, account, group, group.moved(renamed, newPath != null ? newPath : group.path()));
            return call.noOutput();
        });
    }

    /** Stores a group under its new name or path and points its members' memberships at the name. */
    private static void replace(Mutation mutation, AccountState account, Group group, Group updated) {
        String accountId = account.accountId();
        String oldKey = Names.key(group.name());
        mutation.putGroup(accountId, updated);
        if (!updated.name().equals(group.name())) {
            for (User member : account.members(group.name())) {
                List<String> groups = new ArrayList<>();
                for (String groupName : member.groupNames()) {
                    groups.add(Names.key(groupName).equals(oldKey) ? updated.name() : groupName);
                }
                mutation.putUser(accountId, member.withGroupNames(groups));
            }
        }
        if (!Names.key(updated.name()).equals(oldKey)) {
            mutation.removeGroup(accountId, group.name());
        }
    }

    /** Deletes a group that has no members and no policies, or refuses with IAM's {@code DeleteConflict}. */
    static Struct deleteGroup(Call call) {
        String name = call.input().string("GroupName");
        String accountId = call.caller().accountId();
        call.authorize(Targets.group(call, call.account(), name), context -> {});
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            Group group = account.group(name);
            if (group == null) {
                throw noSuchGroup(name);
            }
            if (!account.members(name).isEmpty()) {
                throw UserOperations.conflict("must remove users from group first.");
            }
            if (!group.inlinePolicies().isEmpty()) {
                throw UserOperations.conflict("must delete policies first.");
            }
            if (!group.attachedPolicyArns().isEmpty()) {
                throw UserOperations.conflict("must detach all policies first.");
            }
            mutation.removeGroup(accountId, group.name());
            return call.noOutput();
        });
    }

    /** Lists groups whose path starts with {@code PathPrefix}, in name order. */
    static Struct listGroups(Call call) {
        String prefix = call.input().has("PathPrefix") ? call.input().string("PathPrefix") : "/";
        call.authorize(Target.of(Arns.group(call.caller().accountId(), prefix, "")), context -> {});
        PageRequest request = call.page();
        List<Group> following = Listings.matching(call.account().groups(), request, g -> g.path().startsWith(prefix));
        return groupsPage(call, request, following);
    }

    /**
     * Makes a user a member of a group, up to {@link #MAX_GROUPS_PER_USER} groups; a member already is one, and
     * adding it again changes nothing.
     */
    static Struct addUserToGroup(Call call) {
        String groupName = call.input().string("GroupName");
        String userName = call.input().string("UserName");
        String accountId = call.caller().accountId();
        call.authorize(Targets.group(call, call.account(), groupName), context -> {});
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            Group group = existing(account, groupName);
            User user = account.user(userName);
            if (user == null) {
                throw UserOperations.noSuchUser(userName);
            }
            if (isMember(user, group)) {
                return call.noOutput();
            }
            if (user.groupNames().size() >= MAX_GROUPS_PER_USER) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for GroupsPerUser: %d", MAX_GROUPS_PER_USER);
            }
            List<String> groups = new ArrayList<>(user.groupNames());
            groups.add(group.name());
            mutation.putUser(accountId, user.withGroupNames(groups));
            return call.noOutput();
        });
    }

    /** Ends a user's membership of a group; removing a user that is not a member changes nothing. */
    static Struct removeUserFromGroup(Call call) {
        String groupName = call.input().string("GroupName");
        String userName = call.input().string("UserName");
        String accountId = call.caller().accountId();
        call.authorize(Targets.group(call, call.account(), groupName), context -> {});
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            Group group = existing(account, groupName);
            User user = account.user(userName);
            if (user == null) {
                throw UserOperations.noSuchUser(userName);
            }
            if (isMember(user, group)) {
                String key = Names.key(group.name());
                mutation.putUser(accountId, user.withGroupNames(
                        user.groupNames().stream().filter(g -> !Names.key(g).equals(key)).toList()));
            }
            return call.noOutput();
        });
    }

    /** Lists the groups a user is in, in name order. */
    static Struct listGroupsForUser(Call call) {
        String userName = call.input().string("UserName");
        AccountState account = call.account();
        User user = account.user(userName);
        call.authorize(Targets.user(call, account, userName), context -> {
            if (user != null) {
                context.identityTags(user.tags());
            }
        });
        if (user == null) {
            throw UserOperations.noSuchUser(userName);
        }
        List<Group> groups = user.groupNames().stream().map(account::group)
                .sorted(Comparator.comparing((Group g) -> Names.key(g.name()))).toList();
        PageRequest request = call.page();
        return groupsPage(call, request, Listings.following(groups, request, g -> Names.key(g.name())));
    }

    private static Struct groupsPage(Call call, PageRequest request, List<Group> following) {
        Page<Group> page = request.page(following, g -> Names.key(g.name()));
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("Groups");
        out.set("Groups", page.items().stream().map(g -> IamViews.group(call, element, g)).toList());
        return page.writeTo(out).build();
    }

    private static boolean isMember(User user, Group group) {
        String key = Names.key(group.name());
        return user.groupNames().stream().anyMatch(g -> Names.key(g).equals(key));
    }

    private static Group existing(AccountState account, String name) {
        Group group = account.group(name);
        if (group == null) {
            throw noSuchGroup(name);
        }
        return group;
    }

    static AwsException noSuchGroup(String name) {
        return AwsError.NO_SUCH_ENTITY.exception("The group with name %s cannot be found.", name);
    }
}
