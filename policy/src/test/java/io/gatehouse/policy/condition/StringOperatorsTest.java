package io.gatehouse.policy.condition;

import static io.gatehouse.policy.condition.ConditionFixture.EMPTY;
import static io.gatehouse.policy.condition.ConditionFixture.condition;
import static io.gatehouse.policy.condition.ConditionFixture.context;
import static io.gatehouse.policy.condition.ConditionFixture.holds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** IAM User Guide, "IAM JSON policy elements: Condition operators", "String condition operators". */
class StringOperatorsTest {

    @Test
    void stringEqualsIsExactAndCaseSensitive() {
        Condition c = condition("StringEquals", "aws:PrincipalTag/team", "red");
        assertThat(holds(c, context("aws:PrincipalTag/team", "red"))).isTrue();
        assertThat(holds(c, context("aws:PrincipalTag/team", "Red"))).isFalse();
        assertThat(holds(c, context("aws:PrincipalTag/team", "re*"))).isFalse();
    }

    @Test
    void stringEqualsTreatsWildcardsLiterally() {
        Condition c = condition("StringEquals", "s3:prefix", "home/*");
        assertThat(holds(c, context("s3:prefix", "home/*"))).isTrue();
        assertThat(holds(c, context("s3:prefix", "home/alice"))).isFalse();
    }

    @Test
    void severalValuesOfOneKeyAreOred() {
        Condition c = condition("StringEquals", "aws:RequestedRegion", "us-east-1", "eu-west-1");
        assertThat(holds(c, context("aws:RequestedRegion", "eu-west-1"))).isTrue();
        assertThat(holds(c, context("aws:RequestedRegion", "ap-south-1"))).isFalse();
    }

    @Test
    void manyConstantValuesBehaveLikeFew() {
        Condition c = condition("StringEquals", "k", "a", "b", "c", "d", "e", "f");
        assertThat(holds(c, context("k", "f"))).isTrue();
        assertThat(holds(c, context("k", "g"))).isFalse();
        assertThat(holds(condition("StringNotEquals", "k", "a", "b", "c", "d", "e", "f"), context("k", "g"))).isTrue();
    }

    @Test
    void conditionKeyNamesAreCaseInsensitive() {
        assertThat(holds(condition("StringEquals", "AWS:PRINCIPALTAG/Team", "red"), context("aws:principaltag/team", "red"))).isTrue();
    }

    @Test
    void stringNotEqualsHoldsWhenNoValueMatches() {
        Condition c = condition("StringNotEquals", "aws:RequestedRegion", "us-east-1", "eu-west-1");
        assertThat(holds(c, context("aws:RequestedRegion", "ap-south-1"))).isTrue();
        assertThat(holds(c, context("aws:RequestedRegion", "us-east-1"))).isFalse();
    }

    @Test
    void ignoreCaseOperatorsFoldCase() {
        assertThat(holds(condition("StringEqualsIgnoreCase", "k", "ReD"), context("k", "rEd"))).isTrue();
        assertThat(holds(condition("StringNotEqualsIgnoreCase", "k", "ReD"), context("k", "rEd"))).isFalse();
        assertThat(holds(condition("StringNotEqualsIgnoreCase", "k", "ReD"), context("k", "blue"))).isTrue();
    }

    @Test
    void stringLikeSupportsStarAndQuestionMark() {
        Condition c = condition("StringLike", "s3:prefix", "home/*", "tmp/??");
        assertThat(holds(c, context("s3:prefix", "home/alice/"))).isTrue();
        assertThat(holds(c, context("s3:prefix", "tmp/ab"))).isTrue();
        assertThat(holds(c, context("s3:prefix", "tmp/abc"))).isFalse();
        assertThat(holds(condition("StringNotLike", "s3:prefix", "home/*"), context("s3:prefix", "etc/"))).isTrue();
    }

    @Test
    void variablesInValuesAreSubstituted() {
        Condition c = condition("StringLike", "s3:prefix", "home/${aws:username}/*");
        assertThat(holds(c, context("s3:prefix", "home/alice/x", "aws:username", "alice"))).isTrue();
        assertThat(holds(c, context("s3:prefix", "home/bob/x", "aws:username", "alice"))).isFalse();
        Condition tags = condition("StringEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/team}");
        assertThat(holds(tags, context("aws:ResourceTag/team", "red", "aws:PrincipalTag/team", "red"))).isTrue();
    }

    /**
     * "Policy variables with no value": the value is effectively null; "inverted condition operators like
     * StringNotEquals or StringNotLike do match against a null value".
     */
    @Test
    void aVariableWithoutValueIsNullWhichOnlyNegatedOperatorsMatch() {
        assertThat(holds(condition("StringEquals", "k", "${aws:username}"), context("k", "x"))).isFalse();
        assertThat(holds(condition("StringLike", "k", "${aws:username}*"), context("k", "x"))).isFalse();
        assertThat(holds(condition("StringNotEquals", "k", "${aws:username}"), context("k", "x"))).isTrue();
        assertThat(holds(condition("StringNotLike", "k", "${aws:username}"), context("k", "x"))).isTrue();
        assertThat(holds(condition("ArnNotLike", "k", "arn:aws:iam::1:user/${aws:username}"),
                context("k", "arn:aws:iam::1:user/x"))).isTrue();
    }

    @Test
    void aVariableDefaultIsUsedWhenTheKeyIsAbsent() {
        Condition c = condition("StringEquals", "k", "${aws:PrincipalTag/team, 'none'}");
        assertThat(holds(c, context("k", "none"))).isTrue();
    }

    /** "Condition operators": if the key is not present, the condition is false, but negated forms are true. */
    @Test
    void missingKeyIsFalseForPositiveAndTrueForNegatedOperators() {
        assertThat(holds(condition("StringEquals", "k", "v"), EMPTY)).isFalse();
        assertThat(holds(condition("StringLike", "k", "*"), EMPTY)).isFalse();
        assertThat(holds(condition("StringNotEquals", "k", "v"), EMPTY)).isTrue();
        assertThat(holds(condition("StringNotLike", "k", "v"), EMPTY)).isTrue();
    }

    @Test
    void ifExistsIsTrueForAMissingKeyAndOtherwiseTheOperator() {
        Condition c = condition("StringEqualsIfExists", "k", "v");
        assertThat(holds(c, EMPTY)).isTrue();
        assertThat(holds(c, context("k", "v"))).isTrue();
        assertThat(holds(c, context("k", "w"))).isFalse();
        assertThat(holds(condition("StringNotEqualsIfExists", "k", "v"), context("k", "v"))).isFalse();
    }

    @Test
    void aMissingKeyIsReportedOnceByName() {
        assertThat(ConditionFixture.missingKeys(condition("StringEquals", "aws:PrincipalTag/Team", "v"), EMPTY))
                .containsExactly("aws:PrincipalTag/Team");
    }
}
