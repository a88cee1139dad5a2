package io.cairn.core.metrics;

import io.cairn.core.orchestrate.RunStatus;
import io.cairn.core.orchestrate.TaskRunRecord;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CairnMetricsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static TaskRunRecord task(String step, String source, RunStatus status, int attempts, long millis,
            Long read, Long landed) {
        String id = step + "/acme" + (source == null ? "" : "/" + source);
        return new TaskRunRecord("run-1", id, step, ACME, source, status, attempts, T0, T0.plusMillis(millis), millis,
                read, landed, status.isFailure() ? "SourceException" : null, status.isFailure() ? "HTTP 401" : null);
    }

    @Test
    void listenerRecordsDurationsRowsAttemptsAndFailuresPerTenantSourceAndStep() {
        CairnMetrics metrics = new CairnMetrics(clock);
        MetricsTaskListener listener = new MetricsTaskListener(metrics);

        listener.finished(task("sync", "shopify", RunStatus.SUCCEEDED, 3, 1500, 40L, 38L));
        listener.finished(task("sync", "shopify", RunStatus.SUCCEEDED, 1, 500, 10L, 10L));
        listener.finished(task("sync", "stripe", RunStatus.FAILED, 1, 250, null, null));
        listener.finished(task("build", null, RunStatus.SUCCEEDED, 1, 2000, 0L, 5L));

        String text = metrics.scrape().text();
        String shopify = "{source=\"shopify\",step=\"sync\",tenant=\"acme\"}";
        assertThat(text).contains(
                "cairn_task_rows_read_total" + shopify + " 50.0",
                "cairn_task_rows_landed_total" + shopify + " 48.0",
                "cairn_task_attempts_total" + shopify + " 4.0",
                "cairn_task_failures_total" + shopify + " 0.0",
                "cairn_task_failures_total{source=\"stripe\",step=\"sync\",tenant=\"acme\"} 1.0",
                "cairn_task_duration_seconds_count{source=\"shopify\",status=\"succeeded\",step=\"sync\","
                        + "tenant=\"acme\"} 2",
                "cairn_task_duration_seconds_sum{source=\"shopify\",status=\"succeeded\",step=\"sync\","
                        + "tenant=\"acme\"} 2.0",
                "cairn_task_duration_seconds_count{source=\"stripe\",status=\"failed\",step=\"sync\","
                        + "tenant=\"acme\"} 1",
                "cairn_task_rows_landed_total{source=\"none\",step=\"build\",tenant=\"acme\"} 5.0");
    }

    @Test
    void freshnessLagGrowsFromTheLastSuccessfulLoad() {
        CairnMetrics metrics = new CairnMetrics(clock);
        MetricsTaskListener listener = new MetricsTaskListener(metrics);
        listener.finished(task("sync", "shopify", RunStatus.SUCCEEDED, 1, 1000, 1L, 1L));
        listener.finished(task("sync", "stripe", RunStatus.FAILED, 1, 1000, null, null));
        metrics.loaded(ACME, "shopify", T0.minusSeconds(600));

        now.set(T0.plusSeconds(91));
        String text = metrics.scrape().text();

        assertThat(text).as("an older load does not move the lag back")
                .contains("cairn_freshness_lag_seconds{source=\"shopify\",tenant=\"acme\"} 90.0");
        assertThat(text).as("a source that never loaded has no lag yet")
                .doesNotContain("cairn_freshness_lag_seconds{source=\"stripe\"");
    }

    @Test
    void skippedTasksCountNothing() {
        CairnMetrics metrics = new CairnMetrics(clock);
        metrics.recordTask(task("build", null, RunStatus.SKIPPED, 0, 0, null, null));

        assertThat(metrics.scrape().text()).doesNotContain("cairn_task_");
    }
}
