package io.gatehouse.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Temporary access key ids name their account and are otherwise random. */
class TemporaryKeyIdsTest {

    private final TemporaryKeyIds ids = new TemporaryKeyIds(new SecureRandom());

    @Test
    void anIdNamesItsAccount() {
        for (String account : new String[] {"000000000000", "123456789012", "999999999999", "000000000001"}) {
            String id = ids.next(account);
            assertThat(id).matches("ASIA[A-Z2-7]{16}");
            assertThat(TemporaryKeyIds.accountOf(id)).isEqualTo(account);
        }
    }

    @Test
    void idsOfOneAccountDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) { // a repeat among 1,000: about 1 in 4 million
            assertThat(seen.add(ids.next("123456789012"))).isTrue();
        }
    }

    @Test
    void otherIdsNameNoAccount() {
        String good = ids.next("123456789012");
        assertThat(TemporaryKeyIds.accountOf("AKIA" + good.substring(4))).isNull();
        assertThat(TemporaryKeyIds.accountOf(good.substring(0, 19))).isNull();
        assertThat(TemporaryKeyIds.accountOf(good + "A")).isNull();
        assertThat(TemporaryKeyIds.accountOf(good.substring(0, 19) + "1")).isNull();
        assertThat(TemporaryKeyIds.accountOf("ASIA" + "77777777" + good.substring(12))).as("over 12 digits").isNull();
    }
}
