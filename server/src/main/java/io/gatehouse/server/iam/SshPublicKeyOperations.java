package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.SshPublicKey;
import io.gatehouse.server.state.User;
import java.util.List;
import java.util.Map;

/**
 * SSH public keys of IAM users, for CodeCommit: UploadSSHPublicKey, GetSSHPublicKey, UpdateSSHPublicKey,
 * DeleteSSHPublicKey, ListSSHPublicKeys. Each is authorized on the user's ARN. A user holds at most
 * {@value #MAX_KEYS} keys, active or not, and no key twice; the keys themselves are read by {@link SshPublicKeys}.
 */
final class SshPublicKeyOperations {

    /** IAM's quota of SSH public keys per user. */
    static final int MAX_KEYS = 5;

    private SshPublicKeyOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("UploadSSHPublicKey", SshPublicKeyOperations::uploadSshPublicKey);
        handlers.put("GetSSHPublicKey", SshPublicKeyOperations::getSshPublicKey);
        handlers.put("UpdateSSHPublicKey", SshPublicKeyOperations::updateSshPublicKey);
        handlers.put("DeleteSSHPublicKey", SshPublicKeyOperations::deleteSshPublicKey);
        handlers.put("ListSSHPublicKeys", SshPublicKeyOperations::listSshPublicKeys);
    }

    /** Uploads a key; the answer carries the key as it was sent. */
    static Struct uploadSshPublicKey(Call call) {
        String body = call.input().string("SSHPublicKeyBody");
        String userName = CredentialOwners.authorize(call);
        SshPublicKeys.Parsed parsed = SshPublicKeys.parse(body);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = CredentialOwners.require(account, userName);
            List<SshPublicKey> keys = account.others().sshPublicKeysOf(AccountState.ownerKey(userName));
            if (keys.stream().anyMatch(k -> k.fingerprint().equals(parsed.fingerprint()))) {
                throw AwsError.DUPLICATE_SSH_PUBLIC_KEY.exception(
                        "The SSH public key is already associated with the specified IAM user.");
            }
            if (keys.size() >= MAX_KEYS) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for SSHPublicKeysPerUser: %d", MAX_KEYS);
            }
            SshPublicKey key = new SshPublicKey(call.services().ids().sshPublicKeyId(), user.name(), body.strip(),
                    parsed.fingerprint(), true, call.services().clock().instant());
            mutation.putSshPublicKey(accountId, key);
            Struct.Builder out = call.output();
            return out.set("SSHPublicKey", view(out.child("SSHPublicKey"), key, key.body())).build();
        });
    }

    /** A key in the encoding asked for: {@code SSH} (ssh-rsa) or {@code PEM}, whichever it was uploaded in. */
    static Struct getSshPublicKey(Call call) {
        String id = call.input().string("SSHPublicKeyId");
        String encoding = call.input().string("Encoding");
        String userName = CredentialOwners.authorize(call);
        SshPublicKey key = owned(call.account(), userName, id);
        SshPublicKeys.Parsed parsed = SshPublicKeys.parse(key.body());
        Struct.Builder out = call.output();
        return out.set("SSHPublicKey", view(out.child("SSHPublicKey"), key,
                "PEM".equals(encoding) ? parsed.pem() : parsed.ssh())).build();
    }

    static Struct updateSshPublicKey(Call call) {
        String id = call.input().string("SSHPublicKeyId");
        boolean active = CredentialOwners.active(call.input().string("Status"), "an SSH public key");
        String userName = CredentialOwners.authorize(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            SshPublicKey key = owned(mutation.account(accountId), userName, id);
            mutation.putSshPublicKey(accountId, key.withActive(active));
            return call.noOutput();
        });
    }

    static Struct deleteSshPublicKey(Call call) {
        String id = call.input().string("SSHPublicKeyId");
        String userName = CredentialOwners.authorize(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            mutation.removeSshPublicKey(accountId, owned(mutation.account(accountId), userName, id));
            return call.noOutput();
        });
    }

    /** A user's keys, oldest first, without their bodies; without {@code UserName}, the caller's. */
    static Struct listSshPublicKeys(Call call) {
        String userName = CredentialOwners.authorize(call);
        AccountState account = call.account();
        CredentialOwners.require(account, userName);
        return CredentialOwners.page(call, call.page(), "SSHPublicKeys",
                account.others().sshPublicKeysOf(AccountState.ownerKey(userName)), (element, k) -> element
                        .set("UserName", k.userName()).set("SSHPublicKeyId", k.id())
                        .set("Status", CredentialOwners.status(k.active())).set("UploadDate", k.uploaded()).build());
    }

    private static Struct view(Struct.Builder view, SshPublicKey key, String body) {
        return view.set("UserName", key.userName()).set("SSHPublicKeyId", key.id()).set("Fingerprint", key.fingerprint())
                .set("SSHPublicKeyBody", body).set("Status", CredentialOwners.status(key.active()))
                .set("UploadDate", key.uploaded()).build();
    }

    /** The key, if the user holds it. */
    private static SshPublicKey owned(AccountState account, String userName, String id) {
        CredentialOwners.require(account, userName);
        return CredentialOwners.owned(account.others().sshPublicKeysOf(AccountState.ownerKey(userName)), id,
                "The SSH public key with id %s cannot be found.");
    }
}
