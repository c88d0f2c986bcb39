/**
 * AWS Signature Version 4 verification, independent of the HTTP server.
 *
 * <p>The HTTP layer describes a request as a {@link io.gatehouse.server.auth.SigV4Request}; a
 * {@link io.gatehouse.server.auth.SigV4Verifier} checks its signature (Authorization header or presigned query
 * string) and answers an {@link io.gatehouse.server.auth.Authentication} or throws an
 * {@link io.gatehouse.server.error.AwsException} with the code and message AWS IAM and STS use for the failure.
 * Who owns an access key is the caller's business, asked through a {@link io.gatehouse.server.auth.CredentialLookup}.
 * {@code docs/sigv4.md} records the rules, the order of the checks and the sources of every message.
 */
package io.gatehouse.server.auth;
