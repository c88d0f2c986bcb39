package io.gatehouse.server.api;

import io.gatehouse.server.authz.Authorizer;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.authz.CallerPolicies;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.RequestFacts;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.metrics.AuthorizationMetrics;
import io.gatehouse.server.protocol.Operation;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.QueryRequest;
import io.gatehouse.server.protocol.QueryProtocol;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.SessionTag;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.Mutation;
import io.gatehouse.server.state.Tag;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One API call on its way through an operation handler: who calls, what they asked, the state as it was when the
 * call began, and the means to authorize, change and answer.
 */
public final class Call {

    private final Services services;
    private final QueryProtocol protocol;
    private final Operation operation;
    private final Struct input;
    private final Caller caller;
    private final RequestFacts facts;
    private final String requestId;
    private final GatehouseState snapshot;
    private final AuditRecorder audit;
    private final AuthorizationMetrics authorizations;
    private boolean audited;
    private Caller identified;
    private String otherAuditedAccount;
    private List<SessionTag> assertedSessionTags = List.of();

    Call(Services services, QueryProtocol protocol, Operation operation, Struct input, Caller caller, RequestFacts facts,
         String requestId, AuditRecorder audit, AuthorizationMetrics authorizations) {
        this.services = services;
        this.protocol = protocol;
        this.operation = operation;
        this.input = input;
        this.caller = caller;
        this.facts = facts;
        this.requestId = requestId;
        this.snapshot = services.state().current();
        this.audit = audit;
        this.authorizations = authorizations;
    }

    public Services services() {
        return services;
    }

    public Operation operation() {
        return operation;
    }

    /** The validated input. */
    public Struct input() {
        return input;
    }

    public Caller caller() {
        return caller;
    }

    /**
     * Names who made an unsigned call once the operation has authenticated them by other means (the SAML user of
     * AssumeRoleWithSAML, the web identity user of AssumeRoleWithWebIdentity): its audit event, of success or
     * failure, names them instead of the provider or anonymous caller the call began as.
     */
    public void identify(Caller who) {
        if (!caller.isUnsigned()) {
            throw new IllegalStateException("only an unsigned call is identified by its operation");
        }
        this.identified = who;
    }

    /**
     * Records the call's audit event in {@code accountId} too when that is not the caller's account and the call
     * succeeds: the account owning what the call acts on (the role of a cross-account AssumeRole), which CloudTrail gives
     * its own copy of the event ({@link AuditRecorder}). A call that fails is recorded in the caller's account only, as
     * CloudTrail "does not log denied AWS STS requests in the target account's CloudTrail": no caller can write into
     * another account's trail by calls it is refused.
     */
    public void alsoAuditIn(String accountId) {
        this.otherAuditedAccount = accountId;
    }

    /** The other account the call's audit event goes to ({@link #alsoAuditIn}), or {@code null}. */
    String otherAuditedAccount() {
        return otherAuditedAccount;
    }

    /**
     * Names the session tags an identity provider asserted for the call (AssumeRoleWithSAML's attributes,
     * AssumeRoleWithWebIdentity's token), which its audit event records among the request parameters as CloudTrail
     * does ({@code principalTags}, {@code transitiveTagKeys}); the request itself does not carry them.
     */
    public void auditAssertedSessionTags(List<SessionTag> tags) {
        this.assertedSessionTags = List.copyOf(tags);
    }

    /** The session tags {@link #auditAssertedSessionTags} named, perhaps none. */
    List<SessionTag> assertedSessionTags() {
        return assertedSessionTags;
    }

    /** The caller the call's audit event names. */
    Caller auditedCaller() {
        return identified != null ? identified : caller;
    }

    public RequestFacts facts() {
        return facts;
    }

    public String requestId() {
        return requestId;
    }

    /** The committed state when the call began. */
    public GatehouseState state() {
        return snapshot;
    }

    /** The caller's account as it was when the call began. */
    public AccountState account() {
        AccountState account = snapshot.account(caller.accountId());
        if (account == null) {
            throw AwsError.INVALID_CLIENT_TOKEN_ID.exception();
        }
        return account;
    }

    /** An ARN in the partition of the request. */
    public String arn(String canonicalArn) {
        return Arns.render(canonicalArn, caller.partition());
    }

    /** The page a listing call asks for (its Marker and MaxItems). */
    public PageRequest page() {
        return PageRequest.of(new QueryRequest(operation, input));
    }

    /** A builder for the operation's output. */
    public Struct.Builder output() {
        return protocol.output(operation);
    }

    /** What an operation whose response has no result returns. */
    public Struct noOutput() {
        return null;
    }

    /**
     * Authorizes the caller for {@code action} on a resource of its own account; throws AccessDenied with AWS's
     * message when the policies do not allow it.
     *
     * @param canonicalResource the resource ARN in canonical form, or {@code *}
     * @param context           adds what the operation puts in the request context (tags, service keys)
     */
    public void authorize(String action, String canonicalResource, Consumer<ContextBuilder> context) {
        authorize(action, Target.of(canonicalResource), context);
    }

    /**
     * {@link #authorize(String, String, Consumer)} on a target whose denial may name it otherwise than by its ARN
     * ({@code user bob}).
     */
    public void authorize(String action, Target target, Consumer<ContextBuilder> context) {
        if (caller.isRoot()) {
            return; // The root user may do everything in its own account (no SCPs apply to it here yet).
        }
        CallerPolicies policies = callerPolicies(action, target);
        ContextBuilder builder = ContextBuilder.of(caller, facts, policies.principalTags())
                .resourceAccount(caller.accountId());
        context.accept(builder);
        Authorizer.authorize(caller, policies.policies(), action, target, caller.accountId(), builder.build(),
                authorizations);
    }

    /**
     * What the caller acts with, for an operation that authorizes with more than the caller's own policies (AssumeRole
     * adds the role's trust policy). A session whose principal is gone is refused {@code action} on {@code target}
     * as a caller without policies.
     */
    public CallerPolicies callerPolicies(String action, Target target) {
        CallerPolicies policies = CallerPolicies.of(services.policies(), account(), caller);
        if (policies == null) {
            if (caller.hasSession()) {
                // The session's user or role was deleted (and perhaps another made under its name): its policies are
                // gone, so its temporary credentials, which stay valid until they expire, are allowed nothing.
                throw Authorizer.notAllowed(caller, action, target);
            }
            throw AwsError.INVALID_CLIENT_TOKEN_ID.exception();
        }
        return policies;
    }

    /** How many decisions are counted, for operations that decide themselves. */
    public AuthorizationMetrics authorizations() {
        return authorizations;
    }

    /** {@link #authorize(String, String, Consumer)} with the global context only. */
    public void authorize(String action, String canonicalResource) {
        authorize(action, canonicalResource, context -> {});
    }

    /** {@link #authorize} for the action named after the operation in the service's prefix ({@code iam:CreateUser}). */
    public void authorize(String canonicalResource, Consumer<ContextBuilder> context) {
        authorize(audit.actionOf(operation), canonicalResource, context);
    }

    /** {@link #authorize(String, Target, Consumer)} for the action named after the operation. */
    public void authorize(Target target, Consumer<ContextBuilder> context) {
        authorize(audit.actionOf(operation), target, context);
    }

    /** Tags on a resource as context keys ({@code aws:ResourceTag/...}). */
    public static Consumer<ContextBuilder> resourceTags(List<Tag> tags) {
        return context -> context.resourceTags(tags);
    }

    /**
     * Makes a change and waits until it is durable. The change returns the call's output, which the call's audit
     * event records in the same transaction.
     */
    public Struct write(Function<Mutation, Struct> change) {
        Struct output = services.state().apply(mutation -> {
            Struct result = change.apply(mutation);
            audit.success(this, result).forEach(mutation::audit);
            return result;
        });
        audited = true;
        return output;
    }

    /** Whether the call's audit event was already written with its change. */
    boolean audited() {
        return audited;
    }
}
