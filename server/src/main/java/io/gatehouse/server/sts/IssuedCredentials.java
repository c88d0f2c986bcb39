package io.gatehouse.server.sts;

import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.Sessions;

/** The {@code Credentials} structure every STS operation that issues a session answers with. */
final class IssuedCredentials {

    private IssuedCredentials() {}

    /** Sets {@code Credentials} of {@code output} to the issued session's key id, secret, token and expiry. */
    static Struct.Builder set(Struct.Builder output, Sessions.Issued issued) {
        Struct credentials = output.child("Credentials")
                .set("AccessKeyId", issued.content().session().accessKeyId())
                .set("SecretAccessKey", issued.content().secretAccessKey())
                .set("SessionToken", issued.token())
                .set("Expiration", issued.content().session().expiresAt())
                .build();
        output.set("Credentials", credentials);
        if (issued.packedPercent() != null) {
            output.set("PackedPolicySize", issued.packedPercent());
        }
        return output;
    }
}
