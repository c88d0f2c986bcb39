package io.gatehouse.server.api;

import io.gatehouse.server.session.Session;

/**
 * Who an access key belongs to, as the signature check reports it.
 *
 * @param accountId the account
 * @param userName  the IAM user, or {@code null} for the account's root user
 * @param userId    the user's unique id, or the account id for the root user
 * @param path      the user's path, or {@code null} for the root user
 * @param session   the session of a temporary key, or {@code null} for a long-term key
 */
public record KeyOwner(String accountId, String userName, String userId, String path, Session session) {

    /** The owner of a long-term key. */
    public KeyOwner(String accountId, String userName, String userId, String path) {
        this(accountId, userName, userId, path, null);
    }
}
