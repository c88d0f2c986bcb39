/**
 * Gatehouse as an OpenID Connect issuer for its own principals (IAM outbound identity federation): each account that
 * enables the feature gets an issuer URL under the server's public address, whose discovery document and JWKS this
 * package serves, and STS GetWebIdentityToken signs tokens with the keys of one rotating {@link
 * io.gatehouse.server.outbound.SigningKeyRing}.
 */
package io.gatehouse.server.outbound;
