package io.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Policy size quotas: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html,
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
class PolicySizeQuotaTest {

    @Test
    void iamDoesNotCountWhiteSpace() {
        assertThat(PolicySizeQuota.managedPolicy().measure("{ \"a\" :\n\t\"b c\" }\r")).isEqualTo(10);
        assertThat(PolicySizeQuota.organizationsPolicy(5120).measure("{ \"a\" : 1 }")).isEqualTo(11);
        assertThat(PolicySizeQuota.managedPolicy().measure(null)).isZero();
    }

    @Test
    void inlineQuotasAreAggregatesNamedAfterTheirEntity() {
        // Reported from AWS: https://github.com/HumanCellAtlas/data-store/issues/1963,
        // https://github.com/serverless/serverless/issues/7643
        PolicySizeQuota group = PolicySizeQuota.groupInline("travis-ci");
        assertThat(group.limit()).isEqualTo(5120);
        assertThat(group.admits(5120)).isTrue();
        assertThat(group.admits(5121)).isFalse();
        assertThat(group.problem()).isEqualTo(new PolicyProblem(PolicyProblem.LIMIT_EXCEEDED,
                "Maximum policy size of 5120 bytes exceeded for group travis-ci", 0, 0, ""));
        assertThat(PolicySizeQuota.roleInline("r").message()).isEqualTo("Maximum policy size of 10240 bytes exceeded for role r");
        assertThat(PolicySizeQuota.userInline("u").message()).isEqualTo("Maximum policy size of 2048 bytes exceeded for user u");
    }

    @Test
    void eachTypeHasADefaultQuota() {
        assertThat(PolicySizeQuota.defaultFor(PolicyType.IDENTITY).message()).isEqualTo("Cannot exceed quota for PolicySize: 6144");
        assertThat(PolicySizeQuota.defaultFor(PolicyType.BOUNDARY).limit()).isEqualTo(6144);
        assertThat(PolicySizeQuota.defaultFor(PolicyType.TRUST).message()).isEqualTo("Cannot exceed quota for ACLSizePerRole: 2048");
        assertThat(PolicySizeQuota.defaultFor(PolicyType.SESSION).limit()).isEqualTo(2048);
        assertThat(PolicySizeQuota.defaultFor(PolicyType.SESSION).counting()).isEqualTo(PolicySizeQuota.Counting.ALL_CHARACTERS);
        assertThat(PolicySizeQuota.defaultFor(PolicyType.SCP).limit()).isEqualTo(5120);
        assertThat(PolicySizeQuota.defaultFor(PolicyType.RCP).code()).isEqualTo("ConstraintViolationException");
        assertThat(PolicySizeQuota.defaultFor(PolicyType.ENDPOINT).limit()).isEqualTo(20480);
        assertThat(PolicySizeQuota.defaultFor(PolicyType.RESOURCE).limit()).isEqualTo(32768);
    }

    @Test
    void aQuotaNeedsAllItsParts() {
        assertThatThrownBy(() -> new PolicySizeQuota(-1, PolicySizeQuota.Counting.ALL_CHARACTERS, "c", "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
