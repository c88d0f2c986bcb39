package io.gatehouse.server.state;

import java.time.Instant;

/**
 * A private key a SAML provider decrypts encrypted assertions with.
 *
 * @param id    the key id ({@code [A-Z0-9]}, 26 characters), which GetSAMLProvider lists and RemovePrivateKey names
 * @param pem   the private key (PEM): kept sealed at rest, never returned, logged or audited
 * @param added when it was added
 */
public record SamlPrivateKey(String id, String pem, Instant added) {

    @Override
    public String toString() {
        // Never print the key.
        return "SamlPrivateKey[" + id + ", added=" + added + "]";
    }
}
