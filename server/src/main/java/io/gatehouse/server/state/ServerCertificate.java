package io.gatehouse.server.state;

import java.time.Instant;
import java.util.List;

/**
 * A server certificate of an account: an X.509 certificate, its chain and its private key.
 *
 * @param name       the name (unique per account, case-insensitively)
 * @param id         the unique id ({@code ASCA…})
 * @param path       the path, {@code /} by default
 * @param body       the certificate (PEM), as uploaded
 * @param chain      the certificate chain (PEM), or {@code null}
 * @param privateKey the private key (PEM): kept encrypted at rest, never returned, logged or audited
 * @param uploaded   when it was uploaded
 * @param expiration the certificate's end of validity
 * @param tags       tags in the order they were added
 */
public record ServerCertificate(String name, String id, String path, String body, String chain, String privateKey,
                                Instant uploaded, Instant expiration, List<Tag> tags) {

    public ServerCertificate {
        tags = List.copyOf(tags);
    }

    /** This certificate under another name and path (UpdateServerCertificate); its id stays. */
    public ServerCertificate moved(String newName, String newPath) {
        return new ServerCertificate(newName, id, newPath, body, chain, privateKey, uploaded, expiration, tags);
    }

    public ServerCertificate withTags(List<Tag> newTags) {
        return new ServerCertificate(name, id, path, body, chain, privateKey, uploaded, expiration, newTags);
    }

    @Override
    public String toString() {
        // Never print the private key.
        return "ServerCertificate[" + name + ", " + id + ", path=" + path + "]";
    }
}
