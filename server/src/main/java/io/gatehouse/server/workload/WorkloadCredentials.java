package io.gatehouse.server.workload;

import io.gatehouse.server.protocol.JsonObjects;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.state.InstanceProfile;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.store.AuditEvent;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container-credentials endpoint ({@code GET /v1/workload-credentials}): trades a workload's bearer token for
 * temporary credentials of its role, a new role session at every call (the SDKs call again before their credentials
 * expire). The answer is the JSON the SDKs' container providers read (botocore's {@code ContainerProvider}, the Java
 * SDK's {@code ContainerCredentialsProvider}): {@code AccessKeyId}, {@code SecretAccessKey}, {@code Token},
 * {@code Expiration} (ISO 8601), with {@code RoleArn} and {@code AccountId} as ECS's endpoint adds them.
 *
 * <p>The session is the one AssumeRole would make: principal {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}
 * (the session name the token was issued with), unique id {@code ROLE_ID:SESSION}, issued by the role, no session
 * policies or tags; it lasts an hour, or less when the token expires sooner. The token stands for the operator who
 * issued it with access to the data, so no trust policy is evaluated (as the operator of an EC2 instance profile or ECS
 * task role is trusted by AWS's service principal, not per call).
 *
 * <p>A missing header is answered 401, every other refusal 403 with one message: a caller learns neither whether a
 * token existed, nor whether it expired, nor whether its role exists. Each issuance leaves an audit event
 * ({@link WorkloadCredentialsEvent}), queued like the events of reads.
 */
public final class WorkloadCredentials {

    /** The path the endpoint answers on. */
    public static final String PATH = "/v1/workload-credentials";
    /** The longest session issued. */
    static final Duration SESSION_DURATION = Duration.ofHours(1);
    static final WorkloadAnswer MISSING = refusal(401, "Unauthorized",
            "The request has no Authorization header: set AWS_CONTAINER_AUTHORIZATION_TOKEN to the workload token.");
    static final WorkloadAnswer REFUSED = refusal(403, "AccessDenied",
            "The authorization token is not valid.");

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadCredentials.class);

    private final WorkloadTokens tokens;
    private final Sessions sessions;
    private final Supplier<GatehouseState> state;
    private final Ids ids;
    private final Consumer<AuditEvent> audit;

    /**
     * @param state the server's current state, where the token's role is looked up
     * @param audit records the events of issued credentials without making the answer wait
     */
    public WorkloadCredentials(WorkloadTokens tokens, Sessions sessions, Supplier<GatehouseState> state, Ids ids,
                               Consumer<AuditEvent> audit) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.state = state;
        this.ids = ids;
        this.audit = audit;
    }

    /** Credentials for the request's token, or its refusal. */
    public WorkloadAnswer answer(WorkloadRequest request) {
        if (request.authorization() == null || request.authorization().isBlank()) {
            return MISSING;
        }
        Optional<WorkloadToken> found = tokens.find(request.authorization().strip());
        if (found.isEmpty() || !found.get().validAt(request.time())) {
            return REFUSED;
        }
        WorkloadToken token = found.get();
        AccountState account = state.get().account(token.accountId());
        InstanceProfile profile = account == null || token.instanceProfileName() == null ? null
                : account.instanceProfile(token.instanceProfileName());
        String roleName = token.roleName() != null ? token.roleName()
                : profile == null || profile.roleNames().isEmpty() ? null : profile.roleNames().getFirst();
        Role role = account == null || roleName == null ? null : account.role(roleName);
        if (role == null) {
            LOG.warn("workload token {} is bound to {} {} of account {}, which does not exist (or has no role): refused",
                    token.id(), token.roleName() != null ? "role" : "instance profile",
                    token.roleName() != null ? token.roleName() : token.instanceProfileName(), token.accountId());
            return REFUSED;
        }
        String roleArn = Arns.role(token.accountId(), role.path(), role.name());
        // Whole seconds, as AWS's times are; credentials never outlive the token that yielded them.
        Duration duration = Duration.ofSeconds(Math.min(SESSION_DURATION.toSeconds(),
                Duration.between(request.time(), token.expiresAt()).toSeconds()));
        if (duration.isZero()) {
            return REFUSED;
        }
        SessionPrincipal principal = new SessionPrincipal(SessionPrincipal.Kind.ASSUMED_ROLE,
                "arn:aws:sts::" + token.accountId() + ":assumed-role/" + role.name() + "/" + token.sessionName(),
                role.id() + ":" + token.sessionName());
        Sessions.Issued issued = sessions.issue(token.accountId(), principal, request.time(), duration, null,
                new SessionAttributes(new SessionIssuer(roleArn, role.id()), SessionPolicies.NONE, List.of(), null));
        Session session = issued.content().session();
        String profileArn = profile == null ? null
                : Arns.instanceProfile(token.accountId(), profile.path(), profile.name());
        audit.accept(WorkloadCredentialsEvent.of(ids.eventId(request.time()), ids.requestId(), request, token, roleArn,
                profileArn, session));
        return new WorkloadAnswer(200, credentials(issued, roleArn));
    }

    private static String credentials(Sessions.Issued issued, String roleArn) {
        Session session = issued.content().session();
        return JsonObjects.write(json -> {
            json.writeStringField("AccessKeyId", session.accessKeyId());
            json.writeStringField("SecretAccessKey", issued.content().secretAccessKey());
            json.writeStringField("Token", issued.token());
            json.writeStringField("Expiration", DateTimeFormatter.ISO_INSTANT.format(session.expiresAt()));
            json.writeStringField("RoleArn", roleArn);
            json.writeStringField("AccountId", session.accountId());
        });
    }

    private static WorkloadAnswer refusal(int status, String code, String message) {
        return new WorkloadAnswer(status, JsonObjects.write(json -> {
            json.writeStringField("code", code);
            json.writeStringField("message", message);
        }));
    }
}
