package io.gatehouse.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Argon2id hashes in PHC form that verify, resist the wrong password and say when they should be upgraded. */
class PasswordHasherTest {

    /** Small parameters keep the test fast; the production defaults are checked apart. */
    private static final PasswordHashing SMALL = new PasswordHashing(64, 1, 1);

    @Test
    void aHashIsArgon2idWithItsParametersAndARandomSalt() {
        PasswordHasher hasher = new PasswordHasher(SMALL);
        String first = hasher.hash("Correct-Horse-1");
        assertThat(first).startsWith("$argon2id$v=19$m=64,t=1,p=1$").doesNotContain("Correct-Horse-1");
        assertThat(hasher.hash("Correct-Horse-1")).as("salted").isNotEqualTo(first);
    }

    @Test
    void onlyThePasswordItWasMadeFromVerifies() {
        PasswordHasher hasher = new PasswordHasher(SMALL);
        String hash = hasher.hash("pässwörd ÿ\ttab");
        assertThat(hasher.verify("pässwörd ÿ\ttab", hash)).isEqualTo(new PasswordHasher.Verification(true, false));
        assertThat(hasher.verify("passwörd ÿ\ttab", hash).matches()).isFalse();
        assertThat(hasher.verify("", hash).matches()).isFalse();
        assertThat(hasher.verify("pässwörd ÿ\ttab", "not a hash").matches()).isFalse();
        assertThat(hasher.verify("x", new PasswordHasher(SMALL).hash("x").replace("argon2id", "argon2i")).matches())
                .as("only Argon2id is accepted").isFalse();
    }

    @Test
    void aHashMadeWithWeakerParametersVerifiesAndAsksToBeUpgraded() {
        String weak = new PasswordHasher(SMALL).hash("secret-1A");
        PasswordHasher stronger = new PasswordHasher(new PasswordHashing(128, 2, 1));
        assertThat(stronger.verify("secret-1A", weak)).isEqualTo(new PasswordHasher.Verification(true, true));
        assertThat(stronger.verify("wrong", weak)).as("a wrong password asks for nothing")
                .isEqualTo(new PasswordHasher.Verification(false, false));
        String strong = stronger.hash("secret-1A");
        assertThat(new PasswordHasher(SMALL).verify("secret-1A", strong))
                .as("a stronger hash than configured is kept").isEqualTo(new PasswordHasher.Verification(true, false));
    }

    @Test
    void theDefaultsAreOwaspsArgon2idConfiguration() {
        assertThat(PasswordHashing.DEFAULT).isEqualTo(new PasswordHashing(19 * 1024, 2, 1));
        assertThat(new PasswordHasher(PasswordHashing.DEFAULT).hash("x")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThatThrownBy(() -> new PasswordHashing(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHashing(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHashing(64, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
    @Test
    void whenEverySlotIsBusyAFurtherCallIsRefusedWithThrottling() throws Exception {
        PasswordHasher hasher = new PasswordHasher(SMALL, 1, Duration.ZERO);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = Thread.ofPlatform().start(() -> hasher.inSlot(() -> {
            try {
                return release.await(1, TimeUnit.MINUTES); // a long hash holding the one slot
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        while (hasher.running() == 0) {
            Thread.sleep(1);
        }

        assertThatThrownBy(() -> hasher.hash("Another-1"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.error()).isEqualTo(AwsError.THROTTLING));
        release.countDown();
        busy.join();
        assertThat(hasher.hash("Another-1")).as("the slot is free again").startsWith("$argon2id$");
    }
}
