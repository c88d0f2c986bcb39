package io.gatehouse.server.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A session as its token describes it, without its secret: what a request signed with temporary credentials acts as,
 * and what policies may test about it ({@code aws:TokenIssueTime}, {@code aws:MultiFactorAuthPresent},
 * {@code aws:MultiFactorAuthAge}).
 *
 * @param accessKeyId        the temporary access key id ({@code ASIA…})
 * @param accountId          the account the session belongs to
 * @param principal          who the session acts as
 * @param issuedAt           when STS issued it (whole seconds)
 * @param expiresAt          when it stops being valid (whole seconds); a request at or after it is refused
 * @param mfaAuthenticatedAt when the principal proved an MFA code to get the session, or {@code null} without MFA
 * @param attributes         the issuer, session policies, tags and source identity of a role or federated user session
 */
public record Session(String accessKeyId, String accountId, SessionPrincipal principal, Instant issuedAt,
                      Instant expiresAt, Instant mfaAuthenticatedAt, SessionAttributes attributes) {

    public Session {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(attributes, "attributes");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a session expires after it is issued");
        }
        if (principal.kind().hasIssuer() != (attributes.issuer() != null)) {
            throw new IllegalArgumentException("role and federated user sessions, and only they, name an issuer");
        }
    }

    /** A session of a user or root user (GetSessionToken), which carries no attributes. */
    public Session(String accessKeyId, String accountId, SessionPrincipal principal, Instant issuedAt,
                   Instant expiresAt, Instant mfaAuthenticatedAt) {
        this(accessKeyId, accountId, principal, issuedAt, expiresAt, mfaAuthenticatedAt, SessionAttributes.NONE);
    }

    /** Whether the principal authenticated with MFA to get the session. */
    public boolean mfaAuthenticated() {
        return mfaAuthenticatedAt != null;
    }

    /** Whether the session is past its expiry at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whole seconds since the MFA authentication ({@code aws:MultiFactorAuthAge}); only with MFA. */
    public long mfaAgeSeconds(Instant now) {
        return Math.max(0, Duration.between(mfaAuthenticatedAt, now).toSeconds());
    }
}
