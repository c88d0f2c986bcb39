package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.catalog.ManagedPolicies;
import io.gatehouse.policy.request.Principal;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.metrics.Metrics;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authorization of Gatehouse's own API, worded as AWS words it. */
class AuthorizerTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ACCOUNT = "111122223333";
    private final PrincipalPolicies policies = new PrincipalPolicies(new AwsManagedPolicies(ManagedPolicies.get()));
    private final Metrics metrics = new Metrics();

    private static InlinePolicy inline(String document) {
        return new InlinePolicy("p", document, EntityCodec.compile("p", PolicyType.IDENTITY, document,
                ParseOptions.inline(PolicySizeQuota.userInline("bob"))));
    }

    private static Caller bob() {
        return new Caller(ACCOUNT, Principal.parse("arn:aws:iam::111122223333:user/bob"), "bob", "AIDABOB", "AKIABOB",
                "aws", "us-east-1");
    }

    private static RequestFacts facts() {
        return new RequestFacts(T, "192.0.2.1", "test", true, "us-east-1");
    }

    private void decide(User user, String action, String resource) {
        AccountState account = AccountState.of(new Account(ACCOUNT, T, List.of())).withUser(user);
        Authorizer.authorize(bob(), policies.forUser(account, user), action, Target.of(resource), ACCOUNT,
                ContextBuilder.of(bob(), facts(), user.tags()).build(), metrics.authorizations());
    }

    private static User bobWith(List<InlinePolicy> inline, List<String> attached, List<Tag> tags) {
        return new User("bob", "AIDABOB", "/", T, null, tags, inline, attached, List.of(), null);
    }

    @Test
    void deniesWithAwsWordingWhenNoIdentityPolicyAllows() {
        assertThatThrownBy(() -> decide(bobWith(List.of(), List.of(), List.of()), "iam:CreateUser",
                "arn:aws:iam::111122223333:user/alice"))
                .isInstanceOf(AwsException.class)
                .satisfies(e -> assertThat(((AwsException) e).error()).isEqualTo(AwsError.ACCESS_DENIED))
                .hasMessage("User: arn:aws:iam::111122223333:user/bob is not authorized to perform: iam:CreateUser on "
                        + "resource: arn:aws:iam::111122223333:user/alice because no identity-based policy allows the "
                        + "iam:CreateUser action");
    }

    @Test
    void saysWhenAnExplicitDenyDecided() {
        User user = bobWith(List.of(inline("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}")),
                List.of("arn:aws:iam::aws:policy/AdministratorAccess"), List.of());
        assertThatThrownBy(() -> decide(user, "iam:CreateUser", "arn:aws:iam::111122223333:user/alice"))
                .hasMessageEndingWith("with an explicit deny in an identity-based policy");
    }

    @Test
    void awsManagedPoliciesAttachedToTheUserAllow() {
        decide(bobWith(List.of(), List.of("arn:aws:iam::aws:policy/IAMReadOnlyAccess"), List.of()), "iam:GetUser",
                "arn:aws:iam::111122223333:user/alice");
        assertThatThrownBy(() -> decide(bobWith(List.of(), List.of("arn:aws:iam::aws:policy/IAMReadOnlyAccess"), List.of()),
                "iam:CreateUser", "arn:aws:iam::111122223333:user/alice")).isInstanceOf(AwsException.class);
    }

    @Test
    void principalTagsReachConditions() {
        User user = bobWith(List.of(inline("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"iam:GetUser\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"red\"}}}]}")),
                List.of(), List.of(new Tag("team", "red")));
        decide(user, "iam:GetUser", "arn:aws:iam::111122223333:user/alice");
    }

    @Test
    void everyDecisionIsCountedByActionAndResult() {
        User reader = bobWith(List.of(), List.of("arn:aws:iam::aws:policy/IAMReadOnlyAccess"), List.of());
        User denied = bobWith(List.of(inline("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}")), List.of("arn:aws:iam::aws:policy/IAMReadOnlyAccess"),
                List.of());
        decide(reader, "iam:GetUser", "arn:aws:iam::111122223333:user/alice");
        decide(reader, "iam:GetUser", "arn:aws:iam::111122223333:user/alice");
        assertThatThrownBy(() -> decide(reader, "iam:CreateUser", "arn:aws:iam::111122223333:user/alice"));
        assertThatThrownBy(() -> decide(denied, "iam:GetUser", "arn:aws:iam::111122223333:user/alice"));

        assertThat(metrics.scrape().lines().filter(line -> line.startsWith("gatehouse_authorization_decisions_total")))
                .containsExactly(
                        "gatehouse_authorization_decisions_total{action=\"iam:CreateUser\",result=\"implicit_deny\"} 1",
                        "gatehouse_authorization_decisions_total{action=\"iam:GetUser\",result=\"allow\"} 2",
                        "gatehouse_authorization_decisions_total{action=\"iam:GetUser\",result=\"explicit_deny\"} 1");
    }

    @Test
    void arnsAreShownInTheRequestsPartition() {
        Caller china = new Caller(ACCOUNT, Principal.parse("arn:aws:iam::111122223333:user/bob"), "bob", "AIDABOB",
                "AKIABOB", "aws-cn", "cn-north-1");
        assertThat(china.arn()).isEqualTo("arn:aws-cn:iam::111122223333:user/bob");
    }
}
