package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.catalog.ManagedPolicies;
import io.gatehouse.catalog.ManagedPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AWS managed policies as every account sees them. */
class AwsManagedPoliciesTest {

    private final AwsManagedPolicies policies = new AwsManagedPolicies(ManagedPolicies.get());

    @Test
    void everyPolicyIsListedOnceInNameOrder() {
        List<String> names = new ArrayList<>(policies.byName().keySet());
        assertThat(names).hasSize(ManagedPolicies.get().all().size()).isSorted();
        assertThat(policies.byName().tailMap("ReadOnlyAccess", false).firstKey()).isGreaterThan("ReadOnlyAccess");
    }

    @Test
    void idsAreAwsShapedStableAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (ManagedPolicy policy : ManagedPolicies.get().all()) {
            String id = AwsManagedPolicies.id(policy);
            assertThat(id).matches("ANPA[A-Z2-7]{17}");
            assertThat(AwsManagedPolicies.id(policy)).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(ManagedPolicies.get().all().size());
    }

    @Test
    void serviceLinkedRoleAndRootTaskPoliciesAreNotAttachable() {
        ManagedPolicy readOnly = ManagedPolicies.get().byName("ReadOnlyAccess").orElseThrow();
        assertThat(AwsManagedPolicies.isAttachable(readOnly)).isTrue();
        assertThat(AwsManagedPolicies.isServiceRolePolicy(readOnly)).isFalse();
        for (ManagedPolicy policy : ManagedPolicies.get().all()) {
            boolean special = policy.path().startsWith("/aws-service-role/") || policy.path().startsWith("/root-task/");
            assertThat(AwsManagedPolicies.isAttachable(policy)).as(policy.arn()).isEqualTo(!special);
        }
    }

    @Test
    void everyAttachablePolicyCompilesForTheEngine() {
        for (ManagedPolicy policy : ManagedPolicies.get().all()) {
            if (AwsManagedPolicies.isAttachable(policy)) {
                assertThat(policies.compiled(policy.arn())).as(policy.arn()).isNotNull();
            }
        }
    }
}
