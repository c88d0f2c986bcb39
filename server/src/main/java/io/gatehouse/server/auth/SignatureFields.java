package io.gatehouse.server.auth;

import java.time.Instant;

/**
 * The signature's fields as the request carries them, from the Authorization header or from a presigned query
 * string, after the presence checks AWS makes before anything else.
 *
 * @param presigned     whether they came from the query string
 * @param algorithm     {@code AWS4-HMAC-SHA256}, unless the client sent something else
 * @param credential    {@code AKID/20150830/us-east-1/iam/aws4_request}
 * @param signedHeaders {@code host;x-amz-date}
 * @param signature     64 hex digits, unless the client sent something else
 * @param time          the text of {@code X-Amz-Date} (or of the {@code Date} header)
 * @param dateHeader    whether {@code time} came from the {@code Date} header
 * @param expires       the text of {@code X-Amz-Expires} of a presigned request, or {@code null}
 * @param sessionToken  {@code X-Amz-Security-Token}, or {@code null}
 */
record SignatureFields(boolean presigned, String algorithm, String credential, String signedHeaders, String signature,
                       String time, boolean dateHeader, String expires, String sessionToken) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /**
     * Reads an Authorization header that starts with {@code AWS4-}: the algorithm, then {@code key=value} pairs
     * separated by commas or white space.
     */
    static SignatureFields fromHeader(String authorization, SigV4Request request) {
        String trimmed = authorization.strip();
        int end = 0;
        while (end < trimmed.length() && !isSeparator(trimmed.charAt(end))) {
            end++;
        }
        String algorithm = trimmed.substring(0, end);
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        int i = end;
        while (i < trimmed.length()) {
            while (i < trimmed.length() && isSeparator(trimmed.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < trimmed.length() && !isSeparator(trimmed.charAt(i))) {
                i++;
            }
            if (i == start) {
                break;
            }
            String pair = trimmed.substring(start, i);
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw SigV4Errors.missingEqualSign(pair, authorization);
            }
            String value = pair.substring(equals + 1);
            switch (pair.substring(0, equals)) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {
                    // other keys are ignored, as AWS ignores them
                }
            }
        }
        String amzDate = request.header("X-Amz-Date");
        String date = amzDate != null ? amzDate : request.header("Date");
        StringBuilder missing = new StringBuilder();
        if (credential == null || credential.isEmpty()) {
            missing.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null || signature.isEmpty()) {
            missing.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeaders == null) {
            missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (date == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (!missing.isEmpty()) {
            throw SigV4Errors.incompleteHeader(missing.toString(), authorization);
        }
        return new SignatureFields(false, algorithm, credential, signedHeaders, signature, date, amzDate == null,
                null, request.header("X-Amz-Security-Token"));
    }

    /** Reads the {@code X-Amz-*} parameters of a presigned query string whose algorithm is {@code AWS4-HMAC-SHA256}. */
    static SignatureFields fromQuery(QueryString query) {
        String credential = query.first("X-Amz-Credential");
        String signature = query.first("X-Amz-Signature");
        String signedHeaders = query.first("X-Amz-SignedHeaders");
        String date = query.first("X-Amz-Date");
        StringBuilder missing = new StringBuilder();
        requireParameter(credential, "X-Amz-Credential", missing);
        requireParameter(signature, "X-Amz-Signature", missing);
        requireParameter(signedHeaders, "X-Amz-SignedHeaders", missing);
        requireParameter(date, "X-Amz-Date", missing);
        if (!missing.isEmpty()) {
            throw SigV4Errors.incompleteQuery(missing.toString());
        }
        return new SignatureFields(true, ALGORITHM, credential, signedHeaders, signature, date, false,
                query.first("X-Amz-Expires"), query.first("X-Amz-Security-Token"));
    }

    /** The request time; {@code IncompleteSignature} when it is not in the form AWS accepts. */
    Instant signedAt() {
        Instant instant = dateHeader ? AmzDate.parseDateHeader(time) : AmzDate.parseBasic(time);
        if (instant == null) {
            throw SigV4Errors.badDate(time);
        }
        return instant;
    }

    private static void requireParameter(String value, String name, StringBuilder missing) {
        if (value == null || value.isEmpty()) {
            missing.append("AWS query-string parameters must include '").append(name).append("'. ");
        }
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t';
    }
}
