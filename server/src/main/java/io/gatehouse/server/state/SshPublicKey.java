package io.gatehouse.server.state;

import java.time.Instant;

/**
 * An SSH public key of an IAM user (for CodeCommit).
 *
 * @param id          the key id ({@code APKA…})
 * @param userName    the owning user
 * @param body        the key as it was uploaded, in the ssh-rsa or the PEM encoding
 * @param fingerprint the MD5 fingerprint of the key, as IAM returns it ({@code xx:xx:…})
 * @param active      whether the key is {@code Active} (or {@code Inactive})
 * @param uploaded    when it was uploaded
 */
public record SshPublicKey(String id, String userName, String body, String fingerprint, boolean active,
                           Instant uploaded) implements UserCredential {

    public SshPublicKey withActive(boolean newActive) {
        return new SshPublicKey(id, userName, body, fingerprint, newActive, uploaded);
    }

    @Override
    public SshPublicKey withUserName(String newUserName) {
        return new SshPublicKey(id, newUserName, body, fingerprint, active, uploaded);
    }

    @Override
    public Instant created() {
        return uploaded;
    }
}
