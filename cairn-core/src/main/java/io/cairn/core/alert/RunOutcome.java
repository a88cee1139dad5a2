package io.cairn.core.alert;

import io.cairn.core.orchestrate.PipelineResult;
import io.cairn.core.orchestrate.TaskRunRecord;
import io.cairn.spi.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * What one pipeline run means for alerting: the tenants it covered, which of them had failed tasks, and the failed
 * tasks of no tenant (a global step such as a shared build).
 *
 * @param limitedTo the tenant the run was limited to, null for a run over every tenant
 * @param tenantFailures one line per failed task, by tenant; tenants absent here succeeded
 */
public record RunOutcome(String runId, String pipeline, TenantId limitedTo, Instant finishedAt, Set<TenantId> tenants,
        Map<TenantId, List<String>> tenantFailures, List<String> globalFailures) {
    private static final int MAX_LINE = 300;

    public RunOutcome {
        requireNonNull(runId, "runId is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(finishedAt, "finishedAt is null");
        tenants = Set.copyOf(tenants);
        tenantFailures = Map.copyOf(tenantFailures);
        globalFailures = List.copyOf(globalFailures);
    }

    /** The outcome of a finished run. */
    public static RunOutcome of(PipelineResult result) {
        Set<TenantId> tenants = new TreeSet<>();
        Map<TenantId, List<String>> failures = new TreeMap<>();
        List<String> global = new ArrayList<>();
        for (TaskRunRecord task : result.tasks()) {
            if (task.tenant() != null) {
                tenants.add(task.tenant());
            }
            if (!task.status().isFailure()) {
                continue;
            }
            if (task.tenant() == null) {
                global.add(describe(task));
            } else {
                failures.computeIfAbsent(task.tenant(), t -> new ArrayList<>()).add(describe(task));
            }
        }
        Instant finished = result.run().finishedAt() != null ? result.run().finishedAt() : result.run().startedAt();
        return new RunOutcome(result.run().runId(), result.run().pipeline(), result.run().tenant(), finished, tenants,
                failures, global);
    }

    public boolean failed(TenantId tenant) {
        return tenantFailures.containsKey(tenant);
    }

    private static String describe(TaskRunRecord task) {
        String line = task.taskId() + ": " + task.status().key() + " after " + task.attempt() + " attempt(s)"
                + (task.errorClass() == null ? "" : ": " + task.errorClass() + ": " + task.errorMessage());
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
    }
}
