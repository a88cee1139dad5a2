package io.cairn.core.orchestrate;

import io.cairn.spi.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The steps of one run and what they did so far: runs them in order, skips steps blocked by a failed dependency,
 * records steps a cancellation kept from starting, and fences the sources whose sync failed for the steps after.
 */
final class RunState {
    /** What a run needs besides its pipeline. */
    record Context(String runId, TenantId tenantOrNull, Map<String, String> vars, Fleet fleet, PipelineRunStore store,
            Clock clock, TaskRunner runner, ExecutorService drivers, TaskListener listener, RunControl control) {
    }

    private final Pipeline pipeline;
    private final Context run;
    private final Map<String, List<TaskRunRecord>> byStep = new HashMap<>();
    private final List<TaskRunRecord> all = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SourceFence> fences = new LinkedHashMap<>();

    RunState(Pipeline pipeline, Context run) {
        this.pipeline = pipeline;
        this.run = run;
    }

    List<TaskRunRecord> runAll() {
        for (StepSpec step : pipeline.steps()) {
            byStep.put(step.name(), run.control().isCancelled() ? close(step, RunStatus.CANCELLED, "its run was "
                    + "cancelled before it started") : blockedBy(step) ? close(step, RunStatus.SKIPPED, null)
                    : runStep(step));
        }
        if (!run.control().isCancelled()) {
            boolean failed = all.stream().anyMatch(task -> task.status().isFailure());
            for (StepSpec step : failed ? pipeline.onFailure() : pipeline.onSuccess()) {
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

    /** One row for a step that does not run. */
    private List<TaskRunRecord> close(StepSpec step, RunStatus status, String reason) {
        Instant now = run.clock().instant();
        TaskRunRecord closed = TaskRunRecord.running(run.runId(), step.name(), run.tenantOrNull(), null, now)
                .finish(status, 0, now, null, reason == null ? null : new RunControl.Cancelled("Cannot run step "
                        + "%s: %s", step.name(), reason));
        run.store().recordTask(closed);
        done(closed);
        return List.of(closed);
    }

    private List<TaskRunRecord> runStep(StepSpec step) {
        List<Future<List<TaskRunRecord>>> futures = new ArrayList<>();
        for (TaskContext task : Tasks.expand(run.runId(), pipeline.name(), step, tenants(), run.fleet(), run.vars(),
                failures(), List.copyOf(fences.values()))) {
            futures.add(run.drivers().submit(() -> doneAll(run.runner().run(task))));
        }
        List<TaskRunRecord> results = new ArrayList<>();
        for (Future<List<TaskRunRecord>> future : futures) {
            results.add(Tasks.await(future, step).get(0));
        }
        if (step.processor() == ProcessorType.SYNC) {
            results.forEach(this::fenceOrAdvance);
        }
        return results;
    }

    /**
     * A successful sync moves the source's watermark to its end; a failed one fences the source for the rest of the
     * run at the end of its last successful sync (at the start of this one when none is recorded).
     */
    private void fenceOrAdvance(TaskRunRecord sync) {
        if (sync.tenant() == null || sync.source() == null) {
            return;
        }
        SourceWatermarks watermarks = run.store().watermarks();
        if (sync.status() == RunStatus.SUCCEEDED) {
            watermarks.advance(sync.tenant(), sync.source(), sync.finishedAt(), run.runId());
        } else if (sync.status().isFailure() || sync.status() == RunStatus.CANCELLED) {
            Instant visible = watermarks.find(sync.tenant(), sync.source()).orElse(sync.startedAt());
            String reason = String.format(java.util.Locale.ROOT, "source %s of tenant %s failed to sync in this run "
                    + "(%s: %s); its rows are used as of its last good sync at %s", sync.source(), sync.tenant(),
                    sync.status().key(), sync.errorClass(), visible);
            fences.put(sync.taskId(), new SourceFence(sync.tenant(), sync.source(), visible, reason));
        }
    }

    private List<TenantId> tenants() {
        return run.tenantOrNull() != null ? List.of(run.tenantOrNull()) : run.fleet().tenants();
    }

    private int failures() {
        return (int) all.stream().filter(task -> task.status().isFailure()).count();
    }

    private List<TaskRunRecord> doneAll(List<TaskRunRecord> records) {
        records.forEach(this::done);
        return records;
    }

    private void done(TaskRunRecord task) {
        all.add(task);
        run.listener().finished(task);
    }
}
