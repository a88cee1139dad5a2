package io.cairn.core.orchestrate;

import io.cairn.spi.TenantId;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One task of a pipeline run (a step for one tenant and source, or for none), as kept in {@code task_runs}.
 *
 * @param taskId {@code step}, {@code step/tenant} or {@code step/tenant/source}
 * @param attempt the attempts made so far, 1 for the first
 * @param finishedAt null while running
 * @param durationMillis null while running
 * @param rowsRead null when the processor does not count rows
 * @param errorClass the simple class name of the final error, null on success
 */
public record TaskRunRecord(String runId, String taskId, String step, TenantId tenant, String source,
        RunStatus status, int attempt, Instant startedAt, Instant finishedAt, Long durationMillis, Long rowsRead,
        Long rowsLanded, String errorClass, String errorMessage) {
    public TaskRunRecord {
        requireNonNull(runId, "runId is null");
        requireNonNull(taskId, "taskId is null");
        requireNonNull(step, "step is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
    }

    static String taskId(String step, TenantId tenant, String source) {
        StringBuilder id = new StringBuilder(step);
        if (tenant != null) {
            id.append('/').append(tenant.value());
        }
        if (source != null) {
            id.append('/').append(source);
        }
        return id.toString();
    }

    /** A task that has just begun its first attempt. */
    static TaskRunRecord running(String runId, String step, TenantId tenant, String source, Instant startedAt) {
        return new TaskRunRecord(runId, taskId(step, tenant, source), step, tenant, source, RunStatus.RUNNING, 1,
                startedAt, null, null, null, null, null, null);
    }

    /** Part {@code name} of a task, not done for {@code tenant}: recorded as {@code skipped} with the reason. */
    static TaskRunRecord skipped(String runId, String step, TaskOutcome.Skipped part, Instant at) {
        return new TaskRunRecord(runId, taskId(step, part.tenant(), part.source()) + "/" + part.name(), step,
                part.tenant(), part.source(), RunStatus.SKIPPED, 0, at, at, 0L, null, null, null, part.reason());
    }

    /** This task ended with {@code status} after {@code attempts} attempts. */
    TaskRunRecord finish(RunStatus status, int attempts, Instant finished, TaskOutcome outcome, Throwable error) {
        return new TaskRunRecord(runId, taskId, step, tenant, source, status, attempts, startedAt, finished,
                Duration.between(startedAt, finished).toMillis(), outcome == null ? null : outcome.rowsRead(),
                outcome == null ? null : outcome.rowsLanded(), error == null ? null : error.getClass().getSimpleName(),
                error == null ? null : String.valueOf(error.getMessage()));
    }
}
