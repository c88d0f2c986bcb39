package io.gatehouse.server.auth;

import io.gatehouse.server.error.AwsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Verifies AWS Signature Version 4 (algorithm {@code AWS4-HMAC-SHA256}) in the Authorization header or in a
 * presigned query string, the way AWS IAM and STS do: the same checks in the same order, the same error codes and
 * messages (see {@code docs/sigv4.md}). Thread-safe; one instance serves all requests, since it caches signing keys.
 *
 * <p>Everything about the request's shape, time and credential scope is checked before the
 * {@link CredentialLookup} is asked about the access key; the signature is compared in constant time. A presigned
 * request is valid from 15 minutes before its {@code X-Amz-Date} to {@code X-Amz-Expires} seconds after it (at most
 * 604800), or for 15 minutes either side when it has no {@code X-Amz-Expires}.
 *
 * @param <P> the caller's principal type
 */
public final class SigV4Verifier<P> {

    /** Longest raw path accepted. */
    public static final int MAX_PATH_LENGTH = 8192;
    /** Longest raw query string accepted. */
    public static final int MAX_QUERY_LENGTH = 65536;
    /** Most query-string parameters accepted. */
    public static final int MAX_QUERY_PARAMETERS = 1000;
    /** Longest Authorization header accepted. */
    public static final int MAX_AUTHORIZATION_LENGTH = 8192;
    /** Most signed headers accepted. */
    public static final int MAX_SIGNED_HEADERS = 64;
    /** Most characters of signed header names and values together. */
    public static final int MAX_SIGNED_HEADER_CHARS = 65536;
    /** Longest session token accepted. */
    public static final int MAX_SESSION_TOKEN_LENGTH = 16384;
    /** The largest {@code X-Amz-Expires}: seven days. */
    public static final long MAX_EXPIRES_SECONDS = 604_800;

    private static final long MAX_SKEW_SECONDS = 15 * 60;
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String TERMINATOR = "aws4_request";
    private static final HexFormat HEX = HexFormat.of();

    private final CredentialLookup<P> credentials;
    private final Clock clock;
    private final List<String> services;
    private final SigningKeys signingKeys = new SigningKeys();

    /**
     * @param credentials who owns an access key
     * @param clock       the server's clock
     * @param services    the signing names this endpoint serves ({@code iam}, {@code sts}, ...); a credential scope
     *                    naming another is refused, and the message names the first of them
     */
    public SigV4Verifier(CredentialLookup<P> credentials, Clock clock, List<String> services) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.services = List.copyOf(services);
        if (this.services.isEmpty()) {
            throw new IllegalArgumentException("an endpoint serves at least one service");
        }
    }

    /**
     * Verifies a request's signature.
     *
     * @return who signed it, for which region and service
     * @throws io.gatehouse.server.error.AwsException with AWS's code and message when the request is not validly
     *                                                signed (and nothing else, whatever the request holds)
     */
    public Authentication<P> verify(SigV4Request request) {
        if (request.rawPath().length() > MAX_PATH_LENGTH) {
            throw SigV4Errors.tooLarge("The request path exceeds " + MAX_PATH_LENGTH + " characters.");
        }
        if (request.rawQuery().length() > MAX_QUERY_LENGTH) {
            throw SigV4Errors.tooLarge("The query string exceeds " + MAX_QUERY_LENGTH + " characters.");
        }
        QueryString query = QueryString.parse(request.rawQuery(), MAX_QUERY_PARAMETERS);
        if (query == null) {
            throw SigV4Errors.tooLarge("The query string has more than " + MAX_QUERY_PARAMETERS + " parameters.");
        }
        SignatureFields fields = signatureFields(request, query);
        Instant signedAt = fields.signedAt();
        checkTime(fields, signedAt);
        List<String> signedHeaders = signedHeaders(fields.signedHeaders());
        if (!fields.algorithm().equals(SignatureFields.ALGORITHM)) {
            throw SigV4Errors.unsupportedAlgorithm(fields.algorithm());
        }
        CredentialScope scope = credentialScope(fields.credential(), signedAt);
        String token = fields.sessionToken();
        if (!isAccessKeyId(scope.accessKeyId())) {
            throw SigV4Errors.invalidClientToken();
        }
        if (token != null && (token.isEmpty() || token.length() > MAX_SESSION_TOKEN_LENGTH)) {
            throw SigV4Errors.invalidSessionToken();
        }
        Credential<P> credential = token == null
                ? credentials.accessKey(scope.accessKeyId())
                : credentials.sessionKey(scope.accessKeyId(), token);
        return switch (Objects.requireNonNull(credential, "credential lookup answered null")) {
            case Credential.Unknown<P> unknown -> throw refusedKey(token);
            case Credential.Disabled<P> disabled -> throw refusedKey(token);
            case Credential.Unchecked<P> unchecked ->
                    authentication(scope, signedAt, fields, unchecked.principal(), false);
            case Credential.Active<P> active -> {
                checkSignature(request, query, fields, signedHeaders, scope, signedAt, active.secretAccessKey());
                yield authentication(scope, signedAt, fields, active.principal(), true);
            }
        };
    }

    private static AwsException refusedKey(String token) {
        return token == null ? SigV4Errors.invalidClientToken() : SigV4Errors.invalidSessionToken();
    }

    /** How many signing keys are cached (for tests). */
    int cachedSigningKeys() {
        return signingKeys.size();
    }

    private static SignatureFields signatureFields(SigV4Request request, QueryString query) {
        String authorization = request.header("Authorization");
        String queryAlgorithm = query.first("X-Amz-Algorithm");
        if (authorization != null && queryAlgorithm != null) {
            throw SigV4Errors.bothHeaderAndQuery();
        }
        if (authorization != null) {
            if (authorization.length() > MAX_AUTHORIZATION_LENGTH) {
                throw SigV4Errors.tooLarge("The Authorization header exceeds " + MAX_AUTHORIZATION_LENGTH
                        + " characters.");
            }
            if (!authorization.strip().startsWith("AWS4-")) {
                throw SigV4Errors.missingAuthenticationToken();
            }
            return SignatureFields.fromHeader(authorization, request);
        }
        if (!SignatureFields.ALGORITHM.equals(queryAlgorithm)) {
            throw SigV4Errors.missingAuthenticationToken();
        }
        return SignatureFields.fromQuery(query);
    }

    private void checkTime(SignatureFields fields, Instant signedAt) {
        long expires = fields.presigned() && fields.expires() != null ? expiresSeconds(fields.expires()) : -1;
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant latest = now.plusSeconds(MAX_SKEW_SECONDS);
        if (signedAt.isAfter(latest)) {
            throw SigV4Errors.signatureNotYetCurrent(AmzDate.formatBasic(signedAt), AmzDate.formatBasic(latest),
                    AmzDate.formatBasic(now));
        }
        if (expires >= 0) {
            if (now.isAfter(signedAt.plusSeconds(expires))) {
                throw SigV4Errors.requestExpired();
            }
            return;
        }
        Instant earliest = now.minusSeconds(MAX_SKEW_SECONDS);
        if (signedAt.isBefore(earliest)) {
            throw SigV4Errors.signatureExpired(AmzDate.formatBasic(signedAt), AmzDate.formatBasic(earliest),
                    AmzDate.formatBasic(now));
        }
    }

    private static long expiresSeconds(String text) {
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SigV4Errors.expiresNotANumber();
        }
        if (negative) {
            throw SigV4Errors.expiresNegative();
        }
        if (digits.length() > 7 || Long.parseLong(digits) > MAX_EXPIRES_SECONDS) {
            throw SigV4Errors.expiresTooLong();
        }
        return Long.parseLong(digits);
    }

    private static List<String> signedHeaders(String list) {
        List<String> names = List.of(list.split(";", MAX_SIGNED_HEADERS + 1));
        if (names.size() > MAX_SIGNED_HEADERS) {
            throw SigV4Errors.tooLarge("SignedHeaders names more than " + MAX_SIGNED_HEADERS + " headers.");
        }
        for (String name : names) {
            if (name.equalsIgnoreCase("host") || name.equalsIgnoreCase(":authority")) {
                return names;
            }
        }
        throw SigV4Errors.hostNotSigned();
    }

    /** The five parts of {@code Credential}, trailing slashes ignored. */
    private record CredentialScope(String accessKeyId, String date, String region, String service,
                                   String terminator) {
        String scope() {
            return date + '/' + region + '/' + service + '/' + terminator;
        }
    }

    private CredentialScope credentialScope(String credential, Instant signedAt) {
        int end = credential.length();
        while (end > 0 && credential.charAt(end - 1) == '/') {
            end--;
        }
        String[] parts = credential.substring(0, end).split("/", 6);
        if (parts.length != 5) {
            throw SigV4Errors.credentialParts(credential);
        }
        CredentialScope scope = new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
        String time = AmzDate.formatBasic(signedAt);
        String day = time.substring(0, 8);
        StringBuilder problems = new StringBuilder();
        if (!isRegion(scope.region())) {
            problems.append(SigV4Errors.wrongRegion(scope.region()));
        }
        if (!services.contains(scope.service())) {
            problems.append(SigV4Errors.wrongService(services.getFirst()));
        }
        if (!scope.terminator().equals(TERMINATOR)) {
            problems.append(SigV4Errors.wrongTerminator(scope.terminator()));
        }
        if (!scope.date().equals(day)) {
            problems.append(SigV4Errors.wrongDate(scope.date(), day, time));
        }
        if (!problems.isEmpty()) {
            throw SigV4Errors.badScope(problems.toString());
        }
        return scope;
    }

    /**
     * A region name as AWS forms them ({@code us-east-1}, {@code us-gov-west-1}, {@code eusc-de-east-1}):
     * lower-case letter groups joined by hyphens, then a hyphen and a number; at most 32 characters. A partition's
     * global pseudo-region ({@code aws-global}) is accepted too, unlike AWS, because the AWS SDK for Java v2 signs
     * with it when an IAM client built for {@code Region.AWS_GLOBAL} is given an endpoint override.
     */
    static boolean isRegion(String region) {
        if (region.endsWith("-global")) {
            return Partition.ofRegion(region).globalRegion().equals(region);
        }
        int length = region.length();
        if (length < 4 || length > 32 || !isLower(region.charAt(0))) {
            return false;
        }
        int lastHyphen = region.lastIndexOf('-');
        if (lastHyphen < 2 || lastHyphen == length - 1) {
            return false;
        }
        int hyphens = 0;
        for (int i = 0; i < length; i++) {
            char c = region.charAt(i);
            if (c == '-') {
                if (region.charAt(i - 1) == '-') {
                    return false;
                }
                hyphens++;
            } else if (i > lastHyphen ? !(c >= '0' && c <= '9') : !isLower(c) && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return hyphens >= 2;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    /**
     * An access key id worth asking about: 1 to 128 word characters (IAM's pattern, without its minimum of 16, which
     * emulator clients' {@code testing} keys and the SigV4 test suite's {@code AKIDEXAMPLE} fall short of).
     */
    private static boolean isAccessKeyId(String id) {
        if (id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private void checkSignature(SigV4Request request, QueryString query, SignatureFields fields,
                                List<String> signedHeaders, CredentialScope scope, Instant signedAt, String secret) {
        String payloadHash = request.payload().sha256Hex();
        String claimed = request.header("X-Amz-Content-Sha256");
        String alternative = null;
        if (claimed != null) {
            boolean unsigned = claimed.equals(UNSIGNED_PAYLOAD);
            if (unsigned ? !request.payload().isEmpty() : !claimed.equals(payloadHash)) {
                throw SigV4Errors.signatureDoesNotMatch();
            }
            payloadHash = claimed;
        } else if (fields.presigned() && request.payload().isEmpty()) {
            alternative = UNSIGNED_PAYLOAD;
        }
        String canonicalPrefix = canonicalRequestPrefix(request, query, fields, signedHeaders);
        byte[] signingKey = signingKeys.signingKey(secret, scope.date(), scope.region(), scope.service());
        byte[] provided = fields.signature().getBytes(StandardCharsets.UTF_8);
        String stringToSignPrefix = SignatureFields.ALGORITHM + '\n' + AmzDate.formatBasic(signedAt) + '\n'
                + scope.scope() + '\n';
        boolean valid = matches(signingKey, stringToSignPrefix, canonicalPrefix + payloadHash, provided)
                || alternative != null
                && matches(signingKey, stringToSignPrefix, canonicalPrefix + alternative, provided);
        if (!valid) {
            throw SigV4Errors.signatureDoesNotMatch();
        }
        signingKeys.remember(secret, scope.date(), scope.region(), scope.service(), signingKey);
    }

    private static boolean matches(byte[] signingKey, String stringToSignPrefix, String canonicalRequest,
                                   byte[] provided) {
        String stringToSign = stringToSignPrefix + HEX.formatHex(sha256(canonicalRequest));
        byte[] expected = HEX.formatHex(SigningKeys.hmac(signingKey, stringToSign))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, provided);
    }

    /** The canonical request up to, not including, the payload hash. */
    static String canonicalRequestPrefix(SigV4Request request, QueryString query, SignatureFields fields,
                                         List<String> signedHeaders) {
        String path = UriEncoding.canonicalPath(request.rawPath());
        String canonicalQuery = query.canonical(fields.presigned());
        StringBuilder out = new StringBuilder(request.method().length() + path.length() + canonicalQuery.length()
                + fields.signedHeaders().length() * 2 + 256);
        out.append(request.method()).append('\n').append(path).append('\n').append(canonicalQuery).append('\n');
        int headerChars = 0;
        for (String name : signedHeaders) {
            int lineStart = out.length();
            out.append(name).append(':');
            List<String> values = request.headerValues(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendTrimmed(values.get(i), out);
            }
            out.append('\n');
            headerChars += out.length() - lineStart;
            if (headerChars > MAX_SIGNED_HEADER_CHARS) {
                throw SigV4Errors.tooLarge("The signed headers exceed " + MAX_SIGNED_HEADER_CHARS + " characters.");
            }
        }
        out.append('\n').append(fields.signedHeaders()).append('\n');
        return out.toString();
    }

    /** Appends a header value with leading and trailing white space removed and inner runs of it made one space. */
    private static void appendTrimmed(String value, StringBuilder out) {
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                started = true;
            }
        }
    }

    private static byte[] sha256(String text) {
        return Sha256.digest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private Authentication<P> authentication(CredentialScope scope, Instant signedAt, SignatureFields fields,
                                             P principal, boolean verified) {
        return new Authentication<>(scope.accessKeyId(), signedAt, scope.region(), scope.service(),
                Partition.ofRegion(scope.region()), fields.sessionToken(), principal, fields.presigned(), verified);
    }
}
