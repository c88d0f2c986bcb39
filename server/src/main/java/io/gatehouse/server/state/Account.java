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
 * @param globalEndpointTokenVersion the version of the session tokens STS's global endpoint issues for the account
 *                       (SetSecurityTokenServicePreferences): 1 (valid in the Regions enabled by default, AWS's default)
 *                       or 2 (valid in every Region)
 */
public record Account(String id, Instant created, List<String> aliases, PasswordPolicy passwordPolicy,
                      int globalEndpointTokenVersion) {

    /** The token version of an account that never set one. */
    public static final int DEFAULT_TOKEN_VERSION = 1;

    public Account {
        aliases = List.copyOf(aliases);
        if (globalEndpointTokenVersion != 1 && globalEndpointTokenVersion != 2) {
            throw new IllegalArgumentException("token version 1 or 2");
        }
    }

    /** An account with the default token version. */
    public Account(String id, Instant created, List<String> aliases, PasswordPolicy passwordPolicy) {
        this(id, created, aliases, passwordPolicy, DEFAULT_TOKEN_VERSION);
    }

    /** An account without a custom password policy. */
    public Account(String id, Instant created, List<String> aliases) {
        this(id, created, aliases, null);
    }

    public Account withAliases(List<String> changed) {
        return new Account(id, created, changed, passwordPolicy, globalEndpointTokenVersion);
    }

    /** This account with another custom password policy, or none ({@code null}). */
    public Account withPasswordPolicy(PasswordPolicy changed) {
        return new Account(id, created, aliases, changed, globalEndpointTokenVersion);
    }

    /** This account with another global endpoint token version (1 or 2). */
    public Account withGlobalEndpointTokenVersion(int version) {
        return new Account(id, created, aliases, passwordPolicy, version);
    }
}
