package io.gatehouse.server.api;

import io.gatehouse.catalog.ServiceCatalog;
import io.gatehouse.server.authz.PrincipalPolicies;
import io.gatehouse.server.console.SignInThrottle;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.oidc.WebIdentityTokens;
import io.gatehouse.server.outbound.OutboundIssuers;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.CredentialReports;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.state.StateWriter;
import java.time.Clock;

/**
 * What operation handlers share: the state and its writer, the principal policies for authorization, the service
 * catalog, id generation, the clock, the password hasher and the session tokens.
 *
 * @param state    the state and the only way to change it
 * @param policies principals' policy sets
 * @param catalog  AWS services, actions and managed policies
 * @param ids      identifiers in AWS's formats
 * @param clock     the server's clock
 * @param passwords hashes and verifies IAM users' passwords (Argon2id)
 * @param sessions  issues and opens session tokens
 * @param reports   the accounts' credential reports, which live in the store rather than in the state
 * @param passwordGuesses wrong passwords per user name and source address: console sign-in and ChangePassword's old
 *                        password count against one budget, so neither is a way around the other's limit
 * @param dev       emulator mode ({@code --dev}): OpenID Connect issuers may be plain-http URLs, for local identity
 *                  providers
 * @param webIdentityTokens verifies the web identity tokens of AssumeRoleWithWebIdentity against the issuers' keys
 * @param outboundIssuers the accounts' OpenID Connect issuers, which sign GetWebIdentityToken's tokens
 */
public record Services(StateWriter state, PrincipalPolicies policies, ServiceCatalog catalog, Ids ids, Clock clock,
                       PasswordHasher passwords, Sessions sessions, CredentialReports reports,
                       SignInThrottle passwordGuesses, boolean dev,
                       WebIdentityTokens webIdentityTokens, OutboundIssuers outboundIssuers) {}
