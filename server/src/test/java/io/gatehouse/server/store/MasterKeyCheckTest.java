package io.gatehouse.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.gatehouse.server.crypto.MasterKey;
import io.gatehouse.server.crypto.MasterKeyCheck;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class MasterKeyCheckTest extends StoreTestBase {

    @Test
    void theFirstKeyIsRecordedAndOnlyItIsAcceptedLater() {
        byte[] originalBytes = randomKey();
        MasterKey original = MasterKey.of(originalBytes);
        MasterKeyCheck.verify(store, original);
        assertThat(store.meta(MasterKeyCheck.SETTING)).contains(original.id());

        MasterKeyCheck.verify(store, MasterKey.of(originalBytes));
        MasterKey other = MasterKey.of(randomKey());
        assertThatIllegalStateException().isThrownBy(() -> MasterKeyCheck.verify(store, other))
                .withMessageContaining(original.id()).withMessageContaining(other.id());
        assertThat(store.meta(MasterKeyCheck.SETTING)).contains(original.id());
    }

    private static byte[] randomKey() {
        byte[] key = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
