package io.gatehouse.server.api;

import io.gatehouse.catalog.ServiceCatalog;
import io.gatehouse.server.authz.PrincipalPolicies;
import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.session.Sessions;
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
 * @param dev       emulator mode ({@code --dev}): OpenID Connect issuers may be plain-http URLs, for local identity
 *                  providers
 */
public record Services(StateWriter state, PrincipalPolicies policies, ServiceCatalog catalog, Ids ids, Clock clock,
                       PasswordHasher passwords, Sessions sessions, boolean dev) {}
