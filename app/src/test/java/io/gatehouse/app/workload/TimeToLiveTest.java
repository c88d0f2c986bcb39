package io.gatehouse.app.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** A token's time to live as an operator writes it, between a minute and 366 days. */
class TimeToLiveTest {

    private final TimeToLive ttl = new TimeToLive();

    @Test
    void shortFormsAndIso8601() {
        assertThat(ttl.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ttl.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(ttl.convert("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(ttl.convert("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(ttl.convert("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ttl.convert("366d")).isEqualTo(TimeToLive.MAX);
    }

    @Test
    void tooShortTooLongOrNoDuration() {
        assertThatThrownBy(() -> ttl.convert("59s")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("not between 1 minute and 366 days");
        assertThatThrownBy(() -> ttl.convert("367d")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> ttl.convert("-PT1H")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> ttl.convert("1w")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a duration");
    }
}
