package io.cairn.core.alert;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.metrics.CairnMetrics;
import io.cairn.core.metrics.MetricsTaskListener;
import io.cairn.core.orchestrate.Fleet;
import io.cairn.core.orchestrate.Pipeline;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.PipelineLoader;
import io.cairn.core.orchestrate.PipelineResult;
import io.cairn.core.orchestrate.Processor;
import io.cairn.core.orchestrate.ProcessorType;
import io.cairn.core.orchestrate.RetryPolicy;
import io.cairn.core.orchestrate.RunStatus;
import io.cairn.core.orchestrate.TaskOutcome;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.CredentialStore;
import io.cairn.spi.source.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static io.cairn.core.alert.AlertFixtures.HTTP;
import static io.cairn.core.alert.AlertFixtures.KEYS;
import static io.cairn.core.alert.AlertFixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

/** Real pipeline runs over 200 tenants feeding the router and the metrics listener. */
class PipelineAlertsTest {
    private static final List<TenantId> FLEET = IntStream.rangeClosed(1, 200)
            .mapToObj(i -> TenantId.of(String.format("t%03d", i))).toList();
    private static final String YAML = "parallelism: 16\nsteps:\n  - name: sync\n    processor: sync\n    retries: 2\n"
            + "  - name: build\n    processor: build\n    scope: tenant\n    depends_on: [sync]\n";

    @TempDir
    Path dir;

    @Test
    void permanentFaultsAlertOncePerTenantTransientOnesNever() throws Exception {
        Set<TenantId> broken = Set.copyOf(FLEET.subList(0, 20));
        Set<TenantId> flaky = Set.copyOf(FLEET.subList(100, 110));
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        Processor sync = task -> {
            int attempt = attempts.merge(task.runId() + task.tenant(), 1, Integer::sum);
            if (broken.contains(task.tenant())) {
                throw SourceException.permanent("Cannot read orders of %s: HTTP 401 invalid token", task.tenant());
            }
            if (flaky.contains(task.tenant()) && attempt == 1) {
                throw SourceException.transientFailure("Cannot read orders of %s: HTTP 503", task.tenant());
            }
            return TaskOutcome.rows(10, 10);
        };
        Fleet fleet = new Fleet() {
            @Override
            public List<TenantId> tenants() {
                return FLEET;
            }

            @Override
            public List<String> sources(TenantId tenant) {
                return List.of("shop");
            }
        };
        CredentialStore secrets = CredentialStore.inMemory();
        CairnMetrics metrics = new CairnMetrics(Clock.systemUTC());
        Pipeline pipeline = PipelineLoader.parse("daily", Path.of("pipelines/daily.yml"), YAML, Set.of());
        ControlPlaneSettings settings = ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
        try (HttpReceiver receiver = new HttpReceiver(); ControlPlane controlPlane = ControlPlane.open(settings, KEYS)) {
            secrets.compareAndSet(PLATFORM, AlertChannels.SOURCE, "pagerduty.routing_key", null, "PLATFORMKEY");
            secrets.compareAndSet(PLATFORM, AlertChannels.SOURCE, "pagerduty.url", null, receiver.uri("").toString());
            for (TenantId tenant : FLEET) {
                secrets.compareAndSet(tenant, AlertChannels.SOURCE, "slack.webhook_url", null,
                        receiver.uri("/slack/" + tenant.value()).toString());
            }
            PipelineExecutor executor = new PipelineExecutor(Map.<ProcessorType, Processor>of(ProcessorType.SYNC,
                    sync, ProcessorType.BUILD, task -> TaskOutcome.rows(0, 3)), fleet, controlPlane.pipelineRuns(),
                    Clock.systemUTC(), delay -> { }, new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5)),
                    new Random(7));
            AlertRouter router = new AlertRouter(AlertStore.connect(settings), new AlertChannels(secrets, PLATFORM,
                    HTTP), AlertPolicy.DEFAULT, Clock.systemUTC());

            PipelineResult first = executor.run(pipeline, null, Map.of(), new MetricsTaskListener(metrics));
            assertThat(router.route(first)).as("one failed run pages nobody").isEmpty();
            PipelineResult second = executor.run(pipeline, null, Map.of(), new MetricsTaskListener(metrics));
            List<Alert> alerts = router.route(second);

            assertThat(second.count(RunStatus.FAILED)).as("20 syncs failed, their builds were skipped or failed")
                    .isGreaterThanOrEqualTo(20);
            assertThat(alerts).extracting(Alert::tenant).containsExactlyInAnyOrderElementsOf(broken);
            assertThat(receiver.requests()).extracting(HttpReceiver.Request::path)
                    .containsExactlyInAnyOrderElementsOf(broken.stream().map(t -> "/slack/" + t.value()).toList());
            assertThat(alerts.get(0).details()).anySatisfy(line -> assertThat(line)
                    .contains("failed after 1 attempt(s): SourceException: Cannot read orders of t0"));
            String text = metrics.scrape().text();
            assertThat(text).contains("cairn_task_attempts_total{source=\"shop\",step=\"sync\",tenant=\"t101\"} 4.0",
                    "cairn_task_failures_total{source=\"shop\",step=\"sync\",tenant=\"t001\"} 2.0",
                    "cairn_task_rows_landed_total{source=\"shop\",step=\"sync\",tenant=\"t200\"} 20.0");
        }
    }
}
