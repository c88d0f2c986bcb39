package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.OtherCredentials;
import io.gatehouse.server.state.User;
import io.gatehouse.server.state.UserCredential;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The owner of the credentials an operation manages (access keys, MFA devices, signing certificates, SSH public
 * keys, service-specific credentials): the user it names, else the calling user, else, for the root user, the root user
 * itself. The call is authorized on the owner's ARN, with the user's tags in the request context.
 */
final class CredentialOwners {

    private CredentialOwners() {}

    /**
     * Authorizes the call on the credentials' owner and returns the owner's name, {@code null} for the root user's.
     * A user who manages their own credentials without naming themselves is denied in IAM's words for that case.
     */
    static String authorize(Call call) {
        return authorize(call, context -> {});
    }

    /** {@link #authorize(Call)} with context keys of the operation's own. */
    static String authorize(Call call, Consumer<ContextBuilder> extra) {
        String userName = Targets.userOrCaller(call);
        AccountState account = call.account();
        Target target;
        if (userName == null) {
            target = Target.of(Arns.root(call.caller().accountId()));
        } else if (call.input().string("UserName") == null) {
            target = Targets.implicitUser(call, account, userName);
        } else {
            target = Targets.user(call, account, userName);
        }
        User user = userName == null ? null : account.user(userName);
        call.authorize(target, context -> {
            if (user != null) {
                context.identityTags(user.tags());
            }
            extra.accept(context);
        });
        return userName;
    }

    /** The user whose credentials these are, checked to exist; {@code null} for the root user. */
    static User require(AccountState account, String userName) {
        if (userName == null) {
            return null;
        }
        User user = account.user(userName);
        if (user == null) {
            throw UserOperations.noSuchUser(userName);
        }
        return user;
    }

    /**
     * The credential with this id among those an owner holds.
     *
     * @throws AwsException {@code NoSuchEntity} with {@code missing}'s message (formatted with the id) otherwise
     */
    static <T extends UserCredential> T owned(List<T> held, String id, String missing) {
        for (T credential : held) {
            if (credential.id().equals(id)) {
                return credential;
            }
        }
        throw AwsError.NO_SUCH_ENTITY.exception(missing, id);
    }

    /** The status IAM shows for an active flag. */
    static String status(boolean active) {
        return active ? "Active" : "Inactive";
    }

    /**
     * The active flag of a requested status: {@code Active} or {@code Inactive}. The model's status type is shared
     * with credentials that can expire, which none of these can be set to.
     */
    static boolean active(String status, String kind) {
        if (!"Active".equals(status) && !"Inactive".equals(status)) {
            throw AwsError.INVALID_INPUT.exception(
                    "Invalid status %s for %s: use Active or Inactive.", status, kind);
        }
        return "Active".equals(status);
    }

    /** Where a credential stands in its owner's list, oldest first, as a marker carries it. */
    static String position(Instant created, String id) {
        return String.format("%020d%09d:%s", created.getEpochSecond(), created.getNano(), id);
    }

    /**
     * Writes one page of credentials, oldest first, into the list member {@code member} of the call's output, then
     * {@code IsTruncated} and {@code Marker}.
     *
     * @param held the credentials in the order {@link OtherCredentials} lists them (oldest first)
     * @param view writes one credential into the builder of the list's element
     */
    static <T extends UserCredential> Struct page(Call call, PageRequest request, String member, List<T> held,
                                                  BiFunction<Struct.Builder, T, Struct> view) {
        Function<T, String> position = c -> position(c.created(), c.id());
        Page<T> page = request.page(Listings.following(held, request, position), position);
        Struct.Builder out = call.output();
        Struct.Builder element = out.child(member);
        out.set(member, page.items().stream().map(c -> view.apply(element, c)).toList());
        return page.writeTo(out).build();
    }
}
