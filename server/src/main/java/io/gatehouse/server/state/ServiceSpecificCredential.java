package io.gatehouse.server.state;

import java.time.Instant;

/**
 * A service-specific credential of an IAM user: a user name and password for one service (CodeCommit's Git over
 * HTTPS, Amazon Keyspaces), or an API key (Amazon Bedrock, CloudWatch Logs).
 *
 * @param id              the credential id ({@code ACCA…})
 * @param userName        the owning user
 * @param serviceName     the service it is for ({@code codecommit.amazonaws.com})
 * @param serviceUserName the user name it signs in with ({@code alice-at-123456789012}), or {@code null} for an
 *                        API key
 * @param alias           the public part of an API key, or {@code null} for a password
 * @param secret          the password or the API key's secret (kept encrypted at rest; shown once per reset)
 * @param active          whether it is {@code Active} (or {@code Inactive})
 * @param created         when it was created
 * @param expiration      when an API key created with an age expires, or {@code null}
 */
public record ServiceSpecificCredential(String id, String userName, String serviceName, String serviceUserName,
                                        String alias, String secret, boolean active, Instant created,
                                        Instant expiration) implements UserCredential {

    public ServiceSpecificCredential withActive(boolean newActive) {
        return new ServiceSpecificCredential(id, userName, serviceName, serviceUserName, alias, secret, newActive,
                created, expiration);
    }

    /** This credential with a new secret (ResetServiceSpecificCredential). */
    public ServiceSpecificCredential withSecret(String newSecret) {
        return new ServiceSpecificCredential(id, userName, serviceName, serviceUserName, alias, newSecret, active,
                created, expiration);
    }

    @Override
    public ServiceSpecificCredential withUserName(String newUserName) {
        return new ServiceSpecificCredential(id, newUserName, serviceName, serviceUserName, alias, secret, active,
                created, expiration);
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "ServiceSpecificCredential[" + id + ", user=" + userName + ", service=" + serviceName + "]";
    }
}
