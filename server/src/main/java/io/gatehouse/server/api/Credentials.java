package io.gatehouse.server.api;

import io.gatehouse.server.auth.Credential;
import io.gatehouse.server.auth.CredentialLookup;
import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.StateWriter;
import io.gatehouse.server.state.User;

/**
 * Finds the secret and owner of an access key in the current state, for signature verification.
 *
 * <p>In emulator mode ({@code --dev}) a key the server never issued stands for the root user of the default account
 * and its signature is not checked; a key it issued is always verified, and one it issued and later deleted or
 * deactivated stays refused, never taken for an unknown key.
 */
final class Credentials implements CredentialLookup<KeyOwner> {

    private final StateWriter state;
    private final String devAccountId;

    /** @param devAccountId the account unknown keys stand for in emulator mode, or {@code null} outside it */
    Credentials(StateWriter state, String devAccountId) {
        this.state = state;
        this.devAccountId = devAccountId;
    }

    @Override
    public Credential<KeyOwner> accessKey(String accessKeyId) {
        GatehouseState current = state.current();
        AccessKey key = current.accessKey(accessKeyId);
        if (key == null) {
            if (current.retiredKeys().contains(accessKeyId)) {
                return Credential.disabled();
            }
            if (devAccountId != null && current.account(devAccountId) != null) {
                return Credential.unchecked(new KeyOwner(devAccountId, null, devAccountId, null));
            }
            return Credential.unknown();
        }
        if (!key.active()) {
            return Credential.disabled();
        }
        String accountId = current.accountOfKey(accessKeyId);
        if (key.userName() == null) {
            return Credential.active(key.secret(), new KeyOwner(accountId, null, accountId, null));
        }
        AccountState account = current.account(accountId);
        User user = account.user(key.userName());
        if (user == null) {
            return Credential.disabled();
        }
        return Credential.active(key.secret(), new KeyOwner(accountId, user.name(), user.id(), user.path()));
    }
}
