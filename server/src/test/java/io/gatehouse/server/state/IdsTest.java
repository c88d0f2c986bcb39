package io.gatehouse.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Identifiers keep AWS's forms; audit event ids are UUIDs that sort by time. */
class IdsTest {

    private final Ids ids = new Ids();

    @Test
    void requestIdsAreRandomVersionFourUuids() {
        UUID id = UUID.fromString(ids.requestId());

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void eventIdsAreVersionSevenUuidsCarryingTheEventTime() {
        Instant time = Instant.parse("2026-11-26T01:02:03.456Z");
        String text = ids.eventId(time);
        UUID id = UUID.fromString(text);

        assertThat(text).hasSize(36).isLowerCase();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(time.toEpochMilli());
    }

    @Test
    void eventIdsOfLaterEventsSortAfterEarlierOnesAndNeverRepeat() {
        Instant start = Instant.parse("2026-11-26T00:00:00Z");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            made.add(ids.eventId(start.plusMillis(i)));
        }

        assertThat(made).isSorted();
        assertThat(new HashSet<>(made)).hasSize(made.size());
        assertThat(ids.eventId(start)).isNotEqualTo(ids.eventId(start));
    }
}
