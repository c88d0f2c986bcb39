package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * An AWS account hosted by Gatehouse.
 *
 * @param id      the 12-digit account id
 * @param created when the account was created
 * @param aliases the account alias (IAM allows at most one)
 */
public record Account(String id, Instant created, List<String> aliases) {

    public Account {
        aliases = List.copyOf(aliases);
    }

    public Account withAliases(List<String> changed) {
        return new Account(id, created, changed);
    }
}
