/**
 * Virtual MFA: time-based one-time passwords (RFC 6238) from a device's seed, the seed's base32 form and QR code,
 * and {@link io.gatehouse.server.mfa.MfaCodes}, which checks and spends a code for STS and sign-in.
 */
package io.gatehouse.server.mfa;
