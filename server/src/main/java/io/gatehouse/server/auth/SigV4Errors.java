package io.gatehouse.server.auth;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;

/**
 * The errors of signature verification with AWS's codes and texts; {@code docs/sigv4.md} gives the source of each.
 * Messages echo only what the client sent, never a secret or an expected signature.
 */
final class SigV4Errors {

    private SigV4Errors() {
    }

    static AwsException missingAuthenticationToken() {
        return AwsError.MISSING_AUTHENTICATION_TOKEN.exception();
    }

    static AwsException bothHeaderAndQuery() {
        return AwsError.SIGNATURE_DOES_NOT_MATCH.exception(
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    static AwsException missingEqualSign(String pair, String authorization) {
        return AwsError.INCOMPLETE_SIGNATURE.exception(
                "'" + pair + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                        + authorization + "'.");
    }

    /** {@code missing} is the run of "Authorization header requires ..." sentences, each ending in ". ". */
    static AwsException incompleteHeader(String missing, String authorization) {
        return AwsError.INCOMPLETE_SIGNATURE.exception(missing + "Authorization=" + authorization);
    }

    /** {@code missing} is the run of "AWS query-string parameters must include ..." sentences. */
    static AwsException incompleteQuery(String missing) {
        return AwsError.INCOMPLETE_SIGNATURE.exception(missing + "Re-examine the query-string parameters.");
    }

    static AwsException badDate(String date) {
        return AwsError.INCOMPLETE_SIGNATURE.exception(
                "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    static AwsException expiresNotANumber() {
        return AwsError.AUTHORIZATION_QUERY_PARAMETERS_ERROR.exception("X-Amz-Expires should be a number");
    }

    static AwsException expiresNegative() {
        return AwsError.AUTHORIZATION_QUERY_PARAMETERS_ERROR.exception("X-Amz-Expires must be non-negative");
    }

    static AwsException expiresTooLong() {
        return AwsError.AUTHORIZATION_QUERY_PARAMETERS_ERROR.exception(
                "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less "
                        + "than 604800 seconds");
    }

    static AwsException signatureExpired(String signedAt, String earliest, String now) {
        return AwsError.SIGNATURE_DOES_NOT_MATCH.exception(
                "Signature expired: " + signedAt + " is now earlier than " + earliest + " (" + now + " - 15 min.)");
    }

    static AwsException signatureNotYetCurrent(String signedAt, String latest, String now) {
        return AwsError.SIGNATURE_DOES_NOT_MATCH.exception(
                "Signature not yet current: " + signedAt + " is still later than " + latest + " (" + now
                        + " + 15 min.)");
    }

    static AwsException requestExpired() {
        return AwsError.REQUEST_EXPIRED.exception();
    }

    static AwsException hostNotSigned() {
        return AwsError.SIGNATURE_DOES_NOT_MATCH.exception(
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    static AwsException unsupportedAlgorithm(String algorithm) {
        return AwsError.INCOMPLETE_SIGNATURE.exception(
                "Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
    }

    static AwsException credentialParts(String credential) {
        return AwsError.INCOMPLETE_SIGNATURE.exception(
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                        + credential + "'");
    }

    static String wrongRegion(String region) {
        return "Credential should be scoped to a valid region, not '" + region + "'. ";
    }

    static String wrongService(String expected) {
        return "Credential should be scoped to correct service: '" + expected + "'. ";
    }

    static String wrongTerminator(String terminator) {
        return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'. ";
    }

    static String wrongDate(String scopeDate, String requestDate, String requestTime) {
        return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                + scopeDate + "' != '" + requestDate + "', from '" + requestTime + "'. ";
    }

    /** {@code problems} is the run of credential-scope sentences above. */
    static AwsException badScope(String problems) {
        return AwsError.SIGNATURE_DOES_NOT_MATCH.exception(problems);
    }

    /** An access key id nobody issued, or one disabled; AWS ends this sentence with a period. */
    static AwsException invalidClientToken() {
        return AwsError.INVALID_CLIENT_TOKEN_ID.exception();
    }

    /** A session token that is not valid for the key; AWS words it like the above, without the period. */
    static AwsException invalidSessionToken() {
        return AwsError.INVALID_CLIENT_TOKEN_ID.exception("The security token included in the request is invalid");
    }

    static AwsException signatureDoesNotMatch() {
        return AwsError.SIGNATURE_DOES_NOT_MATCH.exception();
    }

    /** A guard against oversized input; Gatehouse's own wording (AWS's front end refuses such requests earlier). */
    static AwsException tooLarge(String message) {
        return AwsError.REQUEST_ENTITY_TOO_LARGE.exception(message);
    }
}
