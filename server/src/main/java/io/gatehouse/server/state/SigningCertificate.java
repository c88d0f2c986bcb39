package io.gatehouse.server.state;

import java.time.Instant;

/**
 * An X.509 signing certificate of an IAM user or of an account's root user.
 *
 * @param id       the certificate id
 * @param userName the owning user, or {@code null} for the root user
 * @param body     the certificate as it was uploaded (PEM)
 * @param digest   the SHA-256 of the certificate's DER encoding in hex, which tells one certificate uploaded twice
 * @param active   whether the certificate is {@code Active} (or {@code Inactive})
 * @param uploaded when it was uploaded
 */
public record SigningCertificate(String id, String userName, String body, String digest, boolean active,
                                 Instant uploaded) implements UserCredential {

    public SigningCertificate withActive(boolean newActive) {
        return new SigningCertificate(id, userName, body, digest, newActive, uploaded);
    }

    @Override
    public SigningCertificate withUserName(String newUserName) {
        return new SigningCertificate(id, newUserName, body, digest, active, uploaded);
    }

    @Override
    public Instant created() {
        return uploaded;
    }
}
