package io.gatehouse.server.state;

import java.time.Instant;

/** A credential that belongs to a user (or to the root user, when {@link #userName()} is {@code null}). */
public sealed interface UserCredential permits SshPublicKey, SigningCertificate, ServiceSpecificCredential {

    String id();

    String userName();

    Instant created();

    /** This credential belonging to the user under a new name (UpdateUser renamed it). */
    UserCredential withUserName(String newUserName);
}
