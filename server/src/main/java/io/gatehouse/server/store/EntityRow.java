package io.gatehouse.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An entity as stored: one user, group, role, policy, access key… of an account.
 *
 * @param accountId the account the entity belongs to
 * @param kind what the entity is ({@code user}, {@code role}…), chosen by the server
 * @param key the entity's unique key within account and kind, chosen by the server (for example the lower-cased
 *     user name, since IAM names are unique regardless of case)
 * @param version 1 when first put, one more on every later put; a delete forgets it
 * @param body the JSON the server wrote, opaque to the store
 * @param updatedAt when the current version was written
 */
public record EntityRow(String accountId, String kind, String key, long version, String body, Instant updatedAt) {

    public EntityRow {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
