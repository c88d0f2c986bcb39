package io.gatehouse.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The typed value parsers: every notation AWS writes, and nothing else. */
class ValuesTest {

    @Test
    void readsTheDateNotationsOfTheConditionOperatorsPage() {
        Instant noon = Instant.parse("2024-06-01T12:00:00Z");
        assertThat(Values.parseDate("2024-06-01T12:00:00Z")).isEqualTo(noon);
        assertThat(Values.parseDate("2024-06-01T12:00:00.000Z")).isEqualTo(noon);
        assertThat(Values.parseDate("2024-06-01T12:00:00.5Z")).isEqualTo(noon.plusMillis(500));
        assertThat(Values.parseDate("2024-06-01T12:00:00.123456789Z")).isEqualTo(noon.plusNanos(123_456_789));
        assertThat(Values.parseDate("2024-06-01T14:00:00+02:00")).isEqualTo(noon);
        assertThat(Values.parseDate("2024-06-01t12:00:00z")).isEqualTo(noon);
        assertThat(Values.parseDate("2024-06-01T12:00:00")).as("no zone is UTC").isEqualTo(noon);
        assertThat(Values.parseDate("2024-06-01")).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(Values.parseDate("1717243200")).as("epoch seconds").isEqualTo(noon);
        assertThat(Values.parseDate("1717243200000")).as("epoch milliseconds").isEqualTo(noon);
    }

    @Test
    void refusesDatesThatDoNotExist() {
        assertThat(Values.parseDate("2024-02-30T00:00:00Z")).isNull();
        assertThat(Values.parseDate("2023-02-29T00:00:00Z")).isNull();
        assertThat(Values.parseDate("2024-13-01T00:00:00Z")).isNull();
        assertThat(Values.parseDate("2024-06-01T24:00:00Z")).isNull();
        assertThat(Values.parseDate("2024-06-01T12:00:00.1234567890Z")).isNull();
        assertThat(Values.parseDate("2024-06-0aT12:00:00Z")).isNull();
        assertThat(Values.parseDate("tomorrow")).isNull();
        assertThat(Values.parseDate("")).isNull();
    }

    @Test
    void readsNumbersExactly() {
        assertThat(Values.parseNumber("3600")).isEqualByComparingTo("3600.0");
        assertThat(Values.parseNumber("-1.5")).isEqualByComparingTo("-1.5");
        assertThat(Values.parseNumber("1e3")).isEqualByComparingTo("1000");
        assertThat(Values.parseNumber("ten")).isNull();
        assertThat(Values.parseNumber("1e999999")).as("absurd exponents are refused").isNull();
    }

    @Test
    void readsAddressLiteralsOnly() {
        assertThat(Values.parseAddress("192.0.2.1")).containsExactly(192, 0, 2, 1);
        assertThat(Values.parseAddress("::ffff:192.0.2.1")).as("IPv4-mapped").containsExactly(192, 0, 2, 1);
        assertThat(Values.parseAddress("2001:db8::1")).hasSize(16);
        assertThat(Values.parseAddress("::")).hasSize(16);
        assertThat(Values.parseAddress("256.0.0.1")).isNull();
        assertThat(Values.parseAddress("1.2.3")).isNull();
        assertThat(Values.parseAddress("2001:db8::1::2")).isNull();
        assertThat(Values.parseAddress("localhost")).isNull();
    }

    @Test
    void readsBooleansInAnyCase() {
        assertThat(Values.parseBool("TRUE")).isTrue();
        assertThat(Values.parseBool("false")).isFalse();
        assertThat(Values.parseBool("yes")).isNull();
    }
}
