/**
 * The Gatehouse server: HTTP (Helidon SE), the AWS Query protocol driven by the botocore service models, SigV4
 * authentication, authorization by the policy engine over an in-memory snapshot, the IAM and STS operations, the
 * durable store and the audit record. One package per concern: {@code http}, {@code protocol}, {@code auth},
 * {@code authz}, {@code iam}, {@code sts}, {@code store}, {@code audit}.
 */
package io.gatehouse.server;
