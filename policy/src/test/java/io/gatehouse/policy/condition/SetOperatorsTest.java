package io.gatehouse.policy.condition;

import static io.gatehouse.policy.condition.ConditionFixture.EMPTY;
import static io.gatehouse.policy.condition.ConditionFixture.condition;
import static io.gatehouse.policy.condition.ConditionFixture.context;
import static io.gatehouse.policy.condition.ConditionFixture.holds;
import static io.gatehouse.policy.condition.ConditionFixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Set operators on multi-valued keys, from the IAM User Guide's "Single-valued vs. multivalued context keys" and
 * "Condition operators": ForAllValues holds when every request value matches (and for a missing key or an empty
 * set), ForAnyValue when at least one does (never for a missing key or an empty set).
 */
class SetOperatorsTest {

    @Test
    void forAllValuesRequiresEveryRequestValueToMatchSomePolicyValue() {
        Condition c = condition("ForAllValues:StringEquals", "aws:TagKeys", "team", "env");
        assertThat(holds(c, context("aws:TagKeys", set("team", "env")))).isTrue();
        assertThat(holds(c, context("aws:TagKeys", set("team")))).isTrue();
        assertThat(holds(c, context("aws:TagKeys", set("team", "cost")))).isFalse();
    }

    @Test
    void forAllValuesHoldsForAMissingKeyAndAnEmptySet() {
        Condition c = condition("ForAllValues:StringEquals", "aws:TagKeys", "team");
        assertThat(holds(c, EMPTY)).isTrue();
        assertThat(holds(c, context("aws:TagKeys", set()))).isTrue();
    }

    @Test
    void forAnyValueRequiresOneRequestValueToMatch() {
        Condition c = condition("ForAnyValue:StringEquals", "aws:TagKeys", "team");
        assertThat(holds(c, context("aws:TagKeys", set("cost", "team")))).isTrue();
        assertThat(holds(c, context("aws:TagKeys", set("cost")))).isFalse();
        assertThat(holds(c, EMPTY)).isFalse();
        assertThat(holds(c, context("aws:TagKeys", set()))).isFalse();
    }

    @Test
    void negatedOperatorsApplyPerRequestValue() {
        Condition noneDenied = condition("ForAllValues:StringNotEquals", "aws:TagKeys", "secret");
        assertThat(holds(noneDenied, context("aws:TagKeys", set("team", "env")))).isTrue();
        assertThat(holds(noneDenied, context("aws:TagKeys", set("team", "secret")))).isFalse();
        Condition someOther = condition("ForAnyValue:StringNotEquals", "aws:TagKeys", "team");
        assertThat(holds(someOther, context("aws:TagKeys", set("team", "env")))).isTrue();
        assertThat(holds(someOther, context("aws:TagKeys", set("team")))).isFalse();
        assertThat(holds(someOther, EMPTY)).isFalse();
    }

    @Test
    void aSingleValuedKeyIsASetOfOne() {
        assertThat(holds(condition("ForAllValues:StringEquals", "k", "a", "b"), context("k", "a"))).isTrue();
        assertThat(holds(condition("ForAnyValue:StringLike", "k", "a*"), context("k", "abc"))).isTrue();
    }

    @Test
    void anOperatorWithoutSetQualifierDoesNotMatchAMultiValuedKey() {
        assertThat(holds(condition("StringEquals", "aws:TagKeys", "team"), context("aws:TagKeys", set("team")))).isFalse();
        assertThat(holds(condition("StringNotEquals", "aws:TagKeys", "x"), context("aws:TagKeys", set("team")))).isFalse();
    }

    @Test
    void ifExistsCombinesWithSetQualifiers() {
        assertThat(holds(condition("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", "team"), EMPTY)).isTrue();
    }
}
