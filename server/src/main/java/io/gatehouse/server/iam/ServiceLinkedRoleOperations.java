package io.gatehouse.server.iam;

import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.iam.IamViews.RoleView;
import io.gatehouse.server.iam.ServiceLinkedRoles.Service;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.ServiceLinkedRoleDeletion;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service-linked roles: CreateServiceLinkedRole, DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus.
 *
 * <p>A service-linked role lives under {@code /aws-service-role/SERVICE/}, trusts its service, carries the AWS managed
 * policy AWS gives it, and changes only through its service (the role operations refuse to change its trust policy,
 * session duration, policies and boundary). AWS deletes one in a task that first asks the service whether resources
 * still use the role; Gatehouse holds no other service's resources, so the task completes in the change that submits
 * it and its status is {@code SUCCEEDED} from the start.
 */
final class ServiceLinkedRoleOperations {

    /** {@code task/aws-service-role/SERVICE/ROLE/UUID}: the service, the role's name, the task's UUID. */
    private static final Pattern TASK_ID = Pattern.compile("task/aws-service-role/([^/]+)/([^/]+)/([0-9a-fA-F-]{36})");
    /** The longest role name IAM takes ({@code roleNameType}). */
    private static final int MAX_ROLE_NAME = 64;

    private ServiceLinkedRoleOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateServiceLinkedRole", ServiceLinkedRoleOperations::createServiceLinkedRole);
        handlers.put("DeleteServiceLinkedRole", ServiceLinkedRoleOperations::deleteServiceLinkedRole);
        handlers.put("GetServiceLinkedRoleDeletionStatus", ServiceLinkedRoleOperations::getDeletionStatus);
    }

    static Struct createServiceLinkedRole(Call call) {
        Struct in = call.input();
        String serviceName = in.string("AWSServiceName");
        String suffix = in.string("CustomSuffix");
        Service service = ServiceLinkedRoles.find(serviceName);
        if (service == null) {
            throw AwsError.INVALID_INPUT.exception("Invalid service name: %s", serviceName);
        }
        if (suffix != null && !service.customSuffix()) {
            throw AwsError.INVALID_INPUT.exception("Custom suffix is not allowed for %s", serviceName);
        }
        String name = service.roleName(suffix);
        if (name.length() > MAX_ROLE_NAME) {
            throw AwsError.INVALID_INPUT.exception("The role name %s is longer than %d characters.", name,
                    MAX_ROLE_NAME);
        }
        String accountId = call.caller().accountId();
        call.authorize(Target.of(Arns.role(accountId, service.path(), name)),
                context -> context.put("iam:AWSServiceName", ContextValue.of(serviceName)));
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.role(name) != null) {
                throw AwsError.INVALID_INPUT.exception(
                        "Service role name %s has been taken in this account, please try a different suffix.", name);
            }
            if (account.roles().size() >= RoleOperations.MAX_ROLES) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for RolesPerAccount: %d",
                        RoleOperations.MAX_ROLES);
            }
            String trustPolicy = service.trustPolicy();
            CompiledPolicy compiled = TrustPolicies.accept(call, mutation.state(), name,
                    TrustPolicies.parse(call, trustPolicy));
            String description = in.string("Description");
            Role role = new Role(name, call.services().ids().roleId(), service.path(),
                    call.services().clock().instant(), trustPolicy, compiled,
                    description == null || description.isEmpty() ? null : description,
                    RoleOperations.DEFAULT_MAX_SESSION_DURATION, null, List.of(), List.of(),
                    List.of(service.policyArn()), null);
            mutation.putRole(accountId, role);
            Struct.Builder out = call.output();
            return out.set("Role", IamViews.role(call, out.child("Role"), role, service.trustPolicyAsCreated(),
                    RoleView.BASIC)).build();
        });
    }

    static Struct deleteServiceLinkedRole(Call call) {
        String name = call.input().string("RoleName");
        Role current = call.account().role(name);
        call.authorize(Target.of(RoleOperations.arn(call, current, name)), RoleOperations.tagged(current));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            Role role = RoleOperations.require(mutation.account(accountId), name);
            if (!role.isServiceLinked()) {
                throw AwsError.NO_SUCH_ENTITY.exception("%s exists but is not a service role.", name);
            }
            String taskId = "task" + role.path() + role.name() + "/" + UUID.randomUUID();
            mutation.removeRole(accountId, role.name());
            mutation.putRoleDeletion(accountId,
                    new ServiceLinkedRoleDeletion(taskId, call.services().clock().instant()));
            return call.output().set("DeletionTaskId", taskId).build();
        });
    }

    static Struct getDeletionStatus(Call call) {
        String taskId = call.input().string("DeletionTaskId");
        Matcher task = TASK_ID.matcher(taskId);
        if (!task.matches()) {
            throw AwsError.INVALID_INPUT.exception("Invalid task id");
        }
        String path = Role.SERVICE_LINKED_PATH + task.group(1) + "/";
        call.authorize(Target.of(Arns.role(call.caller().accountId(), path, task.group(2))), context -> {});
        if (call.account().roleDeletion(taskId) == null) {
            throw AwsError.NO_SUCH_ENTITY.exception("Cannot find deletion status for given id.");
        }
        return call.output().set("Status", "SUCCEEDED").build();
    }
}
