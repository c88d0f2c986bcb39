package io.gatehouse.policy.engine;

import static io.gatehouse.policy.engine.EngineFixture.ACCOUNT;
import static io.gatehouse.policy.engine.EngineFixture.ALLOW_ALL;
import static io.gatehouse.policy.engine.EngineFixture.ALLOW_GET;
import static io.gatehouse.policy.engine.EngineFixture.BUCKET_OBJECT;
import static io.gatehouse.policy.engine.EngineFixture.ROLE;
import static io.gatehouse.policy.engine.EngineFixture.SESSION;
import static io.gatehouse.policy.engine.EngineFixture.identity;
import static io.gatehouse.policy.engine.EngineFixture.policy;
import static io.gatehouse.policy.engine.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A principal's policy set reused with each session's policies and each resource's policy. */
class PolicySetTest {

    private final PolicySet role = PolicySet.builder().identity(identity(ALLOW_ALL)).build();

    @Test
    void withSessionLimitsThePrincipalsPoliciesAndLeavesTheSetItself() {
        PolicySet session = role.withSession(List.of(policy(PolicyType.SESSION, ALLOW_GET)));
        assertThat(PolicyEngine.decide(request(SESSION, "s3:GetObject", BUCKET_OBJECT, ACCOUNT), session).outcome())
                .isEqualTo(Outcome.ALLOWED);
        assertThat(PolicyEngine.decide(request(SESSION, "s3:PutObject", BUCKET_OBJECT, ACCOUNT), session).outcome())
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(PolicyEngine.decide(request(SESSION, "s3:PutObject", BUCKET_OBJECT, ACCOUNT), role).outcome())
                .isEqualTo(Outcome.ALLOWED);
        assertThat(role.withSession(List.of()).hasSessionPolicies()).isFalse();
    }

    @Test
    void withResourceAddsATrustPolicyThatMustAllowTheAssumeRoleFamily() {
        String target = "arn:aws:iam::111122223333:role/target";
        CompiledPolicy trustsRole = policy(PolicyType.TRUST,
                "[{'Effect':'Allow','Principal':{'AWS':'" + ROLE + "'},'Action':'sts:AssumeRole'}]");
        assertThat(PolicyEngine.decide(request(SESSION, "sts:AssumeRole", target, ACCOUNT), role).outcome())
                .as("identity policies alone never let a role be assumed").isEqualTo(Outcome.IMPLICITLY_DENIED);
        PolicySet withTrust = role.withResource(trustsRole);
        assertThat(PolicyEngine.decide(request(SESSION, "sts:AssumeRole", target, ACCOUNT), withTrust).outcome())
                .isEqualTo(Outcome.ALLOWED);
        PolicySet limited = withTrust.withSession(List.of(policy(PolicyType.SESSION, ALLOW_GET)));
        assertThat(PolicyEngine.decide(request(SESSION, "sts:AssumeRole", target, ACCOUNT), limited).outcome())
                .as("a grant to the role behind the session is limited by its session policies")
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
    }
}
