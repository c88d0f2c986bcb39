package io.gatehouse.bench.load;

import java.time.Clock;
import java.time.Instant;

/**
 * A read request signed afresh each second, with that second as its {@code X-Amz-Date}: every request sent carries
 * a current signature that the server verifies in full, while the driver signs about once a second rather than per
 * call. (SigV4 has no nonce; a server accepts a signature for 15 minutes either side of its date.)
 */
final class PerSecondRequest {

    private record Signed(long second, byte[] bytes) {
    }

    private final Signer signer;
    private final String service;
    private final String form;
    private final Clock clock;
    private volatile Signed current;

    PerSecondRequest(Signer signer, String service, String form, Clock clock) {
        this.signer = signer;
        this.service = service;
        this.form = form;
        this.clock = clock;
    }

    byte[] bytes() {
        long second = clock.millis() / 1000;
        Signed signed = current;
        if (signed == null || signed.second() != second) {
            // Two workers may both sign at a turn of the second; either result is right.
            signed = new Signed(second, signer.sign(service, form, Instant.ofEpochSecond(second)));
            current = signed;
        }
        return signed.bytes();
    }
}
