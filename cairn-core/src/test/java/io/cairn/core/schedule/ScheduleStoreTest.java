package io.cairn.core.schedule;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleStoreTest {
    private static final ControlPlaneSettings DB =
            ControlPlaneSettings.of("jdbc:h2:mem:schedule_store;DB_CLOSE_DELAY=-1");

    private ControlPlane controlPlane;
    private ControlPlaneDataSource dataSource;
    private ScheduleStore store;

    @BeforeEach
    void open() {
        controlPlane = ControlPlane.open(DB);
        dataSource = new ControlPlaneDataSource(DB);
        store = new ScheduleStore(dataSource,
                Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.list().forEach(entry -> store.remove(entry.schedule().name()));
        dataSource.close();
        controlPlane.close();
    }

    @Test
    void addListAndRemoveKeepEveryField() {
        PipelineSchedule nightly = new PipelineSchedule("nightly", "daily", null, "0 3 * * *", ZoneId.of("UTC"));
        PipelineSchedule acme = new PipelineSchedule("acme-hourly", "sync_only", TenantId.of("acme"), "15 * * * *",
                ZoneId.of("America/New_York"));
        store.add(nightly);
        store.add(acme);

        assertThat(store.list()).extracting(ScheduleEntry::schedule).containsExactly(acme, nightly);
        assertThat(store.list().get(0).lastStatus()).as("never ran").isNull();
        store.recordRun("nightly", Instant.parse("2026-03-02T03:00:00Z"), Instant.parse("2026-03-02T03:04:00Z"),
                ScheduleStatus.FAILED, "2 of 9 tasks failed");
        ScheduleEntry ran = store.list().get(1);
        assertThat(ran.lastStatus()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(ran.lastMessage()).isEqualTo("2 of 9 tasks failed");
        assertThat(ran.lastFinished()).isEqualTo(Instant.parse("2026-03-02T03:04:00Z"));

        assertThat(store.remove("nightly")).isTrue();
        assertThat(store.remove("nightly")).as("already gone").isFalse();
        assertThat(store.find("acme-hourly")).contains(acme);
        assertThat(store.find("nightly")).isEmpty();
    }

    @Test
    void addingANameTwiceFails() {
        store.add(new PipelineSchedule("nightly", "daily", null, "0 3 * * *", ZoneId.of("UTC")));

        assertThatThrownBy(() -> store.add(new PipelineSchedule("nightly", "other", null, "0 4 * * *",
                ZoneId.of("UTC")))).isInstanceOf(CairnException.class)
                .hasMessage("Cannot add schedule nightly: it already exists (remove it first)");
    }
}
