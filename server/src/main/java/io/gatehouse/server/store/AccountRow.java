package io.gatehouse.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An account as stored.
 *
 * @param accountId the 12-digit account id
 * @param createdAt when the account was first put; replacing its body keeps this time
 * @param body the JSON the server wrote, opaque to the store
 */
public record AccountRow(String accountId, Instant createdAt, String body) {

    public AccountRow {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(body, "body");
    }
}
