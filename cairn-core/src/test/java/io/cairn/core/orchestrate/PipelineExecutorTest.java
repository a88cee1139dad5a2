package io.cairn.core.orchestrate;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.SourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class PipelineExecutorTest {
    private static final Path FILE = Path.of("pipelines/nightly.yml");
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(250));

    @TempDir
    Path dir;
    ControlPlane controlPlane;
    PipelineRunStore store;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final Map<ProcessorType, Processor> processors = new ConcurrentHashMap<>();

    @BeforeEach
    void open() {
        controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control")),
                OrchestrateFixtures.KEYS);
        store = controlPlane.pipelineRuns();
        processors.put(ProcessorType.BUILD, task -> TaskOutcome.rows(0, 5));
        processors.put(ProcessorType.NOTIFY, task -> TaskOutcome.NONE);
    }

    @AfterEach
    void close() {
        controlPlane.close();
    }

    private PipelineResult run(String yaml, Fleet fleet) {
        Pipeline pipeline = PipelineLoader.parse("nightly", FILE, yaml, Set.of());
        PipelineExecutor executor = new PipelineExecutor(processors, fleet, store, java.time.Clock.systemUTC(),
                sleeps::add, RETRY, new Random(42));
        return executor.run(pipeline, null, Map.of(), TaskListener.NONE);
    }

    private static Fleet fleet(int tenants, String... sources) {
        List<TenantId> ids = IntStream.rangeClosed(1, tenants).mapToObj(i -> TenantId.of(String.format("t%02d", i)))
                .toList();
        return new Fleet() {
            @Override
            public List<TenantId> tenants() {
                return ids;
            }

            @Override
            public List<String> sources(TenantId tenant) {
                return List.of(sources);
            }
        };
    }

    @Test
    void transientFaultIsRetriedWithBackoffUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        processors.put(ProcessorType.SYNC, task -> {
            if (calls.incrementAndGet() < 3) {
                throw SourceException.transientFailure("Cannot read orders of %s: HTTP 503", task.tenant());
            }
            return TaskOutcome.rows(40, 38);
        });

        PipelineResult result = run("steps:\n  - name: sync\n    processor: sync\n    retries: 3\n", fleet(1, "shop"));

        assertThat(result.tasks()).extracting(TaskRunRecord::taskId, TaskRunRecord::status, TaskRunRecord::attempt,
                TaskRunRecord::rowsRead, TaskRunRecord::rowsLanded)
                .containsExactly(tuple("sync/t01/shop", RunStatus.SUCCEEDED, 3, 40L, 38L));
        assertThat(store.tasks(result.run().runId())).as("history has the attempt count")
                .extracting(TaskRunRecord::attempt).containsExactly(3);
        assertThat(sleeps).as("two backoffs, each within its full-jitter ceiling (100 ms, then 200 ms)").hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(RETRY.ceiling(5)).as("the cap holds").isEqualTo(Duration.ofMillis(250));
        assertThat(result.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void permanentFailureIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        processors.put(ProcessorType.SYNC, task -> {
            calls.incrementAndGet();
            throw SourceException.permanent("Cannot read orders of %s: HTTP 401 invalid token", task.tenant());
        });

        PipelineResult result = run("steps:\n  - name: sync\n    processor: sync\n    retries: 5\n", fleet(1, "shop"));

        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
        TaskRunRecord task = store.tasks(result.run().runId()).get(0);
        assertThat(task.status()).isEqualTo(RunStatus.FAILED);
        assertThat(task.attempt()).isEqualTo(1);
        assertThat(task.errorClass()).isEqualTo("SourceException");
        assertThat(task.errorMessage()).isEqualTo("Cannot read orders of t01: HTTP 401 invalid token");
    }

    @Test
    void stepPastItsTimeoutIsInterruptedAndRecordedTimedOut() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        processors.put(ProcessorType.BUILD, task -> {
            try {
                Thread.sleep(30_000);
                return TaskOutcome.NONE;
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });

        long start = System.nanoTime();
        PipelineResult result = run("steps:\n  - name: build\n    processor: build\n    timeout: 200ms\n",
                fleet(1));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the worker thread was interrupted").isTrue();
        TaskRunRecord task = store.tasks(result.run().runId()).get(0);
        assertThat(task.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(task.errorMessage()).isEqualTo("Cannot finish task build: it exceeded its timeout of 200 ms and "
                + "was interrupted");
        assertThat(result.run().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void workAnInterruptCannotReachIsStoppedThroughItsCancelHook() {
        AtomicInteger hooksRun = new AtomicInteger();
        processors.put(ProcessorType.BUILD, task -> {
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            task.cancellation().onCancel(() -> {
                hooksRun.incrementAndGet();
                stopped.set(true);
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!stopped.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // ignores interrupts, like a statement running inside a database
            }
            throw new IllegalStateException(stopped.get() ? "statement cancelled" : "never stopped");
        });

        PipelineResult result = run("steps:\n  - name: build\n    processor: build\n    timeout: 100ms\n",
                fleet(1));

        assertThat(hooksRun).hasValue(1);
        assertThat(result.tasks()).extracting(TaskRunRecord::status).containsExactly(RunStatus.TIMED_OUT);
    }

    @Test
    void twoFailingTenantsOfTwentyDoNotStopTheOthers() {
        Set<String> broken = Set.of("t05", "t13");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<String> notified = Collections.synchronizedList(new ArrayList<>());
        processors.put(ProcessorType.SYNC, task -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
                if (broken.contains(task.tenant().value())) {
                    throw SourceException.permanent("Cannot read %s: credentials refused", task.tenant());
                }
                return TaskOutcome.rows(10, 10);
            } finally {
                running.decrementAndGet();
            }
        });
        processors.put(ProcessorType.NOTIFY, task -> {
            notified.add(task.param("message"));
            return TaskOutcome.NONE;
        });

        PipelineResult result = run("""
                parallelism: 4
                steps:
                  - name: sync
                    processor: sync
                  - name: build
                    processor: build
                    depends_on: [sync]
                on_failure:
                  - name: alert
                    processor: notify
                    message: "{pipeline} run {run_id}: {failed_tasks} tasks failed"
                """, fleet(20, "shop"));

        String runId = result.run().runId();
        List<TaskRunRecord> history = store.tasks(runId);
        assertThat(history).as("every task is in the history").hasSize(22);
        assertThat(history.stream().filter(t -> t.step().equals("sync") && t.status() == RunStatus.SUCCEEDED))
                .hasSize(18);
        assertThat(history.stream().filter(t -> t.status() == RunStatus.FAILED)).extracting(TaskRunRecord::taskId)
                .containsExactlyInAnyOrder("sync/t05/shop", "sync/t13/shop");
        assertThat(history).filteredOn(t -> t.step().equals("build")).extracting(TaskRunRecord::status)
                .as("the build still runs for the healthy tenants").containsExactly(RunStatus.SUCCEEDED);
        assertThat(notified).containsExactly("nightly run " + runId + ": 2 tasks failed");
        assertThat(peak.get()).as("bounded parallelism").isBetween(1, 4);
        assertThat(result.run()).extracting(PipelineRunRecord::status, PipelineRunRecord::tasksTotal,
                PipelineRunRecord::tasksFailed).containsExactly(RunStatus.FAILED, 22, 2);
    }

    @Test
    void stepIsSkippedWhenEveryTaskOfItsDependencyFailed() {
        processors.put(ProcessorType.SYNC, task -> {
            throw SourceException.permanent("Cannot read %s: gone", task.source());
        });

        PipelineResult result = run("steps:\n  - name: sync\n    processor: sync\n  - name: build\n"
                + "    processor: build\n    depends_on: [sync]\n", fleet(2, "shop"));

        assertThat(result.tasks()).filteredOn(t -> t.step().equals("build")).extracting(TaskRunRecord::status)
                .containsExactly(RunStatus.SKIPPED);
    }

    @Test
    void runLeftRunningByACrashIsClosedAsAbandonedWhenTheNextRunStarts() {
        store.start(new PipelineRunRecord("01CRASHED", "nightly", null, RunStatus.RUNNING,
                OrchestrateFixtures.T0, null, 0, 0, null));
        store.recordTask(TaskRunRecord.running("01CRASHED", "build", null, null, OrchestrateFixtures.T0));

        PipelineResult result = run("steps:\n  - name: build\n    processor: build\n", fleet(1));

        assertThat(store.find("01CRASHED")).map(PipelineRunRecord::status).contains(RunStatus.ABANDONED);
        assertThat(store.tasks("01CRASHED")).extracting(TaskRunRecord::status).containsExactly(RunStatus.ABANDONED);
        assertThat(result.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(store.list(10)).extracting(PipelineRunRecord::runId)
                .containsExactly(result.run().runId(), "01CRASHED");
    }
}
