package io.cairn.core.orchestrate;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Sql;
import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.SourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Cancellation, source fences, on_success steps, tenant profile variables and backfills of the executor. */
class RunControlTest {
    private static final Path FILE = Path.of("pipelines/nightly.yml");
    private static final TenantId T1 = TenantId.of("t1");
    private static final TenantId T2 = TenantId.of("t2");

    @TempDir
    Path dir;
    ControlPlane controlPlane;
    PipelineRunStore store;
    final Map<ProcessorType, Processor> processors = new ConcurrentHashMap<>();
    final List<TaskContext> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() {
        controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control")),
                OrchestrateFixtures.KEYS);
        store = controlPlane.pipelineRuns();
        processors.put(ProcessorType.SYNC, task -> TaskOutcome.rows(1, 1));
        processors.put(ProcessorType.BUILD, this::record);
        processors.put(ProcessorType.NOTIFY, this::record);
        processors.put(ProcessorType.SQL, this::record);
    }

    @AfterEach
    void close() {
        controlPlane.close();
    }

    private TaskOutcome record(TaskContext task) {
        seen.add(task);
        return TaskOutcome.NONE;
    }

    private PipelineExecutor executor() {
        return new PipelineExecutor(processors, fleet(), store, Clock.systemUTC(), duration -> { },
                RetryPolicy.DEFAULT, new Random(7)).withSettings(new RunSettings("node-a", Duration.ofMillis(20),
                Duration.ofSeconds(5), () -> { }));
    }

    private PipelineResult run(String yaml) {
        return executor().run(PipelineLoader.parse("nightly", FILE, yaml, Set.of()), null, Map.of(),
                TaskListener.NONE);
    }

    private static Fleet fleet() {
        return new Fleet() {
            @Override
            public List<TenantId> tenants() {
                return List.of(T1, T2);
            }

            @Override
            public List<String> sources(TenantId tenant) {
                return List.of("shop");
            }

            @Override
            public Map<String, String> profile(TenantId tenant) {
                return tenant.equals(T1) ? Map.of("name", "Tenant One", "timezone", "Europe/Rome", "currency", "EUR")
                        : Map.of("name", "Tenant Two", "timezone", "UTC");
            }
        };
    }

    @Test
    void cancelRequestedThroughTheStoreStopsRunningTasksAndStartsNothingNew() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        AtomicBoolean hookRan = new AtomicBoolean();
        processors.put(ProcessorType.SYNC, task -> {
            task.cancellation().onCancel(() -> hookRan.set(true));
            started.countDown();
            Thread.sleep(60_000);
            return TaskOutcome.NONE;
        });
        Thread canceller = new Thread(() -> {
            try {
                started.await(30, TimeUnit.SECONDS);
                String runId = store.list(1).get(0).runId();
                assertThat(store.requestCancel(runId)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();

        PipelineResult result = run("""
                steps:
                  - name: sync
                    processor: sync
                  - name: build
                    processor: build
                    depends_on: [sync]
                on_failure:
                  - name: tell
                    processor: notify
                """);
        canceller.join();

        assertThat(result.run().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(store.tasks(result.run().runId())).extracting(TaskRunRecord::taskId, TaskRunRecord::status)
                .containsExactlyInAnyOrder(tuple("sync/t1/shop", RunStatus.CANCELLED),
                        tuple("sync/t2/shop", RunStatus.CANCELLED), tuple("build", RunStatus.CANCELLED));
        assertThat(seen).as("neither the build nor on_failure started").isEmpty();
        assertThat(hookRan).as("the running work was stopped through its cancel hook").isTrue();
        assertThat(store.requestCancel(result.run().runId())).as("a finished run cannot be cancelled").isFalse();
        assertThat(store.requestCancel("no-such-run")).isFalse();
    }

    @Test
    void failedSyncFencesItsSourceAsOfTheLastGoodSyncAndTheBuildRecordsSkippedModels() {
        String yaml = """
                steps:
                  - name: sync
                    processor: sync
                  - name: build
                    processor: build
                    depends_on: [sync]
                """;
        PipelineResult first = run(yaml);
        TaskRunRecord goodSync = first.tasks().stream().filter(t -> t.taskId().equals("sync/t1/shop")).findFirst()
                .orElseThrow();
        Instant goodUntil = Sql.truncate(goodSync.finishedAt());
        assertThat(store.watermarks().find(T1, "shop")).contains(goodUntil);
        processors.put(ProcessorType.SYNC, task -> {
            if (task.tenant().equals(T1)) {
                throw SourceException.permanent("Cannot read orders of %s: HTTP 401", task.tenant());
            }
            return TaskOutcome.rows(2, 2);
        });
        processors.put(ProcessorType.BUILD, task -> {
            seen.add(task);
            return new TaskOutcome(null, null, task.fences().stream().map(fence -> new TaskOutcome.Skipped(
                    fence.tenant(), fence.source(), "fct_sales", fence.reason())).toList());
        });
        seen.clear();

        PipelineResult second = run(yaml);

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).fences()).as("only t1's source, as of the end of its last good sync")
                .extracting(SourceFence::tenant, SourceFence::source, SourceFence::visibleUntil)
                .containsExactly(tuple(T1, "shop", goodUntil));
        assertThat(store.watermarks().find(T1, "shop")).as("a failed sync keeps the watermark")
                .contains(goodUntil);
        assertThat(store.watermarks().find(T2, "shop").orElseThrow()).isAfter(goodUntil);
        TaskRunRecord skipped = store.tasks(second.run().runId()).stream()
                .filter(task -> task.status() == RunStatus.SKIPPED).findFirst().orElseThrow();
        assertThat(skipped.taskId()).isEqualTo("build/t1/shop/fct_sales");
        assertThat(skipped.errorMessage()).contains("source shop of tenant t1 failed to sync in this run",
                "SourceException", "as of its last good sync at " + goodUntil);
        assertThat(second.count(RunStatus.SUCCEEDED)).as("t2's sync and the build").isEqualTo(2);
    }

    @Test
    void onSuccessStepsRunWithTenantProfileVariables() {
        PipelineResult result = run("""
                steps:
                  - name: build
                    processor: build
                on_success:
                  - name: tell
                    processor: notify
                    scope: tenant
                    message: "{tenant.name} ({tenant_id}) in {tenant.timezone} built on {date}"
                on_failure:
                  - name: alarm
                    processor: notify
                """);

        assertThat(result.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(seen).filteredOn(task -> task.step().name().equals("tell"))
                .extracting(task -> task.param("message")).containsExactlyInAnyOrder(
                        "Tenant One (t1) in Europe/Rome built on " + result.run().startedAt().toString()
                                .substring(0, 10),
                        "Tenant Two (t2) in UTC built on " + result.run().startedAt().toString().substring(0, 10));
        assertThat(seen).extracting(task -> task.step().name()).doesNotContain("alarm");
    }

    @Test
    void aTenantWithoutAProfileFieldAStepUsesFailsBeforeAnythingRuns() {
        assertThatThrownBy(() -> run("""
                steps:
                  - name: tell
                    processor: notify
                    scope: tenant
                    message: "report in {tenant.currency}"
                """)).isInstanceOf(CairnException.class)
                .hasMessage("Cannot run pipeline nightly: tenant t2 has no currency for variable '{tenant.currency}'");
        assertThat(store.list(10)).as("no run was recorded").isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void backfillRunsEachDateInOrderAndStopsAtAFailureUnlessToldToContinue() {
        AtomicInteger calls = new AtomicInteger();
        processors.put(ProcessorType.SQL, task -> {
            seen.add(task);
            calls.incrementAndGet();
            if (task.vars().get("date").equals("2024-02-28")) {
                throw new IllegalStateException("partition 2024-02-28 is broken");
            }
            return TaskOutcome.NONE;
        });
        Pipeline pipeline = PipelineLoader.parse("nightly", FILE, "steps:\n  - name: load\n    processor: sql\n"
                + "    sql: \"INSERT INTO t SELECT * FROM s WHERE d = '{date}'\"\n", Set.of());

        List<PipelineResult> stopped = new Backfill(LocalDate.of(2024, 2, 27), LocalDate.of(2024, 3, 1), false)
                .run(executor(), pipeline, null, Map.of(), TaskListener.NONE);
        List<String> stoppedSql = seen.stream().map(task -> task.param("sql")).toList();
        seen.clear();
        List<PipelineResult> continued = new Backfill(LocalDate.of(2024, 2, 27), LocalDate.of(2024, 3, 1), true)
                .run(executor(), pipeline, null, Map.of(), TaskListener.NONE);

        assertThat(stopped).extracting(r -> r.run().status()).containsExactly(RunStatus.SUCCEEDED, RunStatus.FAILED);
        assertThat(stoppedSql).containsExactly("INSERT INTO t SELECT * FROM s WHERE d = '2024-02-27'",
                "INSERT INTO t SELECT * FROM s WHERE d = '2024-02-28'");
        assertThat(continued).extracting(r -> r.run().status()).containsExactly(RunStatus.SUCCEEDED,
                RunStatus.FAILED, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED);
        assertThat(seen).extracting(task -> task.vars().get("date")).containsExactly("2024-02-27", "2024-02-28",
                "2024-02-29", "2024-03-01");
        assertThat(store.list(10)).as("each partition is a recorded run").hasSize(6);
        assertThatThrownBy(() -> new Backfill(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1), false))
                .hasMessage("Cannot backfill from 2024-03-02 to 2024-03-01: --to is before --from");
    }

    @Test
    void aNewRunClosesOnlyRunsWhoseHolderStoppedRenewingItsLease() {
        Instant now = Instant.now();
        store.start(new PipelineRunRecord("LIVE", "nightly", T1, RunStatus.RUNNING, now.minusSeconds(60), null, 0, 0,
                null), "node-b", now.plusSeconds(60));
        store.start(new PipelineRunRecord("DEAD", "nightly", T2, RunStatus.RUNNING, now.minusSeconds(600), null, 0,
                0, null), "node-c", now.minusSeconds(300));

        PipelineResult result = run("steps:\n  - name: build\n    processor: build\n");

        assertThat(store.find("LIVE")).as("node-b still renews its lease").map(PipelineRunRecord::status)
                .contains(RunStatus.RUNNING);
        assertThat(store.find("DEAD")).map(PipelineRunRecord::status).contains(RunStatus.ABANDONED);
        assertThat(result.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    }
}
