package io.cairn.core.orchestrate;

import io.cairn.core.controlplane.SortableIds;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Runs a pipeline: steps in dependency order, each fanned out over tenants (and sources) with at most
 * {@link Pipeline#parallelism()} tasks at once. A failed task never stops the others; a step is skipped only when
 * a step it depends on failed for every task. When any task failed, the {@code on_failure} steps run. Every run
 * and task is recorded in the control plane; runs of the same pipeline left {@code running} by a dead process are
 * closed as {@code abandoned} first.
 */
public final class PipelineExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineExecutor.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Map<ProcessorType, Processor> processors;
    private final Fleet fleet;
    private final PipelineRunStore store;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy retry;
    private final RandomGenerator random;

    public PipelineExecutor(Map<ProcessorType, Processor> processors, Fleet fleet, PipelineRunStore store) {
        this(processors, fleet, store, Clock.systemUTC(), Sleeper.SYSTEM, RetryPolicy.DEFAULT,
                RandomGenerator.getDefault());
    }

    public PipelineExecutor(Map<ProcessorType, Processor> processors, Fleet fleet, PipelineRunStore store,
            Clock clock, Sleeper sleeper, RetryPolicy retry, RandomGenerator random) {
        this.processors = Map.copyOf(requireNonNull(processors, "processors is null"));
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.retry = requireNonNull(retry, "retry is null");
        this.random = requireNonNull(random, "random is null");
    }

    /**
     * Runs {@code pipeline} over every tenant, or only {@code tenantOrNull}, with {@code vars} overriding the
     * pipeline's variables.
     */
    public PipelineResult run(Pipeline pipeline, TenantId tenantOrNull, Map<String, String> vars,
            TaskListener listener) {
        return run(null, pipeline, tenantOrNull, vars, listener);
    }

    /**
     * As {@link #run(Pipeline, TenantId, Map, TaskListener)}, under a run id the caller chose beforehand (a new
     * {@link SortableIds#next} id), so it can hand the id out before the run ends; null assigns one.
     */
    public PipelineResult run(String runIdOrNull, Pipeline pipeline, TenantId tenantOrNull, Map<String, String> vars,
            TaskListener listener) {
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(vars, "vars is null");
        requireNonNull(listener, "listener is null");
        checkProcessors(pipeline);
        Instant started = clock.instant();
        List<String> abandoned = store.abandonRunning(pipeline.name(), started);
        if (!abandoned.isEmpty()) {
            LOG.warn("Closed {} run(s) of pipeline {} left running by a stopped process: {}", abandoned.size(),
                    pipeline.name(), abandoned);
        }
        String runId = runIdOrNull == null ? SortableIds.next(clock) : runIdOrNull;
        store.start(new PipelineRunRecord(runId, pipeline.name(), tenantOrNull, RunStatus.RUNNING, started, null, 0,
                0, null));
        LOG.info("Started run {} of pipeline {}", runId, pipeline.name());
        ExecutorService workers = Executors.newCachedThreadPool(daemons("cairn-task-"));
        ExecutorService drivers = Executors.newFixedThreadPool(pipeline.parallelism(), daemons("cairn-driver-"));
        try {
            RunState state = new RunState(runId, pipeline, tenantOrNull, baseVars(pipeline, vars, runId, started),
                    new TaskRunner(processors, workers, store, clock, sleeper, retry, random), drivers, listener);
            List<TaskRunRecord> tasks = state.runAll();
            int failed = (int) tasks.stream().filter(task -> task.status().isFailure()).count();
            RunStatus status = failed == 0 ? RunStatus.SUCCEEDED : RunStatus.FAILED;
            String error = failed == 0 ? null : failed + " of " + tasks.size() + " tasks failed";
            store.finish(runId, status, clock.instant(), tasks.size(), failed, error);
            LOG.info("Finished run {} of pipeline {}: {}", runId, pipeline.name(), status.key());
            return new PipelineResult(store.find(runId).orElseThrow(), tasks);
        } catch (RuntimeException e) {
            store.finish(runId, RunStatus.FAILED, clock.instant(), 0, 0, e.getMessage());
            throw e;
        } finally {
            drivers.shutdownNow();
            workers.shutdownNow();
        }
    }

    private void checkProcessors(Pipeline pipeline) {
        List<StepSpec> all = new ArrayList<>(pipeline.steps());
        all.addAll(pipeline.onFailure());
        for (StepSpec step : all) {
            if (!processors.containsKey(step.processor())) {
                throw new CairnException(ErrorCode.UNSUPPORTED, "Cannot run pipeline %s: step '%s' needs processor "
                        + "'%s', which this runner does not provide", pipeline.name(), step.name(),
                        step.processor().key());
            }
        }
    }

    private Map<String, String> baseVars(Pipeline pipeline, Map<String, String> overrides, String runId,
            Instant started) {
        Map<String, String> vars = new HashMap<>(pipeline.vars());
        vars.putAll(overrides);
        vars.put("date", LocalDate.ofInstant(started, ZoneOffset.UTC).toString());
        vars.put("run_id", runId);
        vars.put("pipeline", pipeline.name());
        return vars;
    }

    private static ThreadFactory daemons(String prefix) {
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The steps of one run and what they did so far. */
    private final class RunState {
        private final String runId;
        private final Pipeline pipeline;
        private final TenantId tenantOrNull;
        private final Map<String, String> vars;
        private final TaskRunner runner;
        private final ExecutorService drivers;
        private final TaskListener listener;
        private final Map<String, List<TaskRunRecord>> byStep = new HashMap<>();
        private final List<TaskRunRecord> all = Collections.synchronizedList(new ArrayList<>());

        RunState(String runId, Pipeline pipeline, TenantId tenantOrNull, Map<String, String> vars, TaskRunner runner,
                ExecutorService drivers, TaskListener listener) {
            this.runId = runId;
            this.pipeline = pipeline;
            this.tenantOrNull = tenantOrNull;
            this.vars = vars;
            this.runner = runner;
            this.drivers = drivers;
            this.listener = listener;
        }

        List<TaskRunRecord> runAll() {
            for (StepSpec step : pipeline.steps()) {
                byStep.put(step.name(), blockedBy(step) ? skip(step) : runStep(step));
            }
            if (all.stream().anyMatch(task -> task.status().isFailure())) {
                for (StepSpec step : pipeline.onFailure()) {
                    byStep.put(step.name(), runStep(step));
                }
            }
            return List.copyOf(all);
        }

        /** A dependency that was skipped, or failed for every one of its tasks, blocks the step. */
        private boolean blockedBy(StepSpec step) {
            for (String dependency : step.dependsOn()) {
                List<TaskRunRecord> tasks = byStep.getOrDefault(dependency, List.of());
                if (!tasks.isEmpty() && tasks.stream().noneMatch(t -> t.status() == RunStatus.SUCCEEDED)) {
                    return true;
                }
            }
            return false;
        }

        private List<TaskRunRecord> skip(StepSpec step) {
            Instant now = clock.instant();
            TaskRunRecord skipped = TaskRunRecord.running(runId, step.name(), tenantOrNull, null, now)
                    .finish(RunStatus.SKIPPED, 0, now, null, null);
            store.recordTask(skipped);
            done(skipped);
            return List.of(skipped);
        }

        private List<TaskRunRecord> runStep(StepSpec step) {
            List<Future<TaskRunRecord>> futures = new ArrayList<>();
            for (TaskContext task : Tasks.expand(runId, pipeline.name(), step, tenants(), fleet, vars, failures())) {
                futures.add(drivers.submit(() -> done(runner.run(task))));
            }
            List<TaskRunRecord> results = new ArrayList<>();
            for (Future<TaskRunRecord> future : futures) {
                results.add(Tasks.await(future, step));
            }
            return results;
        }

        private List<TenantId> tenants() {
            return tenantOrNull != null ? List.of(tenantOrNull) : fleet.tenants();
        }

        private int failures() {
            return (int) all.stream().filter(task -> task.status().isFailure()).count();
        }

        private TaskRunRecord done(TaskRunRecord task) {
            all.add(task);
            listener.finished(task);
            return task;
        }
    }
}
