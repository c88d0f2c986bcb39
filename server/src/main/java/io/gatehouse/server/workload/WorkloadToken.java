package io.gatehouse.server.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * A workload's bearer token as stored: never the token itself, only its SHA-256 ({@link #id()}), with what it is bound
 * to and until when.
 *
 * @param id                  the token's SHA-256, lower-case hex: its key in the store and its name in audit events
 * @param accountId           the account of the role
 * @param roleName            the role whose sessions the token yields, or {@code null} when bound to an instance
 *                            profile
 * @param instanceProfileName the instance profile whose role the token yields (looked up at each use, as EC2 does),
 *                            or {@code null} when bound to a role
 * @param sessionName         the role session name of the credentials: names the workload in the session's ARN
 * @param issuedAt            when the token was issued
 * @param expiresAt           when the token stops being accepted
 */
public record WorkloadToken(String id, String accountId, String roleName, String instanceProfileName,
                            String sessionName, Instant issuedAt, Instant expiresAt) {

    public WorkloadToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((roleName == null) == (instanceProfileName == null)) {
            throw new IllegalArgumentException("a workload token is bound to a role or to an instance profile");
        }
    }

    /** Whether the token is still accepted at {@code now}. */
    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
