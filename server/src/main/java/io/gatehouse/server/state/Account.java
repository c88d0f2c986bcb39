package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * An AWS account hosted by Gatehouse.
 *
 * @param id             the 12-digit account id
 * @param created        when the account was created
 * @param aliases        the account alias (IAM allows at most one)
 * @param passwordPolicy the account's custom password policy, or {@code null} when it has none (IAM users' passwords
 *                       then meet AWS's default policy)
 * @param rootLogin      the root user's email address and password for console sign-in, or {@code null} when the
 *                       root user cannot sign in with a password
 * @param globalEndpointTokenVersion the version of the session tokens STS's global endpoint issues for the account
 *                       (SetSecurityTokenServicePreferences): 1 (valid in the Regions enabled by default, AWS's default)
 *                       or 2 (valid in every Region)
 * @param outboundFederation the account's outbound identity federation (its issuer), or {@code null} when the account
 *                       never enabled it
 */
public record Account(String id, Instant created, List<String> aliases, PasswordPolicy passwordPolicy,
                      RootLogin rootLogin, int globalEndpointTokenVersion, OutboundFederation outboundFederation) {

    /** The token version of an account that never set one. */
    public static final int DEFAULT_TOKEN_VERSION = 1;

    /**
     * How the root user signs in: its email address and the Argon2id hash of its password (sealed at rest).
     *
     * @param email        the address as given; compared without regard to case
     * @param passwordHash the hash of the password
     * @param lastUsed     when the root user last signed in with the password, or {@code null} (the credential
     *                     report's {@code password_last_used})
     */
    public record RootLogin(String email, String passwordHash, Instant lastUsed) {

        /** A login never used. */
        public RootLogin(String email, String passwordHash) {
            this(email, passwordHash, null);
        }

        /** This login after a sign-in at {@code time}, with the password's hash as it is now. */
        public RootLogin signedIn(Instant time, String hash) {
            return new RootLogin(email, hash, time);
        }

        /** Whether an address is this login's, compared without regard to case (as email addresses are used). */
        public boolean hasEmail(String address) {
            return address != null && email.equalsIgnoreCase(address.trim());
        }

        @Override
        public String toString() {
            // Never print a hash.
            return "RootLogin[" + email + "]";
        }
    }

    /**
     * An account's outbound identity federation (EnableOutboundWebIdentityFederation): the id of its issuer, which
     * stays the same when the feature is disabled and enabled again, and whether its principals may get tokens now.
     *
     * @param issuerId the random id in the account's issuer URL
     * @param enabled  whether GetWebIdentityToken issues tokens (JwtVendingEnabled)
     */
    public record OutboundFederation(String issuerId, boolean enabled) {

        public OutboundFederation {
            java.util.Objects.requireNonNull(issuerId, "issuerId");
        }
    }

    public Account {
        aliases = List.copyOf(aliases);
        if (globalEndpointTokenVersion != 1 && globalEndpointTokenVersion != 2) {
            throw new IllegalArgumentException("token version 1 or 2");
        }
    }

    /** An account with the default token version, without outbound identity federation. */
    public Account(String id, Instant created, List<String> aliases, PasswordPolicy passwordPolicy,
                   RootLogin rootLogin) {
        this(id, created, aliases, passwordPolicy, rootLogin, DEFAULT_TOKEN_VERSION, null);
    }

    /** An account without a custom password policy or root password. */
    public Account(String id, Instant created, List<String> aliases) {
        this(id, created, aliases, null, null);
    }

    /** An account without a root password. */
    public Account(String id, Instant created, List<String> aliases, PasswordPolicy passwordPolicy) {
        this(id, created, aliases, passwordPolicy, null);
    }

    public Account withAliases(List<String> changed) {
        return new Account(id, created, changed, passwordPolicy, rootLogin, globalEndpointTokenVersion, outboundFederation);
    }

    /** This account with another custom password policy, or none ({@code null}). */
    public Account withPasswordPolicy(PasswordPolicy changed) {
        return new Account(id, created, aliases, changed, rootLogin, globalEndpointTokenVersion, outboundFederation);
    }

    /** This account with another root sign-in, or none ({@code null}). */
    public Account withRootLogin(RootLogin changed) {
        return new Account(id, created, aliases, passwordPolicy, changed, globalEndpointTokenVersion, outboundFederation);
    }

    /** This account with another global endpoint token version (1 or 2). */
    public Account withGlobalEndpointTokenVersion(int version) {
        return new Account(id, created, aliases, passwordPolicy, rootLogin, version, outboundFederation);
    }

    /** This account with another outbound identity federation. */
    public Account withOutboundFederation(OutboundFederation changed) {
        return new Account(id, created, aliases, passwordPolicy, rootLogin, globalEndpointTokenVersion, changed);
    }
}
