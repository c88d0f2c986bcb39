package io.gatehouse.policy.parse;

/**
 * An error as AWS words it.
 *
 * @param code the AWS error code
 * @param text the AWS error message
 */
record Message(String code, String text) {}
