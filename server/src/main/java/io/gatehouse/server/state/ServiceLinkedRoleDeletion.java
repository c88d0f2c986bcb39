package io.gatehouse.server.state;

import java.time.Instant;

/**
 * A deletion of a service-linked role that {@code DeleteServiceLinkedRole} submitted. Gatehouse hosts no resources of
 * other services that could still use the role, so a deletion completes in the change that submits it; the record
 * stays so that {@code GetServiceLinkedRoleDeletionStatus} can report it.
 *
 * @param taskId    the task id, {@code task/aws-service-role/SERVICE-PRINCIPAL/ROLE-NAME/UUID}
 * @param submitted when it was submitted (and completed)
 */
public record ServiceLinkedRoleDeletion(String taskId, Instant submitted) {}
