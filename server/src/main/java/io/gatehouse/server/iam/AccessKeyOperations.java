package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.Authorizer;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.User;
import java.util.List;
import java.util.Map;

/**
 * Access keys: CreateAccessKey, UpdateAccessKey, DeleteAccessKey, ListAccessKeys, GetAccessKeyLastUsed. Without
 * {@code UserName} the first four act on the caller's own keys (the root user's, for the root user). At most two
 * keys per user, active or not. When a key was last used is recorded as requests arrive
 * ({@link io.gatehouse.server.api.KeyUsage}).
 */
final class AccessKeyOperations {

    /** IAM's quota of access keys per user. */
    static final int MAX_KEYS = 2;
    /** What GetAccessKeyLastUsed reports as the service and region of a key never used. */
    static final String NOT_APPLICABLE = "N/A";

    private AccessKeyOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateAccessKey", AccessKeyOperations::createAccessKey);
        handlers.put("UpdateAccessKey", AccessKeyOperations::updateAccessKey);
        handlers.put("DeleteAccessKey", AccessKeyOperations::deleteAccessKey);
        handlers.put("ListAccessKeys", AccessKeyOperations::listAccessKeys);
        handlers.put("GetAccessKeyLastUsed", AccessKeyOperations::getAccessKeyLastUsed);
    }

    /** Creates a key and answers its secret, the only time IAM reveals it. */
    static Struct createAccessKey(Call call) {
        String userName = CredentialOwners.authorize(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = CredentialOwners.require(account, userName);
            if (account.accessKeysOf(AccountState.ownerKey(userName)).size() >= MAX_KEYS) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for AccessKeysPerUser: %d", MAX_KEYS);
            }
            AccessKey key = new AccessKey(call.services().ids().accessKeyId(), user == null ? null : user.name(),
                    call.services().ids().secretAccessKey(), true, call.services().clock().instant(), null);
            mutation.putAccessKey(accountId, key);
            Struct.Builder out = call.output();
            Struct.Builder view = out.child("AccessKey");
            if (user != null) {
                view.set("UserName", user.name());
            }
            view.set("AccessKeyId", key.id()).set("Status", status(key)).set("SecretAccessKey", key.secret())
                    .set("CreateDate", key.created());
            return out.set("AccessKey", view.build()).build();
        });
    }

    /** Activates or deactivates a key; an inactive key is refused when it signs a request. */
    static Struct updateAccessKey(Call call) {
        String keyId = call.input().string("AccessKeyId");
        String status = call.input().string("Status");
        String userName = CredentialOwners.authorize(call);
        String accountId = call.caller().accountId();
        boolean active = CredentialOwners.active(status, "an access key");
        return call.write(mutation -> {
            AccessKey key = owned(mutation.account(accountId), userName, keyId);
            mutation.putAccessKey(accountId, key.withActive(active));
            return call.noOutput();
        });
    }

    static Struct deleteAccessKey(Call call) {
        String keyId = call.input().string("AccessKeyId");
        String userName = CredentialOwners.authorize(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            owned(mutation.account(accountId), userName, keyId);
            mutation.removeAccessKey(accountId, keyId);
            return call.noOutput();
        });
    }

    /** Lists a user's keys, oldest first, without their secrets. */
    static Struct listAccessKeys(Call call) {
        String userName = CredentialOwners.authorize(call);
        AccountState account = call.account();
        CredentialOwners.require(account, userName);
        PageRequest request = call.page();
        List<AccessKey> keys = account.accessKeysOf(AccountState.ownerKey(userName));
        Page<AccessKey> page = request.page(Listings.following(keys, request, AccessKeyOperations::position),
                AccessKeyOperations::position);
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("AccessKeyMetadata");
        out.set("AccessKeyMetadata", page.items().stream().map(k -> {
            if (k.userName() != null) {
                element.set("UserName", k.userName());
            }
            return element.set("AccessKeyId", k.id()).set("Status", status(k)).set("CreateDate", k.created()).build();
        }).toList());
        return page.writeTo(out).build();
    }

    /**
     * When, for which service and in which region a key of the caller's account was last used. It is authorized on
     * the key's owner; a key that the account does not hold is refused in the words of a key the caller may not ask
     * about (IAM's reference lists no error of its own for this operation), so that a denial reveals no key's
     * existence.
     */
    static Struct getAccessKeyLastUsed(Call call) {
        String keyId = call.input().string("AccessKeyId");
        String accountId = call.caller().accountId();
        AccountState account = call.account();
        AccessKey key = account.accessKeys().get(keyId);
        String shown = "access key " + keyId;
        if (key == null) {
            throw Authorizer.notAllowed(call.caller(), "iam:GetAccessKeyLastUsed", shown);
        }
        String owner = key.userName() == null ? Arns.root(accountId) : Targets.userArn(call, account, key.userName());
        Target target = Target.named(owner, shown);
        User user = key.userName() == null ? null : account.user(key.userName());
        call.authorize(target, context -> {
            if (user != null) {
                context.identityTags(user.tags());
            }
        });
        Struct.Builder out = call.output();
        Struct.Builder used = out.child("AccessKeyLastUsed");
        AccessKey.LastUsed last = key.lastUsed();
        if (last == null) {
            used.set("ServiceName", NOT_APPLICABLE).set("Region", NOT_APPLICABLE);
        } else {
            used.set("LastUsedDate", last.date()).set("ServiceName", last.service()).set("Region", last.region());
        }
        if (key.userName() != null) {
            out.set("UserName", key.userName());
        }
        return out.set("AccessKeyLastUsed", used.build()).build();
    }

    /** The key, if it belongs to the user (or to the root user when {@code userName} is null). */
    private static AccessKey owned(AccountState account, String userName, String keyId) {
        CredentialOwners.require(account, userName);
        AccessKey key = account.accessKeys().get(keyId);
        boolean owns = key != null && (userName == null ? key.userName() == null
                : key.userName() != null && Names.key(key.userName()).equals(Names.key(userName)));
        if (!owns) {
            throw AwsError.NO_SUCH_ENTITY.exception("The Access Key with id %s cannot be found.", keyId);
        }
        return key;
    }

    /** Where a key stands in its owner's list, oldest first, as a marker carries it. */
    private static String position(AccessKey key) {
        return CredentialOwners.position(key.created(), key.id());
    }

    private static String status(AccessKey key) {
        return CredentialOwners.status(key.active());
    }
}
