package io.gatehouse.server.auth;

import java.util.Objects;

/**
 * What a {@link CredentialLookup} knows about an access key id.
 *
 * @param <P> the caller's principal type
 */
public sealed interface Credential<P> {

    /** The key exists and may sign requests. */
    static <P> Credential<P> active(String secretAccessKey, P principal) {
        return new Active<>(secretAccessKey, principal);
    }

    /** No such key: the verifier answers {@code InvalidClientTokenId}. */
    static <P> Credential<P> unknown() {
        return new Unknown<>();
    }

    /** The key was issued but is inactive or deleted: also {@code InvalidClientTokenId}, as AWS answers. */
    static <P> Credential<P> disabled() {
        return new Disabled<>();
    }

    /**
     * Accept the request as {@code principal} without checking its signature. Only for the emulator mode
     * ({@code --dev}), where a key the server does not know stands for the root user.
     */
    static <P> Credential<P> unchecked(P principal) {
        return new Unchecked<>(principal);
    }

    /** An active key with its secret. The secret never appears in {@link #toString()}. */
    record Active<P>(String secretAccessKey, P principal) implements Credential<P> {
        public Active {
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            if (secretAccessKey.isEmpty()) {
                throw new IllegalArgumentException("a secret access key is not empty");
            }
        }

        @Override
        public String toString() {
            return "Active[secretAccessKey=<redacted>, principal=" + principal + "]";
        }
    }

    /** An access key id nobody issued. */
    record Unknown<P>() implements Credential<P> {
    }

    /** An access key id that was issued and is now inactive or deleted. */
    record Disabled<P>() implements Credential<P> {
    }

    /** A key accepted without signature verification (emulator mode only). */
    record Unchecked<P>(P principal) implements Credential<P> {
    }
}
