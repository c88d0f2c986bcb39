package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.request.Principal;
import io.gatehouse.policy.request.RequestContext;
import io.gatehouse.server.session.FederationKey;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.session.SessionPrincipal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request context of a call: the global keys and the keys a session carries. */
class ContextBuilderTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ACCOUNT = "111122223333";
    private static final String ROLE = "arn:aws:iam::111122223333:role/federated";
    private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/federated/alice";
    private static final String PROVIDER = "arn:aws:iam::111122223333:oidc-provider/idp.example.com";

    private static RequestContext contextOf(List<FederationKey> federationKeys) {
        SessionAttributes attributes = new SessionAttributes(new SessionIssuer(ROLE, "AROAFEDERATED"),
                SessionPolicies.NONE, List.of(), "alice", PROVIDER, federationKeys);
        Session session = new Session("ASIAFEDERATED", ACCOUNT, new SessionPrincipal(SessionPrincipal.Kind.ASSUMED_ROLE,
                SESSION, "AROAFEDERATED:alice"), T, T.plusSeconds(3600), null, attributes);
        Caller caller = new Caller(ACCOUNT, Principal.parse(SESSION), null, "AROAFEDERATED:alice", "ASIAFEDERATED",
                "aws", "us-east-1", session);
        return ContextBuilder.of(caller, new RequestFacts(T, "192.0.2.1", "test", true, "us-east-1"), List.of())
                .build();
    }

    @Test
    void aSessionsRequestsCarryTheIdentityProvidersKeys() {
        RequestContext context = contextOf(List.of(new FederationKey("idp.example.com:sub", false, List.of("alice")),
                new FederationKey("idp.example.com:amr", true, List.of("pwd", "mfa"))));

        assertThat(context.find("idp.example.com:sub").value(0)).isEqualTo("alice");
        assertThat(context.find("idp.example.com:amr").isMultiValued()).isTrue();
        assertThat(context.find("aws:SourceIdentity").value(0)).isEqualTo("alice");
    }

    @Test
    void anIdentityProvidersKeyNamedLikeAGlobalKeyDoesNotOverrideIt() {
        RequestContext context = contextOf(List.of(
                new FederationKey("aws:SourceIdentity", false, List.of("mallory")),
                new FederationKey("AWS:FEDERATEDPROVIDER", false, List.of("arn:aws:iam::444455556666:oidc-provider/x")),
                new FederationKey("aws:PrincipalArn", false, List.of("arn:aws:iam::111122223333:role/admin")),
                new FederationKey("aws:MultiFactorAuthPresent", false, List.of("true"))));

        assertThat(context.find("aws:SourceIdentity").value(0)).isEqualTo("alice");
        assertThat(context.find("aws:FederatedProvider").value(0)).isEqualTo(PROVIDER);
        assertThat(context.find("aws:PrincipalArn").value(0)).isEqualTo(ROLE);
        assertThat(context.find("aws:MultiFactorAuthPresent").value(0)).isEqualTo("false");
    }
}
