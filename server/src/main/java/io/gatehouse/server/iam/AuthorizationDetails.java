package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * GetAccountAuthorizationDetails: the account's users, groups, roles and managed policies with their relationships,
 * as one listing. The entities of the kinds the {@code Filter} asks for (all kinds without one) follow each other in
 * the order of the response's lists: users, groups, roles, then customer managed and AWS managed policies, each
 * kind in name order. {@code MaxItems} counts entities of every kind together and one marker continues the whole
 * sequence, so a page may end inside any kind.
 *
 * <p>AWS managed policies appear only when the account uses them (attached to a user, group or role, or bounding a
 * user or role), as IAM answers: an account's snapshot does not list AWS's whole catalog.
 */
final class AuthorizationDetails {

    /** The kinds of entity, in listing order; the {@code Filter} values name them. */
    private enum Kind {
        USER("User"), GROUP("Group"), ROLE("Role"), LOCAL_POLICY("LocalManagedPolicy"), AWS_POLICY("AWSManagedPolicy");

        private final String filterValue;

        Kind(String filterValue) {
            this.filterValue = filterValue;
        }

        static Kind of(String filterValue) {
            for (Kind kind : values()) {
                if (kind.filterValue.equals(filterValue)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(filterValue); // the model's enum validation admits only the five
        }

        /** This kind's digit, which leads every position of its entities so that positions sort by kind first. */
        char digit() {
            return (char) ('0' + ordinal());
        }
    }

    /**
     * One entity of the listing.
     *
     * @param kind     its kind
     * @param key      its position within its kind: the case-folded name (an AWS managed policy's name as AWS
     *                 spells it)
     * @param entity   the {@link User}, {@link Group}, {@link Role}, {@link ManagedPolicy} or catalog policy
     */
    private record Entry(Kind kind, String key, Object entity) {
        String position() {
            return kind.digit() + key;
        }
    }

    private AuthorizationDetails() {}

    static Struct get(Call call) {
        call.authorize("*", context -> {});
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        call.input().strings("Filter").forEach(value -> kinds.add(Kind.of(value)));
        if (kinds.isEmpty()) {
            kinds.addAll(EnumSet.allOf(Kind.class));
        }
        AccountState account = call.account();
        PageRequest request = call.page();
        Kind fromKind = request.after() == null ? Kind.USER : kindOf(request.after());
        String afterKey = request.after() == null ? null : request.after().substring(1);
        int wanted = request.maxItems() + 1;
        List<Entry> following = new ArrayList<>();
        for (Kind kind : kinds) {
            if (kind.compareTo(fromKind) < 0 || following.size() == wanted) {
                continue;
            }
            NavigableMap<String, ?> entities = entities(call, account, kind);
            if (kind == fromKind && afterKey != null) {
                entities = entities.tailMap(afterKey, false);
            }
            for (Map.Entry<String, ?> entity : entities.entrySet()) {
                if (following.size() == wanted) {
                    break;
                }
                following.add(new Entry(kind, entity.getKey(), entity.getValue()));
            }
        }
        Page<Entry> page = request.page(following, Entry::position);
        return write(call, account, page);
    }

    /** The entities of one kind by their positions, in order. */
    private static NavigableMap<String, ?> entities(Call call, AccountState account, Kind kind) {
        return switch (kind) {
            case USER -> account.users();
            case GROUP -> account.groups();
            case ROLE -> account.roles();
            case LOCAL_POLICY -> account.policies();
            case AWS_POLICY -> {
                TreeMap<String, io.gatehouse.catalog.ManagedPolicy> used = new TreeMap<>();
                for (String arn : awsPoliciesInUse(account)) {
                    call.services().policies().awsManaged().byArn(arn).ifPresent(p -> used.put(p.name(), p));
                }
                yield used;
            }
        };
    }

    /** The canonical ARNs of the AWS managed policies the account's users, groups and roles use. */
    static Set<String> awsPoliciesInUse(AccountState account) {
        Set<String> arns = new HashSet<>();
        for (String arn : account.attachments().keySet()) {
            if (PolicyArns.isAwsManaged(arn)) {
                arns.add(arn);
            }
        }
        for (String arn : account.boundaryUses().keySet()) {
            if (PolicyArns.isAwsManaged(arn)) {
                arns.add(arn);
            }
        }
        return arns;
    }

    /** The kind a marker's position stopped in; a position no page of this listing ends at is an invalid marker. */
    private static Kind kindOf(String position) {
        int ordinal = position.isEmpty() ? -1 : position.charAt(0) - '0';
        if (ordinal < 0 || ordinal >= Kind.values().length) {
            throw AwsError.VALIDATION_ERROR.exception("Invalid Marker.");
        }
        return Kind.values()[ordinal];
    }

    private static Struct write(Call call, AccountState account, Page<Entry> page) {
        Struct.Builder out = call.output();
        List<Struct> users = new ArrayList<>();
        List<Struct> groups = new ArrayList<>();
        List<Struct> roles = new ArrayList<>();
        List<Struct> policies = new ArrayList<>();
        for (Entry entry : page.items()) {
            switch (entry.kind()) {
                case USER -> users.add(DetailViews.user(call, out.child("UserDetailList"), (User) entry.entity()));
                case GROUP -> groups.add(DetailViews.group(call, out.child("GroupDetailList"), (Group) entry.entity()));
                case ROLE -> roles.add(DetailViews.role(call, out.child("RoleDetailList"), account, (Role) entry.entity()));
                case LOCAL_POLICY -> policies.add(DetailViews.policy(call, out.child("Policies"), account,
                        (ManagedPolicy) entry.entity()));
                case AWS_POLICY -> policies.add(DetailViews.policy(call, out.child("Policies"), account,
                        (io.gatehouse.catalog.ManagedPolicy) entry.entity()));
            }
        }
        out.set("UserDetailList", users).set("GroupDetailList", groups).set("RoleDetailList", roles)
                .set("Policies", policies);
        return page.writeTo(out).build();
    }
}
