package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pieces of the canonical request, and the time and region formats. */
class CanonicalFormTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|/", "/|/", "//|/", "/./|/", "/a/./b/../c/|/a/c/", "/a/b/..|/a", "/../../a|/a", "a|/a",
            "/a b|/a%20b", "/%20|/%2520", "/a%2Fb/|/a%252Fb/", "/ሴ|/%E1%88%B4", "/-._~|/-._~", "/a+b=c|/a%2Bb%3Dc",
            "/..|/", "/a//b//|/a/b/"})
    void path(String raw, String canonical) {
        assertThat(UriEncoding.canonicalPath(raw)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|''",
            "b=2&a=1|a=1&b=2",
            "a=2&a=1&a=10|a=1&a=10&a=2",
            "a&b=|a=&b=",
            "&&a=1&&|a=1",
            "a=x+y|a=x%20y",
            "a=%2b%2f|a=%2B%2F",
            "a=%zz&b=%|a=%25zz&b=%25",
            "a=%41%7e|a=A~",
            "a=1=2|a=1%3D2",
            "%E1%88%B4=1&P=2&P-3=3|%E1%88%B4=1&P=2&P-3=3",
            "é=ሴ|%C3%A9=%E1%88%B4",
            "X-Amz-Signature=abc&a=1|X-Amz-Signature=abc&a=1"})
    void query(String raw, String canonical) {
        assertThat(QueryString.parse(raw, 100).canonical(false)).isEqualTo(canonical);
    }

    @Test
    void presignedQueryLeavesTheSignatureOut() {
        assertThat(QueryString.parse("a=1&X-Amz-Signature=abc&X-Amz-Date=x", 100).canonical(true))
                .isEqualTo("X-Amz-Date=x&a=1");
    }

    @Test
    void queryDecodesParameters() {
        QueryString query = QueryString.parse("X-Amz-Credential=AKID%2F20240101%2Fus-east-1&t=a+b%2Bc", 100);

        assertThat(query.first("X-Amz-Credential")).isEqualTo("AKID/20240101/us-east-1");
        assertThat(query.first("t")).isEqualTo("a b+c");
        assertThat(query.first("x-amz-credential")).isNull();
    }

    @Test
    void queryParameterCountIsBounded() {
        assertThat(QueryString.parse("a&b&c", 3)).isNotNull();
        assertThat(QueryString.parse("a&b&c&d", 3)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"20240229T235959Z, 2024-02-29T23:59:59Z", "00010101T000000Z, 0001-01-01T00:00:00Z",
            "99991231T235959Z, 9999-12-31T23:59:59Z"})
    void basicTime(String text, Instant instant) {
        assertThat(AmzDate.parseBasic(text)).isEqualTo(instant);
        assertThat(AmzDate.formatBasic(instant)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20230229T000000Z", "20241301T000000Z", "20240100T000000Z", "20240101T000060Z",
            "20240101T006000Z", "2024010lT000000Z", "20240101 000000Z", "20240101T000000z", "+2024101T000000Z", ""})
    void notBasicTime(String text) {
        assertThat(AmzDate.parseBasic(text)).isNull();
    }

    @Test
    void dateHeader() {
        assertThat(AmzDate.parseDateHeader("Mon, 01 Jan 2024 00:00:00 GMT")).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(AmzDate.parseDateHeader("20240101T000000Z")).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(AmzDate.parseDateHeader("Mon, 01 Jan 2024 00:00:00 GMT" + " ".repeat(40))).isNull();
        assertThat(AmzDate.parseDateHeader("Tue, 01 Jan 2024 00:00:00 GMT")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-central-2", "us-gov-west-1", "cn-northwest-1", "us-isob-east-1",
            "eusc-de-east-1", "ap-southeast-5", "aws-global", "aws-us-gov-global", "aws-eusc-global"})
    void regions(String region) {
        assertThat(SigV4Verifier.isRegion(region)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "us", "us-east", "useast1", "US-EAST-1", "us-east-", "-us-east-1", "us--east-1",
            "us-east-1a", "us_east_1", "global", "aws-moon-global", "us-global", "1s-east-1", "us-east-1 ",
            "a-very-long-region-name-of-no-cloud-1"})
    void notRegions(String region) {
        assertThat(SigV4Verifier.isRegion(region)).isFalse();
    }
}
