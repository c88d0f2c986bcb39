package io.gatehouse.server.sts;

import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.request.Principal;
import io.gatehouse.policy.request.RequestContext;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.Authorizer;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.authz.CallerPolicies;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.SessionTag;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AssumeRole (STS API Reference): credentials of a role session for an IAM user or role session of any account on
 * this server. The role's trust policy, evaluated by the engine as the role's resource-based policy, and the caller's
 * identity-based policies decide together as AWS's evaluation logic says (the engine's rules 6 to 8,
 * docs/engine.md): within one account a trust policy naming the caller itself is enough, one naming the account needs
 * the caller's identity policies to allow {@code sts:AssumeRole} too; across accounts both must allow; identity
 * policies alone never do. Passing session tags needs {@code sts:TagSession}, setting a source identity
 * {@code sts:SetSourceIdentity}, passing {@code ProvidedContexts} {@code sts:SetContext} (with
 * {@code sts:RequestContextProviders} in the context), decided the same way.
 *
 * <p>{@code ProvidedContexts} carry trusted context assertions that a context provider (IAM Identity Center's
 * trusted identity propagation) made for AWS STS to open. Gatehouse has no context provider, so no assertion can be
 * opened: once the policies allow {@code sts:SetContext}, the request is refused with {@code InvalidParameterValue}
 * rather than given a session without the context it asked for.
 *
 * <p>The request context of those decisions holds what AWS puts there for AssumeRole: the caller's global keys, the
 * role's tags ({@code aws:ResourceTag/*}), {@code sts:ExternalId}, {@code sts:RoleSessionName},
 * {@code sts:SourceIdentity}, {@code aws:RequestTag/*}, {@code aws:TagKeys}, {@code sts:TransitiveTagKeys}, and
 * {@code aws:MultiFactorAuthPresent}/{@code aws:MultiFactorAuthAge} when the caller proves an MFA code with the request
 * (or its session was authenticated with one). A denial is worded as STS words it, without a reason: "User: CALLER is
 * not authorized to perform: sts:AssumeRole on resource: ROLE"; a role that does not exist is denied the same way.
 *
 * <p>A call for a role of another account on this server is audited in both accounts when it succeeds, in the caller's
 * only when it is refused ({@link Call#alsoAuditIn}).
 */
final class AssumeRoleOperation {

    static final String ASSUME_ROLE = "sts:AssumeRole";
    static final String TAG_SESSION = "sts:TagSession";
    static final String SET_SOURCE_IDENTITY = "sts:SetSourceIdentity";
    static final String SET_CONTEXT = "sts:SetContext";
    /** The duration when none is asked for (STS API Reference: "defaults to one hour"). */
    static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    /** The longest session a role session may get for another role ("role chaining"). */
    static final Duration CHAINED_MAX_DURATION = Duration.ofHours(1);

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role(/(?:[^/]+/)*)([^/]+)");

    private AssumeRoleOperation() {}

    static Struct assumeRole(Call call) {
        Caller caller = call.caller();
        Struct input = call.input();
        if (caller.isRoot()) {
            throw AwsError.ACCESS_DENIED.exception("Roles may not be assumed by root accounts.");
        }
        boolean chained = caller.principal().kind() == Principal.Kind.ASSUMED_ROLE;
        Duration duration = input.has("DurationSeconds")
                ? Duration.ofSeconds(input.integer("DurationSeconds")) : DEFAULT_DURATION;
        if (chained && duration.compareTo(CHAINED_MAX_DURATION) > 0) {
            throw AwsError.VALIDATION_ERROR.exception(
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        SessionPolicies sessionPolicies = SessionPolicyParameters.of(call);
        List<Tag> requestedTags = SessionTagParameters.requested(input);
        List<String> transitiveKeys = SessionTagParameters.transitiveKeys(input, requestedTags);
        Session callerSession = caller.session();
        List<SessionTag> inherited = callerSession == null ? List.of() : callerSession.attributes().tags();
        List<SessionTag> tags = SessionTagParameters.sessionTags(inherited, requestedTags, transitiveKeys);
        String inheritedSource = callerSession == null ? null : callerSession.attributes().sourceIdentity();
        String requestedSource = input.string("SourceIdentity");

        String roleArn = input.string("RoleArn");
        Role role = role(call, roleArn);
        String roleAccount = role == null ? null : accountOf(call, roleArn);
        String canonicalRoleArn = role == null ? null : Arns.role(roleAccount, role.path(), role.name());
        String shownRoleArn = role == null ? roleArn : Arns.render(canonicalRoleArn, caller.partition());
        Instant now = call.facts().time();
        Sessions sessions = call.services().sessions();
        Instant mfaAt = SessionTokenOperation.mfa(call, sessions, now);
        if (mfaAt == null && callerSession != null) {
            mfaAt = callerSession.mfaAuthenticatedAt();
        }
        if (role == null) {
            throw denied(caller, ASSUME_ROLE, shownRoleArn);
        }

        CallerPolicies callerPolicies = call.callerPolicies(ASSUME_ROLE, Target.of(canonicalRoleArn));
        PolicySet policies = callerPolicies.policies().withResource(role.compiledTrustPolicy());
        ContextBuilder context = ContextBuilder.of(caller, call.facts(), callerPolicies.principalTags())
                .resourceAccount(roleAccount)
                .identityTags(role.tags())
                .put("sts:RoleSessionName", ContextValue.of(input.string("RoleSessionName")));
        if (mfaAt != null) {
            context.put("aws:MultiFactorAuthPresent", ContextValue.single(ContextType.BOOL, "true"))
                    .put("aws:MultiFactorAuthAge", ContextValue.single(ContextType.NUMERIC,
                            Long.toString(Math.max(0, Duration.between(mfaAt, now).toSeconds()))));
        }
        if (input.string("ExternalId") != null) {
            context.put("sts:ExternalId", ContextValue.of(input.string("ExternalId")));
        }
        String sourceIdentity = inheritedSource != null ? inheritedSource : requestedSource;
        SessionTagParameters.putSessionKeys(context, sourceIdentity, requestedTags, transitiveKeys);
        List<String> contextProviders = contextProviders(input);
        if (!contextProviders.isEmpty()) {
            context.put("sts:RequestContextProviders", ContextValue.multi(ContextType.ARN, contextProviders));
        }
        RequestContext built = context.build();
        Target target = Target.of(canonicalRoleArn);
        decideOrDeny(call, policies, ASSUME_ROLE, target, roleAccount, built, shownRoleArn);
        if (!tags.isEmpty()) {
            decideOrDeny(call, policies, TAG_SESSION, target, roleAccount, built, shownRoleArn);
        }
        if (sourceIdentity != null) {
            // Once set along a chain, the source identity cannot change (IAM User Guide, "Monitor and control actions
            // taken with assumed roles"); a request naming another one is refused as one not allowed to set it.
            if (inheritedSource != null && requestedSource != null && !requestedSource.equals(inheritedSource)) {
                throw denied(caller, SET_SOURCE_IDENTITY, shownRoleArn);
            }
            decideOrDeny(call, policies, SET_SOURCE_IDENTITY, target, roleAccount, built, shownRoleArn);
        }
        if (!contextProviders.isEmpty()) {
            decideOrDeny(call, policies, SET_CONTEXT, target, roleAccount, built, shownRoleArn);
            throw AwsError.INVALID_PARAMETER_VALUE.exception("The context assertion of %s could not be verified: this "
                    + "server has no trusted context provider.", contextProviders.getFirst());
        }
        checkMaxSessionDuration(role, duration);
        // Every check passed: AWS logs a cross-account AssumeRole "in the calling account and the account where the AWS
        // STS operation is performed", but "does not log denied AWS STS requests in the target account's CloudTrail"
        // (IAM User Guide, "Logging IAM and AWS STS API calls with AWS CloudTrail").
        call.alsoAuditIn(roleAccount);

        SessionAttributes attributes = new SessionAttributes(new SessionIssuer(canonicalRoleArn, role.id()),
                sessionPolicies, tags, sourceIdentity);
        Struct.Builder output = issueRoleSession(call, role, roleAccount, input.string("RoleSessionName"), duration,
                mfaAt, attributes);
        if (sourceIdentity != null) {
            output.set("SourceIdentity", sourceIdentity);
        }
        return output.build();
    }

    /**
     * The provider ARNs of the request's {@code ProvidedContexts}, in order ({@code sts:RequestContextProviders});
     * none without the parameter. A provided context lacking its provider or its assertion is refused.
     */
    private static List<String> contextProviders(Struct input) {
        if (!input.has("ProvidedContexts")) {
            return List.of();
        }
        List<String> providers = new ArrayList<>();
        for (Struct provided : input.structs("ProvidedContexts")) {
            String provider = provided.string("ProviderArn");
            if (provider == null || provided.string("ContextAssertion") == null) {
                throw AwsError.INVALID_PARAMETER_VALUE.exception(
                        "Each provided context needs a ProviderArn and a ContextAssertion.");
            }
            providers.add(provider);
        }
        return providers;
    }

    /** Refuses a duration longer than the role's {@code MaxSessionDuration}, in STS's words. */
    static void checkMaxSessionDuration(Role role, Duration duration) {
        if (duration.getSeconds() > role.maxSessionDuration()) {
            throw AwsError.VALIDATION_ERROR.exception(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
    }

    /**
     * Issues a session of {@code role} named {@code sessionName} and answers its {@code Credentials},
     * {@code PackedPolicySize} and {@code AssumedRoleUser} (the AssumeRole family's common answer).
     */
    static Struct.Builder issueRoleSession(Call call, Role role, String roleAccount, String sessionName,
                                           Duration duration, Instant mfaAt, SessionAttributes attributes) {
        SessionPrincipal principal = new SessionPrincipal(SessionPrincipal.Kind.ASSUMED_ROLE,
                assumedRoleArn(roleAccount, role.name(), sessionName), role.id() + ":" + sessionName);
        Sessions.Issued issued = call.services().sessions().issue(roleAccount, principal, call.facts().time(),
                duration, mfaAt, attributes);
        Struct.Builder output = IssuedCredentials.set(call.output(), issued);
        Struct user = output.child("AssumedRoleUser")
                .set("AssumedRoleId", principal.uniqueId())
                .set("Arn", Arns.render(principal.arn(), call.caller().partition()))
                .build();
        return output.set("AssumedRoleUser", user);
    }

    /** {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}: the role's name without its path, as AWS writes it. */
    static String assumedRoleArn(String accountId, String roleName, String sessionName) {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
    }

    /** The role an ARN names exactly (path included) in any account of the server, or {@code null}. */
    static Role role(Call call, String roleArn) {
        Matcher arn = roleArnMatcher(call, roleArn);
        if (arn == null) {
            return null;
        }
        AccountState account = call.state().account(arn.group(1));
        Role role = account == null ? null : account.role(arn.group(3));
        return role != null && role.path().equals(arn.group(2)) ? role : null;
    }

    /** The account a role ARN names, or {@code null} when it is no role ARN. */
    static String accountOf(Call call, String roleArn) {
        Matcher arn = roleArnMatcher(call, roleArn);
        return arn == null ? null : arn.group(1);
    }

    private static Matcher roleArnMatcher(Call call, String roleArn) {
        String canonical = Arns.canonical(roleArn, call.caller().partition());
        Matcher arn = canonical == null ? null : ROLE_ARN.matcher(canonical);
        return arn != null && arn.matches() ? arn : null;
    }

    private static void decideOrDeny(Call call, PolicySet policies, String action, Target target, String roleAccount,
                                     RequestContext context, String shownRoleArn) {
        Decision decision = Authorizer.decide(call.caller(), policies, action, target, roleAccount, context,
                call.authorizations());
        if (!decision.isAllowed()) {
            throw denied(call.caller(), action, shownRoleArn);
        }
    }

    /** STS's AccessDenied, which names no reason. */
    static AwsException denied(Caller caller, String action, String shownResource) {
        return AwsError.ACCESS_DENIED.exception("User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + shownResource);
    }
}
