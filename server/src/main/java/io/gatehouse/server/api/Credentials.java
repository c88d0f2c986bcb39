package io.gatehouse.server.api;

import io.gatehouse.server.auth.Credential;
import io.gatehouse.server.auth.CredentialLookup;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionToken;
import io.gatehouse.server.session.SessionTokenException;
import io.gatehouse.server.session.TemporaryKeyIds;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.StateWriter;
import io.gatehouse.server.state.User;
import java.time.Clock;

/**
 * Finds the secret and owner of an access key in the current state, for signature verification.
 *
 * <p>In emulator mode ({@code --dev}) a key the server never issued stands for the root user of the default account
 * and its signature is not checked; a key it issued is always verified, and one it issued and later deleted or
 * deactivated stays refused, never taken for an unknown key.
 *
 * <p>A temporary key is checked against the session token the request carries, which holds its secret: no state is
 * read but the account's existence. A token this server did not seal, or that was changed, is refused in every
 * mode, {@code --dev} included; so is a token past its expiry ({@code ExpiredToken}) or used with another access key
 * id than its own. Whether the session's user still exists is the authorization's business, as with AWS, whose
 * temporary credentials stay valid until they expire and lose their permissions with their principal.
 */
final class Credentials implements CredentialLookup<KeyOwner> {

    private final StateWriter state;
    private final Sessions sessions;
    private final Clock clock;
    private final String devAccountId;

    /** @param devAccountId the account unknown keys stand for in emulator mode, or {@code null} outside it */
    Credentials(StateWriter state, Sessions sessions, Clock clock, String devAccountId) {
        this.state = state;
        this.sessions = sessions;
        this.clock = clock;
        this.devAccountId = devAccountId;
    }

    @Override
    public Credential<KeyOwner> sessionKey(String accessKeyId, String sessionToken) {
        SessionToken token;
        try {
            token = sessions.open(sessionToken);
        } catch (SessionTokenException invalid) {
            return Credential.unknown();
        }
        Session session = token.session();
        if (!session.accessKeyId().equals(accessKeyId) || state.current().account(session.accountId()) == null) {
            return Credential.unknown();
        }
        if (session.expiredAt(clock.instant())) {
            throw AwsError.EXPIRED_TOKEN.exception();
        }
        return Credential.active(token.secretAccessKey(), new KeyOwner(session.accountId(),
                session.principal().userName(), session.principal().uniqueId(), session.principal().userPath(), session));
    }

    @Override
    public Credential<KeyOwner> accessKey(String accessKeyId) {
        GatehouseState current = state.current();
        AccessKey key = current.accessKey(accessKeyId);
        if (key == null) {
            if (current.retiredKeys().contains(accessKeyId)) {
                return Credential.disabled();
            }
            String issuedFor = TemporaryKeyIds.accountOf(accessKeyId);
            if (issuedFor != null && current.account(issuedFor) != null) {
                // A temporary key of this server sent without its token: never unchecked, in any mode.
                return Credential.unknown();
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
