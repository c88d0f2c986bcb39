package io.gatehouse.server.api;

import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.StateWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Records when and in which region each role was last used, as GetRole and GetAccountAuthorizationDetails report it
 * ({@code RoleLastUsed}): a role is used when a session of it makes a request whose signature verified, whatever the
 * request's outcome, and the region is the one the request was signed for. As {@link KeyUsage} does for access keys,
 * the record is written through the state writer without the request waiting for it, and at most once per
 * {@link KeyUsage#GRANULARITY} per role: a role whose sessions call thousands of times a second costs one write a
 * minute, and a request only reads the current state to learn that its role's record is recent enough. The first use
 * of a role is recorded at once. A record that cannot be written (the writer's queue is full) is dropped; the next use
 * tries again.
 *
 * <p>AWS reports a use within hours and only for the trailing 400 days ({@link #TRACKED}); a role deleted and made
 * again under its name is another role, so a session of the old one records nothing.
 */
public final class RoleUsage {

    /** How long ago a use may be and still be reported ("Activity is only reported for the trailing 400 days"). */
    public static final Duration TRACKED = Duration.ofDays(400);

    private final StateWriter state;
    private final UsageWrites writes;

    public RoleUsage(StateWriter state) {
        this.state = state;
        this.writes = new UsageWrites(state, "role");
    }

    /**
     * Notes a request of {@code session} signed for {@code region} at {@code when}, if it is a role session and its
     * role's recorded last use is older than the granularity.
     */
    public void record(Session session, String region, Instant when) {
        if (session == null || session.principal().kind() != SessionPrincipal.Kind.ASSUMED_ROLE) {
            return;
        }
        SessionIssuer issuer = session.attributes().issuer();
        String accountId = session.accountId();
        Role role = role(state.current().account(accountId), issuer);
        if (role == null || !stale(role, when)) {
            return;
        }
        Role.LastUsed use = new Role.LastUsed(when, region);
        writes.submit(role.id(), mutation -> {
            // The role may have been deleted, made again, or its use recorded since the request looked.
            Role stored = role(mutation.account(accountId), issuer);
            if (stored != null && stale(stored, when)) {
                mutation.putRole(accountId, stored.withLastUsed(use));
            }
        });
    }

    /** The role that issued the session, when it still exists as that role (same unique id). */
    private static Role role(AccountState account, SessionIssuer issuer) {
        Role role = account == null ? null : account.role(issuer.name());
        return role != null && role.id().equals(issuer.uniqueId()) ? role : null;
    }

    private static boolean stale(Role role, Instant when) {
        return role.lastUsed() == null || !role.lastUsed().date().plus(KeyUsage.GRANULARITY).isAfter(when);
    }
}
