package io.cairn.core.metrics;

import io.cairn.core.orchestrate.RunStatus;
import io.cairn.core.orchestrate.TaskRunRecord;
import io.cairn.spi.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Cairn's meters on a Prometheus registry. Per tenant, source and step: {@code cairn_task_duration_seconds} (a
 * timer, also tagged with the final status), {@code cairn_task_rows_read_total}, {@code cairn_task_rows_landed_total},
 * {@code cairn_task_attempts_total}, {@code cairn_task_failures_total}. Per tenant and source:
 * {@code cairn_freshness_lag_seconds}, the time since the source last loaded, computed when scraped. A task of no
 * tenant or source carries the tag value {@value #NONE}. Thread-safe.
 */
public final class CairnMetrics {
    public static final String NONE = "none";

    private final PrometheusMeterRegistry registry;
    private final Clock clock;
    private final Map<Tags, Instant> lastLoaded = new ConcurrentHashMap<>();

    public CairnMetrics(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus exposition of every meter. */
    public PrometheusScrape scrape() {
        return new PrometheusScrape(registry);
    }

    /** Counts a finished task; a task still running or skipped (it did no work) counts nothing. */
    public void recordTask(TaskRunRecord task) {
        requireNonNull(task, "task is null");
        if (task.status() == RunStatus.RUNNING || task.status() == RunStatus.SKIPPED) {
            return;
        }
        Tags tags = Tags.of("tenant", tag(task.tenant()), "source", tag(task.source()), "step", task.step());
        if (task.durationMillis() != null) {
            Timer.builder("cairn.task.duration").description("Wall time of pipeline tasks, all attempts included")
                    .tags(tags).tag("status", task.status().key()).register(registry)
                    .record(Duration.ofMillis(task.durationMillis()));
        }
        count("cairn.task.attempts", "Attempts made by pipeline tasks", tags, task.attempt());
        count("cairn.task.failures", "Pipeline tasks that failed or timed out after their retries", tags,
                task.status().isFailure() ? 1 : 0);
        count("cairn.task.rows.read", "Rows read by pipeline tasks", tags, orZero(task.rowsRead()));
        count("cairn.task.rows.landed", "Rows landed by pipeline tasks", tags, orZero(task.rowsLanded()));
        if (task.status() == RunStatus.SUCCEEDED && task.tenant() != null && task.source() != null
                && task.finishedAt() != null) {
            loaded(task.tenant(), task.source(), task.finishedAt());
        }
    }

    /** Records that a source of a tenant last loaded at {@code at}; an earlier time than known is ignored. */
    public void loaded(TenantId tenant, String source, Instant at) {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(source, "source is null");
        requireNonNull(at, "at is null");
        Tags tags = Tags.of("tenant", tenant.value(), "source", source);
        lastLoaded.merge(tags, at, (known, given) -> known.isAfter(given) ? known : given);
        Gauge.builder("cairn.freshness.lag", lastLoaded, loads -> lagSeconds(loads.get(tags)))
                .description("Seconds since the source last loaded").baseUnit("seconds").tags(tags)
                .register(registry);
    }

    private double lagSeconds(Instant at) {
        return at == null ? Double.NaN : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }

    private void count(String name, String description, Tags tags, long amount) {
        Counter counter = Counter.builder(name).description(description).tags(tags).register(registry);
        if (amount > 0) {
            counter.increment(amount);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String tag(Object value) {
        if (value == null) {
            return NONE;
        }
        return value instanceof TenantId tenant ? tenant.value() : value.toString();
    }
}
