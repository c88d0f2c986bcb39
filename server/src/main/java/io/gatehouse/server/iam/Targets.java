package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.User;

/**
 * The users and groups IAM's operations act on, as they are authorized: the policies are evaluated against the
 * entity's ARN (with its path when it exists, with path {@code /} when it does not), while a denial names an entity
 * addressed by name as IAM does, {@code on resource: user bob} or {@code on resource: group admins}, so that it tells
 * nothing about the entity's path or existence. Operations that create or list entities, and the tagging operations,
 * are denied with the ARN instead ({@link Target#of}).
 */
final class Targets {

    private Targets() {}

    /** A user the request names. */
    static Target user(Call call, AccountState account, String name) {
        return Target.named(userArn(call, account, name), "user " + name);
    }

    /**
     * The caller's own user, for an operation whose {@code UserName} was left out. IAM's denials word this target
     * {@code user null} followed by the name, without a space; Gatehouse answers the same.
     */
    static Target implicitUser(Call call, AccountState account, String name) {
        return Target.named(userArn(call, account, name), "user null" + name);
    }

    /** A group the request names. */
    static Target group(Call call, AccountState account, String name) {
        Group group = account.group(name);
        return Target.named(Arns.group(call.caller().accountId(), group == null ? "/" : group.path(), name),
                "group " + name);
    }

    /** The canonical ARN of a user: its own, or with path {@code /} when it does not exist. */
    static String userArn(Call call, AccountState account, String name) {
        User user = account.user(name);
        return Arns.user(call.caller().accountId(), user == null ? "/" : user.path(), name);
    }

    /**
     * The user an operation with an optional {@code UserName} acts on: the one named, else the calling IAM user;
     * {@code null} for the root user, whose own credentials such operations then manage.
     *
     * @throws io.gatehouse.server.error.AwsException {@code ValidationError} for other callers (role sessions,
     *         federated users), as IAM answers them
     */
    static String userOrCaller(Call call) {
        String name = call.input().string("UserName");
        if (name != null || call.caller().isRoot()) {
            return name;
        }
        if (call.caller().userName() == null) {
            throw AwsError.VALIDATION_ERROR.exception("Must specify userName when calling with non-User credentials");
        }
        return call.caller().userName();
    }
}
