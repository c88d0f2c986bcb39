package io.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.auth.Authentication;
import io.gatehouse.server.auth.Partition;
import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.StateWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last use of a key is recorded once a minute at most, through the writer, and never fails a request. */
class KeyUsageTest {

    private static final String ACCOUNT = "111122223333";
    private static final String KEY = "AKIAKEYUSAGETEST0001";
    private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");

    private final InlineWriter writer = new InlineWriter();
    private final StateWriter state = new StateWriter(writer, new EntityCodec(InlineWriter.PLAIN), GatehouseState.EMPTY);
    private final KeyUsage usage = new KeyUsage(state);

    private void givenAKey() {
        state.apply(mutation -> {
            mutation.putAccount(AccountState.of(new Account(ACCOUNT, T, List.of())));
            mutation.putAccessKey(ACCOUNT, new AccessKey(KEY, "alice", "secret", true, T, null));
            return null;
        });
        writer.writes.clear();
    }

    private static Authentication<KeyOwner> signedBy(String keyId, String service, String region) {
        return new Authentication<>(keyId, T, region, service, Partition.ofRegion(region), null,
                new KeyOwner(ACCOUNT, "alice", "AIDAALICE", "/"), false, true);
    }

    private AccessKey.LastUsed lastUse() {
        return state.current().accessKey(KEY).lastUsed();
    }

    @Test
    void theFirstUseIsRecordedAtOnceAndLaterOnesOncePerMinute() {
        givenAKey();
        usage.record(signedBy(KEY, "sts", "eu-west-1"), T);
        assertThat(lastUse()).isEqualTo(new AccessKey.LastUsed(T, "sts", "eu-west-1"));
        assertThat(writer.writes).containsExactly("access-key:" + KEY);

        usage.record(signedBy(KEY, "iam", "us-east-1"), T.plusSeconds(59));
        assertThat(lastUse()).as("within the minute").isEqualTo(new AccessKey.LastUsed(T, "sts", "eu-west-1"));
        assertThat(writer.writes).hasSize(1);

        usage.record(signedBy(KEY, "iam", "us-east-1"), T.plusSeconds(60));
        assertThat(lastUse()).isEqualTo(new AccessKey.LastUsed(T.plusSeconds(60), "iam", "us-east-1"));
        assertThat(writer.writes).hasSize(2);
        assertThat(state.current().accessKey(KEY).secret()).as("the rest of the key stays").isEqualTo("secret");
    }

    @Test
    void keysTheServerDoesNotHoldHaveNothingToRecord() {
        givenAKey();
        usage.record(signedBy("AKIAUNKNOWN000000001", "iam", "us-east-1"), T);
        assertThat(writer.writes).isEmpty();
    }

    @Test
    void aRecordTheWriterRefusesIsDroppedAndTheNextUseTriesAgain() {
        givenAKey();
        writer.full = true;
        usage.record(signedBy(KEY, "iam", "us-east-1"), T);
        assertThat(lastUse()).isNull();
        writer.full = false;
        usage.record(signedBy(KEY, "iam", "us-east-1"), T.plusSeconds(1));
        assertThat(lastUse()).isEqualTo(new AccessKey.LastUsed(T.plusSeconds(1), "iam", "us-east-1"));
    }
}
