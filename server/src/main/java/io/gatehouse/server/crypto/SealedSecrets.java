package io.gatehouse.server.crypto;

import io.gatehouse.server.state.Secrets;
import java.nio.charset.StandardCharsets;

/** The state's {@link Secrets}, sealed with AES-256-GCM under the master key. */
public final class SealedSecrets implements Secrets {

    private final SecretBox box;

    public SealedSecrets(SecretBox box) {
        this.box = box;
    }

    @Override
    public String seal(String plaintext, String associatedData) {
        return box.seal(associatedData, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String open(String sealed, String associatedData) {
        return new String(box.open(associatedData, sealed), StandardCharsets.UTF_8);
    }
}
