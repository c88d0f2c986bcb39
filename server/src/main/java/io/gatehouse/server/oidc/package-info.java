/**
 * OpenID Connect for AssumeRoleWithWebIdentity: the issuers' signing keys, fetched from their discovery documents and
 * JWKS over HTTPS with limits and cached ({@link io.gatehouse.server.oidc.IssuerKeys}), and the strict verification of
 * a web identity token against them and an IAM OpenID Connect provider
 * ({@link io.gatehouse.server.oidc.WebIdentityTokens}). docs/web-identity.md describes the rules.
 */
package io.gatehouse.server.oidc;
