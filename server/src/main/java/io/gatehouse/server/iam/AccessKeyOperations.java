package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.User;
import java.util.List;
import java.util.Map;

/**
 * Access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey. Without {@code UserName} each
 * acts on the caller's own keys (the root user's, for the root user). At most two keys per user.
 */
final class AccessKeyOperations {

    /** IAM's quota of access keys per user. */
    static final int MAX_KEYS = 2;

    private AccessKeyOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateAccessKey", AccessKeyOperations::createAccessKey);
        handlers.put("ListAccessKeys", AccessKeyOperations::listAccessKeys);
        handlers.put("UpdateAccessKey", AccessKeyOperations::updateAccessKey);
        handlers.put("DeleteAccessKey", AccessKeyOperations::deleteAccessKey);
    }

    /** The user a key operation is about: the named one, the caller, or {@code null} for the root user's keys. */
    private static String target(Call call) {
        String name = call.input().string("UserName");
        return name != null ? name : call.caller().userName();
    }

    private static String resource(Call call, String userName) {
        String accountId = call.caller().accountId();
        if (userName == null) {
            return Arns.root(accountId);
        }
        User user = call.account().user(userName);
        return Arns.user(accountId, user == null ? "/" : user.path(), userName);
    }

    static Struct createAccessKey(Call call) {
        String userName = target(call);
        String accountId = call.caller().accountId();
        call.authorize(resource(call, userName), context -> {});
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            String owner = userName == null ? AccountState.ROOT_KEYS : Names.key(userName);
            User user = userName == null ? null : account.user(userName);
            if (userName != null && user == null) {
                throw UserOperations.noSuchUser(userName);
            }
            if (account.accessKeysOf(owner).size() >= MAX_KEYS) {
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
            view.set("AccessKeyId", key.id()).set("Status", "Active").set("SecretAccessKey", key.secret())
                    .set("CreateDate", key.created());
            return out.set("AccessKey", view.build()).build();
        });
    }

    static Struct listAccessKeys(Call call) {
        String userName = target(call);
        call.authorize(resource(call, userName), context -> {});
        AccountState account = call.account();
        if (userName != null && account.user(userName) == null) {
            throw UserOperations.noSuchUser(userName);
        }
        String owner = userName == null ? AccountState.ROOT_KEYS : Names.key(userName);
        List<AccessKey> keys = account.accessKeysOf(owner);
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("AccessKeyMetadata");
        out.set("AccessKeyMetadata", keys.stream().map(k -> {
            if (k.userName() != null) {
                element.set("UserName", k.userName());
            }
            return element.set("AccessKeyId", k.id()).set("Status", k.active() ? "Active" : "Inactive")
                    .set("CreateDate", k.created()).build();
        }).toList());
        return out.set("IsTruncated", false).build();
    }

    static Struct updateAccessKey(Call call) {
        String userName = target(call);
        String keyId = call.input().string("AccessKeyId");
        boolean active = "Active".equals(call.input().string("Status"));
        String accountId = call.caller().accountId();
        call.authorize(resource(call, userName), context -> {});
        return call.write(mutation -> {
            AccessKey key = owned(mutation.account(accountId), userName, keyId);
            mutation.putAccessKey(accountId, new AccessKey(key.id(), key.userName(), key.secret(), active, key.created(),
                    key.lastUsed()));
            return call.noOutput();
        });
    }

    static Struct deleteAccessKey(Call call) {
        String userName = target(call);
        String keyId = call.input().string("AccessKeyId");
        String accountId = call.caller().accountId();
        call.authorize(resource(call, userName), context -> {});
        return call.write(mutation -> {
            owned(mutation.account(accountId), userName, keyId);
            mutation.removeAccessKey(accountId, keyId);
            return call.noOutput();
        });
    }

    /** The key, if it belongs to the user (or to the root user when {@code userName} is null). */
    private static AccessKey owned(AccountState account, String userName, String keyId) {
        if (userName != null && account.user(userName) == null) {
            throw UserOperations.noSuchUser(userName);
        }
        AccessKey key = account.accessKeys().get(keyId);
        boolean owns = key != null && (userName == null ? key.userName() == null
                : key.userName() != null && Names.key(key.userName()).equals(Names.key(userName)));
        if (!owns) {
            throw AwsError.NO_SUCH_ENTITY.exception("The Access Key with id %s cannot be found.", keyId);
        }
        return key;
    }
}
