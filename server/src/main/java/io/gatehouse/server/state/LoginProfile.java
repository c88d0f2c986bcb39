package io.gatehouse.server.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An IAM user's console password (its login profile). Only Argon2id hashes of passwords are kept, sealed at rest.
 *
 * @param userName              the user it belongs to
 * @param created               when the profile was created (CreateDate; a new password does not change it)
 * @param passwordLastChanged   when its password was last set
 * @param passwordResetRequired the user must set a new password at its next sign-in
 * @param passwordHash          the hash of the current password
 * @param previousHashes        hashes of earlier passwords, newest first, as many as the account's password policy
 *                              prevents reusing (at most {@link #MAX_REMEMBERED})
 */
public record LoginProfile(String userName, Instant created, Instant passwordLastChanged, boolean passwordResetRequired,
                           String passwordHash, List<String> previousHashes) {

    /** The most previous passwords a policy can prevent reusing (PasswordReusePrevention's maximum). */
    public static final int MAX_REMEMBERED = 24;

    public LoginProfile {
        previousHashes = List.copyOf(previousHashes);
    }

    /** A new profile with its first password. */
    public static LoginProfile create(String userName, String passwordHash, boolean resetRequired, Instant now) {
        return new LoginProfile(userName, now, now, resetRequired, passwordHash, List.of());
    }

    /**
     * The hashes a new password must not match under a policy that prevents reusing {@code remembered} passwords:
     * the current one and the {@code remembered - 1} before it. None when reuse is not prevented.
     */
    public List<String> reuseCandidates(int remembered) {
        if (remembered <= 0) {
            return List.of();
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(passwordHash);
        candidates.addAll(previousHashes.subList(0, Math.min(previousHashes.size(), remembered - 1)));
        return candidates;
    }

    /**
     * This profile with a new password set now; the current hash joins the remembered ones, of which the newest
     * {@link #MAX_REMEMBERED} stay (a policy may later ask for that many).
     */
    public LoginProfile withPassword(String newHash, boolean resetRequired, Instant now) {
        List<String> previous = new ArrayList<>(previousHashes.size() + 1);
        previous.add(passwordHash);
        previous.addAll(previousHashes);
        return new LoginProfile(userName, created, now, resetRequired, newHash,
                previous.subList(0, Math.min(previous.size(), MAX_REMEMBERED)));
    }

    /**
     * This profile with the same password under a new hash (made with stronger parameters at sign-in): nothing else
     * changes, the password's age included.
     */
    public LoginProfile withRehashedPassword(String newHash) {
        return new LoginProfile(userName, created, passwordLastChanged, passwordResetRequired, newHash, previousHashes);
    }

    public LoginProfile withPasswordResetRequired(boolean resetRequired) {
        return new LoginProfile(userName, created, passwordLastChanged, resetRequired, passwordHash, previousHashes);
    }

    /** This profile of a user under its new name (UpdateUser renamed it). */
    public LoginProfile withUserName(String newUserName) {
        return new LoginProfile(newUserName, created, passwordLastChanged, passwordResetRequired, passwordHash,
                previousHashes);
    }

    /**
     * When the password expires under the account's policy ({@code null}: no policy, or one whose passwords never
     * expire). AWS enforces a new maximum age at once: a password older than it is expired as soon as it is set.
     */
    public Instant passwordExpires(PasswordPolicy policy) {
        return policy == null ? null : policy.expiryOf(passwordLastChanged);
    }

    /** Whether the password has expired at {@code now} under the account's policy. */
    public boolean passwordExpired(PasswordPolicy policy, Instant now) {
        Instant expires = passwordExpires(policy);
        return expires != null && !now.isBefore(expires);
    }

    @Override
    public String toString() {
        // Never print a hash.
        return "LoginProfile[" + userName + ", created=" + created + ", changed=" + passwordLastChanged
                + ", resetRequired=" + passwordResetRequired + "]";
    }
}
