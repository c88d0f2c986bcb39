package io.gatehouse.server.session;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Issues and opens session tokens: what STS operations and signature verification share. Thread-safe.
 */
public final class Sessions {

    /** Random bytes of a temporary secret access key; base64 makes them 40 characters, as AWS's secrets are. */
    private static final int SECRET_BYTES = 30;

    private final SessionKeys keys;
    private final MfaCodeCheck mfa;
    private final SessionTokenCodec codec = new SessionTokenCodec();
    private final SecureRandom random = new SecureRandom();
    private final TemporaryKeyIds keyIds = new TemporaryKeyIds(random);

    /**
     * @param keys the session keys of the store
     * @param mfa  checks the MFA codes GetSessionToken is given
     */
    public Sessions(SessionKeys keys, MfaCodeCheck mfa) {
        this.keys = keys;
        this.mfa = mfa;
    }

    /** The session keys, for rotation. */
    public SessionKeys keys() {
        return keys;
    }

    /** Checks MFA codes for GetSessionToken. */
    public MfaCodeCheck mfa() {
        return mfa;
    }

    /**
     * A new session: a new temporary access key id and secret, sealed in a token under the current session key.
     *
     * @param issuedAt           now; kept to the second, as AWS's times are
     * @param duration           how long the credentials are valid
     * @param mfaAuthenticatedAt when the principal proved an MFA code, or {@code null}
     */
    public Issued issue(String accountId, SessionPrincipal principal, Instant issuedAt, Duration duration,
                        Instant mfaAuthenticatedAt) {
        return issue(accountId, principal, issuedAt, duration, mfaAuthenticatedAt, SessionAttributes.NONE);
    }

    /**
     * A new role or federated user session: {@link #issue(String, SessionPrincipal, Instant, Duration, Instant)} with
     * the session's issuer, policies, tags and source identity.
     *
     * @throws AwsException {@code PackedPolicyTooLarge} ("Packed policy consumes N% of allotted space", AWS's words)
     *                      when the session policies and tags pack to more than {@link SessionPacking#LIMIT_BYTES}
     */
    public Issued issue(String accountId, SessionPrincipal principal, Instant issuedAt, Duration duration,
                        Instant mfaAuthenticatedAt, SessionAttributes attributes) {
        byte[] packed = null;
        Integer packedPercent = null;
        if (attributes.hasPolicyOrTags()) {
            packed = SessionPacking.pack(attributes.policies(), attributes.tags());
            packedPercent = SessionPacking.percent(packed);
            if (packedPercent > 100) {
                throw AwsError.PACKED_POLICY_TOO_LARGE.exception("Packed policy consumes %d%% of allotted space",
                        packedPercent);
            }
        }
        Instant issued = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        Session session = new Session(keyIds.next(accountId), accountId, principal, issued, issued.plus(duration),
                mfaAuthenticatedAt == null ? null : mfaAuthenticatedAt.truncatedTo(ChronoUnit.SECONDS), attributes);
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        SessionToken content = new SessionToken(session, Base64.getEncoder().encodeToString(secret));
        return new Issued(content, codec.encode(content, keys.ring().current(), packed), packedPercent);
    }

    /**
     * What a token holds, when a session key of this server sealed it and nobody changed it (expired or not).
     *
     * @throws SessionTokenException otherwise
     */
    public SessionToken open(String token) {
        try {
            return codec.decode(token, keys.ring());
        } catch (SessionTokenException unopened) {
            // Perhaps sealed under a key another process made since this server last read the keys.
            if (keys.reloadForUnknownToken()) {
                return codec.decode(token, keys.ring());
            }
            throw unopened;
        }
    }

    /**
     * Credentials just issued: what the token holds, the token, and the packed size of its session policies and tags
     * in percent of their limit ({@code null} when it has none). The token and the secret are credentials:
     * {@link #toString()} leaves them out.
     */
    public record Issued(SessionToken content, String token, Integer packedPercent) {

        @Override
        public String toString() {
            return "Issued[session=" + content.session() + ", token=<redacted>]";
        }
    }
}
