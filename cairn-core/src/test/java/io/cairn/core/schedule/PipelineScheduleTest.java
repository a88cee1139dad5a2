package io.cairn.core.schedule;

import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineScheduleTest {
    @Test
    void fiveFieldCronIsReadInTheScheduleTimeZone() {
        PipelineSchedule berlin = new PipelineSchedule("nightly", "daily", TenantId.of("acme"), "0 3 * * *",
                ZoneId.of("Europe/Berlin"));

        assertThat(berlin.nextAfter(Instant.parse("2026-01-10T12:00:00Z"))).as("03:00 CET is 02:00 UTC")
                .isEqualTo(Instant.parse("2026-01-11T02:00:00Z"));
        assertThat(berlin.nextAfter(Instant.parse("2026-07-10T12:00:00Z"))).as("03:00 CEST is 01:00 UTC")
                .isEqualTo(Instant.parse("2026-07-11T01:00:00Z"));
    }

    @Test
    void sixFieldCronHasSecondsFirst() {
        PipelineSchedule often = new PipelineSchedule("often", "daily", null, "*/10 * * * * *", ZoneId.of("UTC"));
        assertThat(often.nextAfter(Instant.parse("2026-01-10T12:00:10.250Z"))).as("whole seconds")
                .isEqualTo(Instant.parse("2026-01-10T12:00:20Z"));

        assertThat(often.nextAfter(Instant.parse("2026-01-10T12:00:01Z")))
                .isEqualTo(Instant.parse("2026-01-10T12:00:10Z"));
    }

    @Test
    void invalidCronOrNameFailsNamingTheSchedule() {
        assertThatThrownBy(() -> new PipelineSchedule("nightly", "daily", null, "0 3 * *", ZoneId.of("UTC")))
                .isInstanceOf(CairnException.class)
                .hasMessage("Cannot define schedule nightly: cron '0 3 * *' has 4 fields, expected 5 (minute hour "
                        + "day month weekday) or 6 (seconds first)");
        assertThatThrownBy(() -> new PipelineSchedule("nightly", "daily", null, "0 99 * * *", ZoneId.of("UTC")))
                .isInstanceOf(CairnException.class).hasMessageStartingWith("Cannot define schedule nightly: cron "
                        + "'0 99 * * *' is invalid");
        assertThatThrownBy(() -> new PipelineSchedule("Nightly Run", "daily", null, "0 3 * * *", ZoneId.of("UTC")))
                .isInstanceOf(CairnException.class).hasMessageStartingWith("Cannot define schedule 'Nightly Run'");
    }
}
