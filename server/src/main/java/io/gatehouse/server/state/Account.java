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
 */
public record Account(String id, Instant created, List<String> aliases, PasswordPolicy passwordPolicy) {

    public Account {
        aliases = List.copyOf(aliases);
    }

    /** An account without a custom password policy. */
    public Account(String id, Instant created, List<String> aliases) {
        this(id, created, aliases, null);
    }

    public Account withAliases(List<String> changed) {
        return new Account(id, created, changed, passwordPolicy);
    }

    /** This account with another custom password policy, or none ({@code null}). */
    public Account withPasswordPolicy(PasswordPolicy changed) {
        return new Account(id, created, aliases, changed);
    }
}
