package io.gatehouse.server.sts;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Tag;
import java.time.Duration;
import java.util.List;

/**
 * GetFederationToken (STS API Reference): a federated user session for an IAM user (or root user) calling with a
 * long-term access key, {@code arn:PARTITION:sts::ACCOUNT:federated-user/NAME} with the unique id
 * {@code ACCOUNT:NAME}. Its permissions are the intersection of the calling user's policies and the session
 * policies passed; without session policies it has none ("if you do not pass any session policies, then the resulting
 * federated user session has no permissions"). It needs {@code sts:GetFederationToken} on the federated user's ARN,
 * and {@code sts:TagSession} to pass session tags. Session callers are refused before (SessionRestrictions).
 */
final class FederationTokenOperation {

    /** The duration when none is asked for: 12 hours. */
    static final Duration DEFAULT_DURATION = Duration.ofHours(12);

    private FederationTokenOperation() {}

    static Struct getFederationToken(Call call) {
        Caller caller = call.caller();
        String name = call.input().string("Name");
        String federatedArn = "arn:aws:sts::" + caller.accountId() + ":federated-user/" + name;
        SessionPolicies policies = SessionPolicyParameters.of(call);
        List<Tag> requestedTags = SessionTagParameters.requested(call.input());
        call.authorize("sts:GetFederationToken", federatedArn);
        if (!requestedTags.isEmpty()) {
            call.authorize("sts:TagSession", federatedArn, context -> context.requestTags(requestedTags));
        }
        // The model bounds DurationSeconds to 900..129600; the root user's sessions last an hour at most, as with
        // GetSessionToken ("Temporary credentials obtained by using the root user credentials have a maximum duration
        // of 3,600 seconds").
        Duration duration = call.input().has("DurationSeconds")
                ? Duration.ofSeconds(call.input().integer("DurationSeconds")) : DEFAULT_DURATION;
        if (caller.isRoot() && duration.compareTo(SessionTokenOperation.ROOT_MAX_DURATION) > 0) {
            duration = SessionTokenOperation.ROOT_MAX_DURATION;
        }
        SessionIssuer issuer = caller.isRoot()
                ? new SessionIssuer(Arns.root(caller.accountId()), caller.accountId())
                : new SessionIssuer(caller.principal().id(), caller.userId());
        SessionPrincipal principal = new SessionPrincipal(SessionPrincipal.Kind.FEDERATED_USER, federatedArn,
                caller.accountId() + ":" + name);
        SessionAttributes attributes = new SessionAttributes(issuer, policies,
                SessionTagParameters.sessionTags(List.of(), requestedTags, List.of()), null);
        Sessions.Issued issued = call.services().sessions().issue(caller.accountId(), principal, call.facts().time(),
                duration, null, attributes);
        Struct.Builder output = IssuedCredentials.set(call.output(), issued);
        Struct user = output.child("FederatedUser")
                .set("FederatedUserId", principal.uniqueId())
                .set("Arn", Arns.render(federatedArn, caller.partition()))
                .build();
        return output.set("FederatedUser", user).build();
    }
}
