package io.cairn.core.orchestrate;

import io.cairn.spi.TenantId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One run of a pipeline, as kept in {@code pipeline_runs}.
 *
 * @param tenant the tenant the run was limited to, null for every tenant
 * @param finishedAt null while running
 * @param error why the run as a whole failed, null otherwise
 */
public record PipelineRunRecord(String runId, String pipeline, TenantId tenant, RunStatus status, Instant startedAt,
        Instant finishedAt, int tasksTotal, int tasksFailed, String error) {
    public PipelineRunRecord {
        requireNonNull(runId, "runId is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
    }
}
