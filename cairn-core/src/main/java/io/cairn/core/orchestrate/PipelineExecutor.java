package io.cairn.core.orchestrate;

import io.cairn.core.controlplane.SortableIds;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Runs a pipeline: steps in dependency order, each fanned out over tenants (and sources) with at most
 * {@link Pipeline#parallelism()} tasks at once. A failed task never stops the others; a step is skipped only when
 * a step it depends on failed for every task. When any task failed, the {@code on_failure} steps run, otherwise
 * the {@code on_success} steps. A source whose sync failed is fenced for the steps after it (see
 * {@link SourceFence}). Every run and task is recorded in the control plane. The run is held by this node with a
 * lease renewed at each heartbeat, which also picks up a requested cancellation; runs of the same pipeline whose
 * holder's lease expired (a dead process) are closed as {@code abandoned} first.
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
    private final RunSettings settings;

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
        this.settings = RunSettings.defaults();
    }

    private PipelineExecutor(PipelineExecutor base, RunSettings settings) {
        this.processors = base.processors;
        this.fleet = base.fleet;
        this.store = base.store;
        this.clock = base.clock;
        this.sleeper = base.sleeper;
        this.retry = base.retry;
        this.random = base.random;
        this.settings = settings;
    }

    /** This executor holding its runs as {@code settings} say (node name, heartbeat, lease). */
    public PipelineExecutor withSettings(RunSettings settings) {
        return new PipelineExecutor(this, requireNonNull(settings, "settings is null"));
    }

    /**
     * Runs {@code pipeline} over every tenant, or only {@code tenantOrNull}, with {@code vars} overriding the
     * pipeline's variables ({@code date} too, as a backfill does).
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
        List<TenantId> tenants = tenantOrNull != null ? List.of(tenantOrNull) : fleet.tenants();
        TenantProfiles.check(pipeline, tenants, fleet);
        Instant started = clock.instant();
        closeStale(pipeline, started);
        String runId = runIdOrNull == null ? SortableIds.next(clock) : runIdOrNull;
        store.start(new PipelineRunRecord(runId, pipeline.name(), tenantOrNull, RunStatus.RUNNING, started, null, 0,
                0, null), settings.node(), started.plus(settings.lease()));
        MDC.put("run", runId);
        LOG.info("Started run {} of pipeline {} on {}", runId, pipeline.name(), settings.node());
        RunControl control = new RunControl();
        ExecutorService workers = Executors.newCachedThreadPool(daemons("cairn-task-"));
        ExecutorService drivers = Executors.newFixedThreadPool(pipeline.parallelism(), daemons("cairn-driver-"));
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemons("cairn-heartbeat-"));
        try {
            long every = settings.heartbeat().toMillis();
            heartbeat.scheduleWithFixedDelay(() -> beat(runId, control), every, every, TimeUnit.MILLISECONDS);
            RunState.Context context = new RunState.Context(runId, tenantOrNull, baseVars(pipeline, vars, runId,
                    started), fleet, store, clock, new TaskRunner(processors, workers, store, clock, sleeper, retry,
                    random, control), drivers, listener, control);
            List<TaskRunRecord> tasks = new RunState(pipeline, context).runAll();
            heartbeat.shutdownNow();
            return finish(pipeline, runId, tasks, control.isCancelled());
        } catch (RuntimeException e) {
            store.finish(runId, RunStatus.FAILED, clock.instant(), 0, 0, e.getMessage());
            throw e;
        } finally {
            heartbeat.shutdownNow();
            drivers.shutdownNow();
            workers.shutdownNow();
            MDC.remove("run");
        }
    }

    private void closeStale(Pipeline pipeline, Instant now) {
        List<String> abandoned = store.abandonRunning(pipeline.name(), now);
        if (!abandoned.isEmpty()) {
            LOG.warn("Closed {} run(s) of pipeline {} whose holder stopped renewing its lease: {}", abandoned.size(),
                    pipeline.name(), abandoned);
        }
    }

    private PipelineResult finish(Pipeline pipeline, String runId, List<TaskRunRecord> tasks, boolean cancelled) {
        int failed = (int) tasks.stream().filter(task -> task.status().isFailure()).count();
        RunStatus status = cancelled ? RunStatus.CANCELLED : failed == 0 ? RunStatus.SUCCEEDED : RunStatus.FAILED;
        String error = cancelled ? "cancelled on request; " + failed + " of " + tasks.size() + " tasks failed"
                : failed == 0 ? null : failed + " of " + tasks.size() + " tasks failed";
        store.finish(runId, status, clock.instant(), tasks.size(), failed, error);
        LOG.info("Finished run {} of pipeline {}: {}", runId, pipeline.name(), status.key());
        return new PipelineResult(store.find(runId).orElseThrow(), tasks);
    }

    /** Renews the run's lease and cancels it when that was requested; a failed beat is retried at the next. */
    private void beat(String runId, RunControl control) {
        try {
            if (store.heartbeat(runId, clock.instant().plus(settings.lease())) && !control.isCancelled()) {
                LOG.info("Cancelling run {} on request", runId);
                control.cancel();
            }
            settings.onHeartbeat().run();
        } catch (RuntimeException e) {
            LOG.warn("Cannot renew the lease of run {}; other nodes may close it once it expires: {}", runId,
                    e.getMessage());
        }
    }

    private void checkProcessors(Pipeline pipeline) {
        List<StepSpec> all = new ArrayList<>(pipeline.steps());
        all.addAll(pipeline.onFailure());
        all.addAll(pipeline.onSuccess());
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
        vars.put("date", LocalDate.ofInstant(started, ZoneOffset.UTC).toString());
        vars.putAll(overrides);
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
}
