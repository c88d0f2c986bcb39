package io.gatehouse.server.api;

/**
 * Who an access key belongs to, as the signature check reports it.
 *
 * @param accountId the account
 * @param userName  the IAM user, or {@code null} for the account's root user
 * @param userId    the user's unique id, or the account id for the root user
 * @param path      the user's path, or {@code null} for the root user
 */
public record KeyOwner(String accountId, String userName, String userId, String path) {}
