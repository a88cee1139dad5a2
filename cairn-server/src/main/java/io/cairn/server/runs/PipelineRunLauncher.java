package io.cairn.server.runs;

import io.cairn.core.controlplane.SortableIds;
import io.cairn.core.orchestrate.Pipeline;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.TaskListener;
import io.cairn.server.errors.ApiException;
import io.cairn.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Runs pipelines on the real {@link PipelineExecutor} on a bounded pool: {@code threads} runs at once, at most
 * {@code queue} waiting (more are refused with 503). Cancelling interrupts the run, which records it as failed.
 */
public final class PipelineRunLauncher implements RunLauncher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunLauncher.class);

    private record Launched(Queued run, Future<?> future) {
    }

    private final Function<String, Pipeline> pipelines;
    private final PipelineExecutor executor;
    private final TaskListener listener;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final Map<String, Launched> active = new ConcurrentHashMap<>();

    /**
     * @param pipelines loads a pipeline by name; throws a {@link io.cairn.spi.CairnException} for an unknown one
     */
    public PipelineRunLauncher(Function<String, Pipeline> pipelines, PipelineExecutor executor, TaskListener listener,
            int threads, int queue, Clock clock) {
        this.pipelines = requireNonNull(pipelines, "pipelines is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "cairn-api-run");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public String start(String pipelineName, TenantId tenant, Map<String, String> vars) {
        Pipeline pipeline = pipelines.apply(pipelineName);
        String runId = SortableIds.next(clock);
        Queued run = new Queued(runId, pipeline.name(), tenant);
        Map<String, String> copy = Map.copyOf(vars);
        synchronized (active) {
            try {
                Future<?> future = pool.submit(() -> execute(run, pipeline, copy));
                active.put(runId, new Launched(run, future));
            } catch (RejectedExecutionException e) {
                throw ApiException.unavailable("Cannot start pipeline %s for tenant %s: %d runs are running and %d "
                        + "waiting; try again later", pipelineName, tenant, pool.getMaximumPoolSize(),
                        pool.getQueue().size());
            }
        }
        return runId;
    }

    private void execute(Queued run, Pipeline pipeline, Map<String, String> vars) {
        synchronized (active) {
            // start() registers the run after submitting it: wait for that, so the finally below removes it.
            LOG.debug("Starting run {} of pipeline {}", run.runId(), run.pipeline());
        }
        try {
            executor.run(run.runId(), pipeline, run.tenant(), vars, listener);
        } catch (RuntimeException e) {
            LOG.warn("Run {} of pipeline {} for tenant {} ended with an error: {}", run.runId(), run.pipeline(),
                    run.tenant(), e.getMessage());
        } finally {
            active.remove(run.runId());
        }
    }

    @Override
    public boolean cancel(String runId) {
        Launched launched = active.remove(runId);
        if (launched == null) {
            return false;
        }
        launched.future().cancel(true);
        LOG.info("Cancelled run {} of pipeline {} for tenant {}", runId, launched.run().pipeline(),
                launched.run().tenant());
        return true;
    }

    @Override
    public Optional<Queued> queued(String runId) {
        Launched launched = active.get(runId);
        return launched == null ? Optional.empty() : Optional.of(launched.run());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
