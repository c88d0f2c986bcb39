package io.gatehouse.server.state;

import java.time.Duration;
import java.time.Instant;

/**
 * An account's custom password policy, as UpdateAccountPasswordPolicy sets it: every field has a value (a field the
 * request left out has its default). How a password is checked against it is {@code iam.PasswordRules}'.
 *
 * @param minimumPasswordLength      6 to 128
 * @param requireSymbols             at least one of {@code ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '}
 * @param requireNumbers             at least one of 0 to 9
 * @param requireUppercaseCharacters at least one of A to Z
 * @param requireLowercaseCharacters at least one of a to z
 * @param allowUsersToChangePassword every IAM user may change its own password (ChangePassword) and read this
 *                                   policy, whatever its policies say
 * @param maxPasswordAge             days a password is valid (1 to 1095), or {@code null}: passwords never expire
 * @param passwordReusePrevention    how many previous passwords a user may not set again (1 to 24), or {@code null}
 * @param hardExpiry                 a user whose password expired may not set a new one when signing in; an
 *                                   administrator must reset it (ChangePassword through the API still works)
 */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                             boolean allowUsersToChangePassword, Integer maxPasswordAge,
                             Integer passwordReusePrevention, boolean hardExpiry) {

    /** UpdateAccountPasswordPolicy's default minimum length (its API reference: "the default value of 6"). */
    public static final int DEFAULT_MINIMUM_LENGTH = 6;

    /** Whether passwords expire: ExpirePasswords, true when MaxPasswordAge is set. */
    public boolean expirePasswords() {
        return maxPasswordAge != null && maxPasswordAge > 0;
    }

    /** When a password last changed at {@code lastChanged} expires under this policy, or {@code null} if never. */
    public Instant expiryOf(Instant lastChanged) {
        return expirePasswords() ? lastChanged.plus(Duration.ofDays(maxPasswordAge)) : null;
    }

    /** How many previous passwords a user may not reuse (0 when reuse is not prevented). */
    public int remembered() {
        return passwordReusePrevention == null ? 0 : passwordReusePrevention;
    }
}
