package io.cairn.core.controlplane;

import io.cairn.spi.TenantId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One run of a command or pipeline.
 *
 * @param runId sortable: later runs have greater ids
 * @param kind what ran, e.g. {@code sync}, {@code build}, {@code pipeline:nightly}
 * @param tenant null for a run over several tenants or none
 * @param status {@code running} until finished, then what the finisher said
 * @param finishedAt null while running
 * @param summary a JSON document written by the finisher, null while running
 */
public record RunRecord(
        String runId,
        String kind,
        TenantId tenant,
        String status,
        Instant startedAt,
        Instant finishedAt,
        String summary) {
    public static final String RUNNING = "running";

    public RunRecord {
        requireNonNull(runId, "runId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
    }
}
