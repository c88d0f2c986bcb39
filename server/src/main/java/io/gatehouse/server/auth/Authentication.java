package io.gatehouse.server.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A request whose signature was verified: who signed it, when, and for which region and service.
 *
 * @param accessKeyId       the access key id from the credential scope
 * @param signedAt          the request time ({@code X-Amz-Date} or {@code Date})
 * @param region            the region of the credential scope
 * @param service           the service of the credential scope ({@code iam}, {@code sts}, ...)
 * @param partition         the partition the region implies
 * @param sessionToken      the {@code X-Amz-Security-Token} the request carried, or {@code null}
 * @param principal         what the caller's {@link CredentialLookup} returned for the key
 * @param presigned         whether the signature was in the query string rather than the Authorization header
 * @param signatureVerified {@code false} only for {@link Credential#unchecked(Object)} keys (emulator mode)
 * @param <P>               the caller's principal type
 */
public record Authentication<P>(String accessKeyId, Instant signedAt, String region, String service,
                                Partition partition, String sessionToken, P principal, boolean presigned,
                                boolean signatureVerified) {

    public Authentication {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(partition, "partition");
    }

    /** Leaves the session token out: it is a credential. */
    @Override
    public String toString() {
        return "Authentication[accessKeyId=" + accessKeyId + ", signedAt=" + signedAt + ", region=" + region
                + ", service=" + service + ", partition=" + partition
                + ", sessionToken=" + (sessionToken == null ? "none" : "<redacted>") + ", principal=" + principal
                + ", presigned=" + presigned + ", signatureVerified=" + signatureVerified + "]";
    }
}
