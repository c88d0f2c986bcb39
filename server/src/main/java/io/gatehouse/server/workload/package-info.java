/**
 * Roles for workloads: the container-credentials endpoint every AWS SDK's default credential chain reads
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}). An operator issues a
 * workload a bearer token bound to a role or an instance profile ({@link io.gatehouse.server.workload.WorkloadTokens});
 * the workload's SDK trades it for temporary credentials of a role session
 * ({@link io.gatehouse.server.workload.WorkloadCredentials}).
 */
package io.gatehouse.server.workload;
