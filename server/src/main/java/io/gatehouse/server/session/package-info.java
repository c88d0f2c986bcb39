/**
 * Temporary credentials: the self-contained, authenticated session tokens STS issues
 * ({@link io.gatehouse.server.session.SessionTokenCodec}), the rotating session keys they are sealed under
 * ({@link io.gatehouse.server.session.SessionKeys}, stored sealed under the master key), the temporary access key ids
 * ({@link io.gatehouse.server.session.TemporaryKeyIds}) and the hook through which GetSessionToken checks an MFA code
 * ({@link io.gatehouse.server.session.MfaCodeCheck}). Validating a token reads only memory. {@code docs/sessions.md}
 * describes the token format and the rules.
 */
package io.gatehouse.server.session;
