package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal, with AWS's code, status and exact message (docs/sigv4.md gives the sources). */
class SigV4ErrorTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final String ZEROS = "0".repeat(64);
    static final String CREDENTIAL = SdkSigning.ACCESS_KEY + "/20240101/us-east-1/iam/aws4_request";
    static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
            + ", SignedHeaders=host;x-amz-date, Signature=" + ZEROS;
    static final String PRESIGN = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
            + CREDENTIAL.replace("/", "%2F") + "&X-Amz-Date=20240101T000000Z&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=" + ZEROS;

    final RecordingLookup lookup = new RecordingLookup();
    final SigV4Verifier<String> verifier =
            new SigV4Verifier<>(lookup, Clock.fixed(T0, ZoneOffset.UTC), List.of("iam", "sts"));

    static SigV4Request request(String query, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("Host", List.of("iam.amazonaws.com"));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] == null) {
                map.remove(headers[i]);
            } else {
                map.put(headers[i], List.of(headers[i + 1]));
            }
        }
        return new SigV4Request("GET", "/", query, map, Payload.empty());
    }

    static SigV4Request signedWith(String authorization, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "X-Amz-Date";
        all[1] = "20240101T000000Z";
        all[2] = "Authorization";
        all[3] = authorization;
        System.arraycopy(headers, 0, all, 4, headers.length);
        return request("", all);
    }

    void assertRefused(SigV4Request request, AwsError error, int status, String message) {
        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOf(AwsException.class).hasMessage(message)
                .satisfies(e -> {
                    assertThat(((AwsException) e).error()).isEqualTo(error);
                    assertThat(((AwsException) e).error().status()).isEqualTo(status);
                    assertThat(((AwsException) e).error().fault()).isEqualTo(AwsError.Fault.SENDER);
                });
    }

    @Test
    void noAuthenticationAtAll() {
        assertRefused(request("Action=ListUsers&Version=2010-05-08"), AwsError.MISSING_AUTHENTICATION_TOKEN, 403,
                "Request is missing Authentication Token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer token", "AWS AKIAIOSFODNN7EXAMPLE:c2lnbmF0dXJl", ""})
    void authorizationOfAnotherScheme(String authorization) {
        assertRefused(signedWith(authorization), AwsError.MISSING_AUTHENTICATION_TOKEN, 403,
                "Request is missing Authentication Token");
    }

    @Test
    void presignedWithAnotherAlgorithm() {
        assertRefused(request(PRESIGN.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256")),
                AwsError.MISSING_AUTHENTICATION_TOKEN, 403, "Request is missing Authentication Token");
    }

    @Test
    void headerAndQueryBoth() {
        assertRefused(request(PRESIGN, "Authorization", AUTHORIZATION, "X-Amz-Date", "20240101T000000Z"),
                AwsError.SIGNATURE_DOES_NOT_MATCH, 403,
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    @Test
    void authorizationWithoutAnything() {
        assertRefused(request("", "Authorization", "AWS4-HMAC-SHA256"), AwsError.INCOMPLETE_SIGNATURE, 400,
                "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' "
                        + "parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header "
                        + "requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                        + "Authorization=AWS4-HMAC-SHA256");
    }

    @Test
    void authorizationWithCredentialOnly() {
        assertRefused(signedWith("AWS4-HMAC-SHA256 Credential=ABCDEF"), AwsError.INCOMPLETE_SIGNATURE, 400,
                "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' "
                        + "parameter. Authorization=AWS4-HMAC-SHA256 Credential=ABCDEF");
    }

    @Test
    void authorizationPairWithoutEqualSign() {
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIAXXXXXXXXXX /20150620/us-east-1/cloudformation/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=240c93ba3610c73bde4e52dd5a93dd61a80b3ba28"
                + "71208d7365c9cc7032d5c6f";
        assertRefused(signedWith(authorization), AwsError.INCOMPLETE_SIGNATURE, 400,
                "'/20150620/us-east-1/cloudformation/aws4_request' not a valid key=value pair (missing equal-sign) in "
                        + "Authorization header: '" + authorization + "'.");
    }

    @Test
    void presignedWithoutItsParameters() {
        assertRefused(request("Action=ListUsers&X-Amz-Algorithm=AWS4-HMAC-SHA256"), AwsError.INCOMPLETE_SIGNATURE,
                400, "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must "
                        + "include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
                        + "AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string "
                        + "parameters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"201", "2024-01-01T00:00:00Z", "20240230T000000Z", "20240101T240000Z", "20240101T000000",
            "Mon, 01 Jan 2024 00:00:00 GMT", ""})
    void amzDateNotInBasicFormat(String date) {
        assertRefused(signedWith(AUTHORIZATION, "X-Amz-Date", date), AwsError.INCOMPLETE_SIGNATURE, 400,
                "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void dateHeaderInRfc1123IsAccepted() {
        SigV4Request request = signedWith(AUTHORIZATION, "X-Amz-Date", null, "Date", "Mon, 01 Jan 2024 00:00:00 GMT");

        assertRefused(request, AwsError.SIGNATURE_DOES_NOT_MATCH, 403,
                AwsError.SIGNATURE_DOES_NOT_MATCH.defaultMessage());
        assertThat(lookup.asked).containsExactly(SdkSigning.ACCESS_KEY);
    }

    @Test
    void dateHeaderInNeitherForm() {
        assertRefused(signedWith(AUTHORIZATION, "X-Amz-Date", null, "Date", "yesterday"),
                AwsError.INCOMPLETE_SIGNATURE, 400,
                "Date must be in ISO-8601 'basic format'. Got 'yesterday'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc|X-Amz-Expires should be a number",
            "1e3|X-Amz-Expires should be a number",
            "-1|X-Amz-Expires must be non-negative",
            "604801|X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less "
                    + "than 604800 seconds",
            "99999999999999999999|X-Amz-Expires must be less than a week (in seconds); that is, the given "
                    + "X-Amz-Expires must be less than 604800 seconds"})
    void presignedExpiresOutOfRange(String expires, String message) {
        assertRefused(request(PRESIGN + "&X-Amz-Expires=" + expires), AwsError.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                400, message);
    }

    @Test
    void expiredPresignedRequest() {
        String query = PRESIGN.replace("20240101T000000Z", "20231231T230000Z").replace("20240101", "20231231")
                + "&X-Amz-Expires=3599";
        assertRefused(request(query), AwsError.REQUEST_EXPIRED, 400, "Request has expired.");
    }

    @Test
    void signatureExpired() {
        assertRefused(signedWith(AUTHORIZATION, "X-Amz-Date", "20231231T234459Z"), AwsError.SIGNATURE_DOES_NOT_MATCH,
                403, "Signature expired: 20231231T234459Z is now earlier than 20231231T234500Z "
                        + "(20240101T000000Z - 15 min.)");
    }

    @Test
    void signatureNotYetCurrent() {
        assertRefused(signedWith(AUTHORIZATION, "X-Amz-Date", "20240101T001501Z"), AwsError.SIGNATURE_DOES_NOT_MATCH,
                403, "Signature not yet current: 20240101T001501Z is still later than 20240101T001500Z "
                        + "(20240101T000000Z + 15 min.)");
    }

    @Test
    void hostNotSigned() {
        assertRefused(signedWith(AUTHORIZATION.replace("host;x-amz-date", "x-amz-date")),
                AwsError.SIGNATURE_DOES_NOT_MATCH, 403,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        assertRefused(request(PRESIGN.replace("SignedHeaders=host", "SignedHeaders=x-amz-date")),
                AwsError.SIGNATURE_DOES_NOT_MATCH, 403,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void unsupportedAlgorithm() {
        assertRefused(signedWith(AUTHORIZATION.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA25")),
                AwsError.INCOMPLETE_SIGNATURE, 400,
                "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b/c/d", "AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/iam/aws4_request/extra", "x"})
    void credentialWithoutFiveParts(String credential) {
        assertRefused(signedWith(AUTHORIZATION.replace(CREDENTIAL, credential)), AwsError.INCOMPLETE_SIGNATURE, 400,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                        + credential + "'");
    }

    @Test
    void credentialTrailingSlashesAreIgnored() {
        assertRefused(signedWith(AUTHORIZATION.replace(CREDENTIAL, CREDENTIAL + "//")),
                AwsError.SIGNATURE_DOES_NOT_MATCH, 403, AwsError.SIGNATURE_DOES_NOT_MATCH.defaultMessage());
    }

    @Test
    void credentialScopeWrongInEveryPart() {
        assertRefused(signedWith(AUTHORIZATION.replace(CREDENTIAL, SdkSigning.ACCESS_KEY + "/b/c/d/e")),
                AwsError.SIGNATURE_DOES_NOT_MATCH, 403,
                "Credential should be scoped to a valid region, not 'c'. Credential should be scoped to correct "
                        + "service: 'iam'. Credential should be scoped with a valid terminator: 'aws4_request', not "
                        + "'e'. Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
                        + "HTTP: 'b' != '20240101', from '20240101T000000Z'. ");
        assertThat(lookup.asked).isEmpty();
    }

    @Test
    void credentialScopeOfAnotherDay() {
        assertRefused(signedWith(AUTHORIZATION.replace("/20240101/", "/20231231/")), AwsError.SIGNATURE_DOES_NOT_MATCH,
                403, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                        + "'20231231' != '20240101', from '20240101T000000Z'. ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIA-NOT-WORD", "AKIA'; DROP TABLE keys;--", "ÄKIAIOSFODNN7EXAMPLE"})
    void accessKeyIdOfForeignCharactersIsNotLookedUp(String accessKeyId) {
        assertRefused(signedWith(AUTHORIZATION.replace(SdkSigning.ACCESS_KEY, accessKeyId.replace(" ", ""))),
                AwsError.INVALID_CLIENT_TOKEN_ID, 403, "The security token included in the request is invalid.");
        assertThat(lookup.asked).isEmpty();
    }

    @Test
    void accessKeyIdEmpty() {
        assertRefused(signedWith(AUTHORIZATION.replace(SdkSigning.ACCESS_KEY, "")), AwsError.INVALID_CLIENT_TOKEN_ID,
                403, "The security token included in the request is invalid.");
        assertThat(lookup.asked).isEmpty();
    }

    @Test
    void unknownAccessKey() {
        assertRefused(signedWith(AUTHORIZATION.replace(SdkSigning.ACCESS_KEY, "AKIAUNKNOWN")),
                AwsError.INVALID_CLIENT_TOKEN_ID, 403, "The security token included in the request is invalid.");
        assertThat(lookup.asked).containsExactly("AKIAUNKNOWN");
    }

    @Test
    void sessionTokenTooLongIsNotLookedUp() {
        assertRefused(signedWith(AUTHORIZATION, "X-Amz-Security-Token",
                        "t".repeat(SigV4Verifier.MAX_SESSION_TOKEN_LENGTH + 1)),
                AwsError.INVALID_CLIENT_TOKEN_ID, 403, "The security token included in the request is invalid");
        assertThat(lookup.asked).isEmpty();
    }

    @Test
    void wrongSignatureSaysNothingMore() {
        assertRefused(signedWith(AUTHORIZATION), AwsError.SIGNATURE_DOES_NOT_MATCH, 403,
                "The request signature we calculated does not match the signature you provided. Check your AWS "
                        + "Secret Access Key and signing method. Consult the service documentation for details.");
    }

    @Test
    void oversizedInputIsRefusedBeforeParsing() {
        assertRefused(new SigV4Request("GET", "/" + "a".repeat(SigV4Verifier.MAX_PATH_LENGTH), "", Map.of(),
                Payload.empty()), AwsError.REQUEST_ENTITY_TOO_LARGE, 413, "The request path exceeds 8192 characters.");
        assertRefused(request("a=" + "b".repeat(SigV4Verifier.MAX_QUERY_LENGTH)), AwsError.REQUEST_ENTITY_TOO_LARGE,
                413, "The query string exceeds 65536 characters.");
        assertRefused(request("a=b&".repeat(SigV4Verifier.MAX_QUERY_PARAMETERS + 1)),
                AwsError.REQUEST_ENTITY_TOO_LARGE, 413, "The query string has more than 1000 parameters.");
        assertRefused(signedWith(AUTHORIZATION + " ".repeat(SigV4Verifier.MAX_AUTHORIZATION_LENGTH)),
                AwsError.REQUEST_ENTITY_TOO_LARGE, 413, "The Authorization header exceeds 8192 characters.");
        assertRefused(signedWith(AUTHORIZATION.replace("host;x-amz-date", "host" + ";x".repeat(64))),
                AwsError.REQUEST_ENTITY_TOO_LARGE, 413, "SignedHeaders names more than 64 headers.");
        assertRefused(signedWith(AUTHORIZATION.replace("host;x-amz-date", "host;x-big"), "X-Big",
                        "v".repeat(SigV4Verifier.MAX_SIGNED_HEADER_CHARS)),
                AwsError.REQUEST_ENTITY_TOO_LARGE, 413, "The signed headers exceed 65536 characters.");
    }
}
