package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.catalog.ManagedPolicies;
import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.Outcome;
import io.gatehouse.policy.request.Principal;
import io.gatehouse.policy.request.RequestContext;
import io.gatehouse.server.metrics.Metrics;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.SessionTag;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.PolicyCode;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What role and federated user sessions act with: their role's or user's policies limited by their session policies,
 * and their principal tags and context keys as AWS puts them in a request.
 */
class CallerPoliciesTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ACCOUNT = "111122223333";
    private static final String ROLE_ARN = "arn:aws:iam::111122223333:role/apps/deployer";
    private static final String USER_ARN = "arn:aws:iam::111122223333:user/broker";
    private static final String S3_READ = allow("s3:GetObject");

    private final PrincipalPolicies principals = new PrincipalPolicies(new AwsManagedPolicies(ManagedPolicies.get()));
    private final Metrics metrics = new Metrics();

    private static String allow(String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}";
    }

    private static InlinePolicy inline(String document) {
        return new InlinePolicy("own", document, EntityCodec.compile("own", PolicyType.IDENTITY, document,
                ParseOptions.defaultsFor(PolicyType.IDENTITY)));
    }

    private static AccountState account() {
        User broker = new User("broker", "AIDABROKER", "/", T, null, List.of(new Tag("team", "red")),
                List.of(inline(allow("s3:GetObject", "s3:PutObject"))), List.of(), List.of(), null);
        Role deployer = new Role("deployer", "AROADEPLOYER", "/apps/", T, "{}", (PolicyCode) null,
                null, 3600, null, List.of(new Tag("Team", "red"), new Tag("tier", "1")),
                List.of(inline(allow("s3:GetObject", "s3:PutObject"))), List.of(), null);
        return AccountState.of(new Account(ACCOUNT, T, List.of())).withUser(broker).withRole(deployer);
    }

    private static Caller session(SessionPrincipal principal, SessionAttributes attributes) {
        Session session = new Session("ASIAEXAMPLE", ACCOUNT, principal, T, T.plusSeconds(3600), null, attributes);
        return new Caller(ACCOUNT, Principal.parse(principal.arn()), null, principal.uniqueId(), "ASIAEXAMPLE", "aws",
                "us-east-1", session);
    }

    private static Caller federated(SessionPolicies policies) {
        return session(new SessionPrincipal(SessionPrincipal.Kind.FEDERATED_USER,
                        "arn:aws:sts::111122223333:federated-user/bob", ACCOUNT + ":bob"),
                new SessionAttributes(new SessionIssuer(USER_ARN, "AIDABROKER"), policies, List.of(), null));
    }

    private static Caller roleSession(SessionPolicies policies, List<SessionTag> tags) {
        return session(new SessionPrincipal(SessionPrincipal.Kind.ASSUMED_ROLE,
                        "arn:aws:sts::111122223333:assumed-role/deployer/build", "AROADEPLOYER:build"),
                new SessionAttributes(new SessionIssuer(ROLE_ARN, "AROADEPLOYER"), policies, tags, "alice"));
    }

    private Outcome decide(Caller caller, String action) {
        CallerPolicies policies = CallerPolicies.of(principals, account(), caller);
        RequestContext context = ContextBuilder.of(caller, new RequestFacts(T, "192.0.2.1", null, true, "us-east-1"),
                policies.principalTags()).build();
        Decision decision = Authorizer.decide(caller, policies.policies(), action,
                Target.of("arn:aws:s3:::bucket/key"), ACCOUNT, context, metrics.authorizations());
        return decision.outcome();
    }

    @Test
    void aFederatedUserWithoutSessionPoliciesMayDoNothing() {
        assertThat(decide(federated(SessionPolicies.NONE), "s3:GetObject")).isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void aFederatedUserMayDoWhatBothItsUserAndItsSessionPoliciesAllow() {
        Caller bob = federated(new SessionPolicies(S3_READ, List.of()));
        assertThat(decide(bob, "s3:GetObject")).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(bob, "s3:PutObject")).as("the user allows, the session policy not")
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
        Caller wide = federated(new SessionPolicies(allow("s3:*", "ec2:*"), List.of()));
        assertThat(decide(wide, "ec2:RunInstances")).as("the session policy allows, the user not")
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void aRoleSessionMayDoWhatBothItsRoleAndItsSessionPoliciesAllow() {
        assertThat(decide(roleSession(SessionPolicies.NONE, List.of()), "s3:PutObject")).isEqualTo(Outcome.ALLOWED);
        Caller limited = roleSession(new SessionPolicies(null, List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")),
                List.of());
        assertThat(decide(limited, "s3:GetObject")).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(limited, "s3:PutObject")).isEqualTo(Outcome.IMPLICITLY_DENIED);
        Caller missing = roleSession(new SessionPolicies(null, List.of("arn:aws:iam::111122223333:policy/Deleted")),
                List.of());
        assertThat(decide(missing, "s3:GetObject")).as("a deleted managed session policy allows nothing")
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void aRoleSessionsContextNamesTheRoleTheSessionAndItsTags() {
        Caller caller = roleSession(SessionPolicies.NONE, List.of(new SessionTag("team", "blue", true)));
        CallerPolicies policies = CallerPolicies.of(principals, account(), caller);
        assertThat(policies.principalTags()).containsExactly(new Tag("team", "blue"), new Tag("tier", "1"));
        RequestContext context = ContextBuilder.of(caller, new RequestFacts(T, "192.0.2.1", null, true, "us-east-1"),
                policies.principalTags()).build();
        assertThat(context.valueOf("aws:principalarn")).isEqualTo(ROLE_ARN);
        assertThat(context.valueOf("aws:userid")).isEqualTo("AROADEPLOYER:build");
        assertThat(context.valueOf("aws:principaltype")).isEqualTo("AssumedRole");
        assertThat(context.valueOf("aws:sourceidentity")).isEqualTo("alice");
        assertThat(context.valueOf("aws:principaltag/team")).isEqualTo("blue");
        assertThat(context.valueOf("aws:username")).isNull();
        assertThat(context.valueOf("aws:tokenissuetime")).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void aSessionOfARoleMadeAgainUnderItsNameHasNoPolicies() {
        Caller stale = session(new SessionPrincipal(SessionPrincipal.Kind.ASSUMED_ROLE,
                        "arn:aws:sts::111122223333:assumed-role/deployer/build", "AROAOLD:build"),
                new SessionAttributes(new SessionIssuer(ROLE_ARN, "AROAOLD"), SessionPolicies.NONE, List.of(), null));
        assertThat(CallerPolicies.of(principals, account(), stale)).isNull();
    }
}
