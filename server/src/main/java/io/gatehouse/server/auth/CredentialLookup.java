package io.gatehouse.server.auth;

/**
 * The caller's side of signature verification: who owns an access key. The verifier calls it only for a request
 * whose shape, time and credential scope are already valid, and only with an access key id of 1 to 128 word
 * characters ({@code [A-Za-z0-9_]}, the pattern IAM's model gives) and a session token of at most
 * {@value SigV4Verifier#MAX_SESSION_TOKEN_LENGTH} characters. The lookup may throw an
 * {@link io.gatehouse.server.error.AwsException} of its own (for example {@code ExpiredToken}); it is passed on.
 *
 * @param <P> the caller's principal type
 */
public interface CredentialLookup<P> {

    /** The long-term key with this id (a request without {@code X-Amz-Security-Token}). */
    Credential<P> accessKey(String accessKeyId);

    /**
     * The temporary key with this id and session token (a request with {@code X-Amz-Security-Token}). The token is
     * whatever the client sent: validating it (for example a self-contained, authenticated token issued by STS) is
     * this method's job. Without session support every token is unknown.
     */
    default Credential<P> sessionKey(String accessKeyId, String sessionToken) {
        return Credential.unknown();
    }
}
