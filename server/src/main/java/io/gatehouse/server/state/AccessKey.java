package io.gatehouse.server.state;

import java.time.Instant;

/**
 * An access key of an IAM user or of an account's root user.
 *
 * @param id       the access key id ({@code AKIA…})
 * @param userName the owning user, or {@code null} for the root user
 * @param secret   the secret access key (kept encrypted at rest; only its owner ever sees it, once)
 * @param active   whether the key is {@code Active} (or {@code Inactive})
 * @param created  creation time
 * @param lastUsed when, where and for which service the key was last used, or {@code null}
 */
public record AccessKey(String id, String userName, String secret, boolean active, Instant created, LastUsed lastUsed) {

    /** Last use of a key, as GetAccessKeyLastUsed reports it. */
    public record LastUsed(Instant date, String service, String region) {}

    /** This key with another status. */
    public AccessKey withActive(boolean newActive) {
        return new AccessKey(id, userName, secret, newActive, created, lastUsed);
    }

    /** This key belonging to a user under a new name (UpdateUser renamed it). */
    public AccessKey withUserName(String newUserName) {
        return new AccessKey(id, newUserName, secret, active, created, lastUsed);
    }

    /** This key with its last use recorded. */
    public AccessKey withLastUsed(LastUsed newLastUsed) {
        return new AccessKey(id, userName, secret, active, created, newLastUsed);
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "AccessKey[" + id + ", user=" + userName + ", active=" + active + "]";
    }
}
