package io.gatehouse.policy.condition;

import static io.gatehouse.policy.condition.ConditionFixture.EMPTY;
import static io.gatehouse.policy.condition.ConditionFixture.condition;
import static io.gatehouse.policy.condition.ConditionFixture.context;
import static io.gatehouse.policy.condition.ConditionFixture.holds;
import static io.gatehouse.policy.condition.ConditionFixture.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.request.ContextType;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The numeric, date, Boolean, binary, IP address, ARN and Null operator families of the IAM User Guide's
 * "IAM JSON policy elements: Condition operators".
 */
class TypedOperatorsTest {

    @Test
    void numericOperatorsCompareDecimalValues() {
        var age = context("aws:MultiFactorAuthAge", typed(ContextType.NUMERIC, "3600"));
        assertThat(holds(condition("NumericEquals", "aws:MultiFactorAuthAge", "3600.0"), age)).isTrue();
        assertThat(holds(condition("NumericNotEquals", "aws:MultiFactorAuthAge", "3600"), age)).isFalse();
        assertThat(holds(condition("NumericLessThan", "aws:MultiFactorAuthAge", "3600"), age)).isFalse();
        assertThat(holds(condition("NumericLessThanEquals", "aws:MultiFactorAuthAge", "3600"), age)).isTrue();
        assertThat(holds(condition("NumericGreaterThan", "aws:MultiFactorAuthAge", "3599.5"), age)).isTrue();
        assertThat(holds(condition("NumericGreaterThanEquals", "aws:MultiFactorAuthAge", "3601"), age)).isFalse();
    }

    @Test
    void numericValuesThatAreNotNumbersMatchNothingEvenNegated() {
        var value = context("k", typed(ContextType.NUMERIC, "10"));
        assertThat(holds(condition("NumericNotEquals", "k", "ten"), value)).isFalse();
        assertThat(holds(condition("NumericEquals", "k", "10"), context("k", "ten"))).isFalse();
        assertThat(holds(condition("NumericNotEquals", "k", "10"), context("k", "ten"))).isFalse();
    }

    @Test
    void dateOperatorsCompareInstantsInAnyNotation() {
        var now = context("aws:CurrentTime", typed(ContextType.DATE, "2024-06-01T12:00:00Z"));
        assertThat(holds(condition("DateLessThan", "aws:CurrentTime", "2030-01-01T00:00:00Z"), now)).isTrue();
        assertThat(holds(condition("DateGreaterThan", "aws:CurrentTime", "2024-06-01T11:59:59+00:00"), now)).isTrue();
        assertThat(holds(condition("DateEquals", "aws:CurrentTime", "1717243200"), now)).as("epoch seconds").isTrue();
        assertThat(holds(condition("DateEquals", "aws:CurrentTime", "2024-06-01T14:00:00+02:00"), now)).as("offset").isTrue();
        assertThat(holds(condition("DateNotEquals", "aws:CurrentTime", "2024-06-01"), now)).isTrue();
        assertThat(holds(condition("DateEquals", "aws:CurrentTime", "2024-06-01"),
                context("aws:CurrentTime", typed(ContextType.DATE, "2024-06-01T00:00:00Z")))).as("a date is its midnight UTC").isTrue();
        assertThat(holds(condition("DateLessThanEquals", "aws:CurrentTime", "2024-06-01T12:00:00.000Z"), now)).isTrue();
        assertThat(holds(condition("DateGreaterThanEquals", "aws:CurrentTime", "not a date"), now)).isFalse();
    }

    @Test
    void boolComparesTrueAndFalseInAnyCase() {
        var secure = context("aws:SecureTransport", typed(ContextType.BOOL, "true"));
        assertThat(holds(condition("Bool", "aws:SecureTransport", "true"), secure)).isTrue();
        assertThat(holds(condition("Bool", "aws:SecureTransport", "TRUE"), secure)).isTrue();
        assertThat(holds(condition("Bool", "aws:SecureTransport", "false"), secure)).isFalse();
        assertThat(holds(condition("BoolIfExists", "aws:MultiFactorAuthPresent", "false"), EMPTY)).isTrue();
        assertThat(holds(condition("Bool", "aws:MultiFactorAuthPresent", "false"), EMPTY)).isFalse();
    }

    @Test
    void binaryEqualsComparesDecodedBytes() {
        String value = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
        assertThat(holds(condition("BinaryEquals", "k", value), context("k", typed(ContextType.BINARY, value)))).isTrue();
        assertThat(holds(condition("BinaryEquals", "k", "AAAA"), context("k", typed(ContextType.BINARY, value)))).isFalse();
    }

    @Test
    void ipAddressMatchesIpv4AndIpv6Blocks() {
        var v4 = context("aws:SourceIp", typed(ContextType.IP_ADDRESS, "203.0.113.10"));
        var v6 = context("aws:SourceIp", typed(ContextType.IP_ADDRESS, "2001:db8:85a3::8a2e:370:7334"));
        Condition c = condition("IpAddress", "aws:SourceIp", "203.0.113.0/24", "2001:db8::/32");
        assertThat(holds(c, v4)).isTrue();
        assertThat(holds(c, v6)).isTrue();
        assertThat(holds(condition("IpAddress", "aws:SourceIp", "203.0.113.10"), v4)).as("a bare address is a /32").isTrue();
        assertThat(holds(condition("IpAddress", "aws:SourceIp", "198.51.100.0/24"), v4)).isFalse();
        assertThat(holds(condition("NotIpAddress", "aws:SourceIp", "198.51.100.0/24"), v4)).isTrue();
        assertThat(holds(condition("NotIpAddress", "aws:SourceIp", "203.0.113.0/25"), v4)).isFalse();
        assertThat(holds(condition("IpAddress", "aws:SourceIp", "203.0.113.0/24"), v6)).as("families differ").isFalse();
    }

    @Test
    void addressesThatAreNotAddressesMatchNothingEvenNegated() {
        assertThat(holds(condition("NotIpAddress", "aws:SourceIp", "10.0.0.0/8"), context("aws:SourceIp", "not-an-ip"))).isFalse();
        assertThat(holds(condition("NotIpAddress", "aws:SourceIp", "10.0.0.0/33"),
                context("aws:SourceIp", typed(ContextType.IP_ADDRESS, "192.0.2.1")))).isFalse();
        assertThat(holds(condition("IpAddress", "aws:SourceIp", "example.com"),
                context("aws:SourceIp", typed(ContextType.IP_ADDRESS, "192.0.2.1")))).as("no name lookups").isFalse();
    }

    @Test
    void arnOperatorsCompareEachPartWithWildcards() {
        var source = context("aws:SourceArn", typed(ContextType.ARN, "arn:aws:sns:us-east-1:111122223333:topic"));
        assertThat(holds(condition("ArnEquals", "aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:topic"), source)).isTrue();
        assertThat(holds(condition("ArnLike", "aws:SourceArn", "arn:aws:sns:*:111122223333:*"), source)).isTrue();
        assertThat(holds(condition("ArnLike", "aws:SourceArn", "arn:aws:sns:*:444455556666:*"), source)).isFalse();
        assertThat(holds(condition("ArnNotLike", "aws:SourceArn", "arn:aws:sns:*:444455556666:*"), source)).isTrue();
        assertThat(holds(condition("ArnNotEquals", "aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:topic"), source)).isFalse();
    }

    @Test
    void arnOperatorsDoNotCompareValuesThatAreNotArns() {
        assertThat(holds(condition("ArnNotLike", "aws:SourceArn", "arn:aws:s3:::b"), context("aws:SourceArn", "arn:::x"))).isFalse();
        var source = context("aws:SourceArn", "arn:aws:s3:::b");
        assertThat(holds(condition("ArnNotLike", "aws:SourceArn", "arn:::x"), source)).isFalse();
    }

    @Test
    void nullTestsWhetherTheKeyIsAbsent() {
        assertThat(holds(condition("Null", "aws:TokenIssueTime", "true"), EMPTY)).isTrue();
        assertThat(holds(condition("Null", "aws:TokenIssueTime", "false"), EMPTY)).isFalse();
        var present = context("aws:TokenIssueTime", typed(ContextType.DATE, "2024-06-01T00:00:00Z"));
        assertThat(holds(condition("Null", "aws:TokenIssueTime", "false"), present)).isTrue();
        assertThat(holds(condition("Null", "aws:TokenIssueTime", "true"), present)).isFalse();
        assertThat(ConditionFixture.missingKeys(condition("Null", "aws:TokenIssueTime", "true"), EMPTY)).isEmpty();
    }

    /** "Multivalued context key examples": Null false keeps "context keys with empty values" out. */
    @Test
    void nullTreatsAnEmptySetAsNoValue() {
        var empty = context("aws:TagKeys", ConditionFixture.set());
        assertThat(holds(condition("Null", "aws:TagKeys", "false"), empty)).isFalse();
        assertThat(holds(condition("Null", "aws:TagKeys", "true"), empty)).isTrue();
    }

    @Test
    void anUnknownOperatorNeverHolds() {
        assertThat(holds(condition("StringEqualz", "k", "v"), context("k", "v"))).isFalse();
        assertThat(holds(condition("stringequals", "k", "v"), context("k", "v"))).as("operator names are case-sensitive").isFalse();
        assertThat(ConditionOperator.parse("NullIfExists")).isNull();
    }
}
