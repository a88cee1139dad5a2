package io.cairn.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.ModelResultRecord;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import static java.util.Objects.requireNonNull;

/**
 * Records one model-engine command in the control plane: a row in {@code runs} (kind = the command) while it runs,
 * then one row per node in {@code model_results} and the run's status ({@code success}, {@code failed} when a node
 * errored or a test failed, {@code error} when the command itself broke) with a JSON summary.
 */
public final class RunRecorder {
    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";
    public static final String ERROR = "error";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ControlPlane controlPlane;
    private final String runId;

    private RunRecorder(ControlPlane controlPlane, String runId) {
        this.controlPlane = controlPlane;
        this.runId = runId;
    }

    /** Records the start of {@code command}; {@code tenantOrNull} is null for a run over all shared tenants. */
    public static RunRecorder start(ControlPlane controlPlane, Command command, TenantId tenantOrNull) {
        requireNonNull(controlPlane, "controlPlane is null");
        requireNonNull(command, "command is null");
        return new RunRecorder(controlPlane, controlPlane.runs().start(command.key(), tenantOrNull));
    }

    public String runId() {
        return runId;
    }

    /** Records every node result and the outcome; returns the run's status. */
    public String finish(RunResult result) {
        requireNonNull(result, "result is null");
        List<ModelResultRecord> rows = result.results().stream().map(this::record).toList();
        controlPlane.modelResults().insert(runId, rows);
        String status = result.success() ? SUCCESS : FAILED;
        controlPlane.runs().finish(runId, status, json(summary(result)));
        return status;
    }

    /** Records that the command stopped with an error before it had results. */
    public void fail(String message) {
        controlPlane.runs().finish(runId, ERROR, json(Map.of("error", String.valueOf(message))));
    }

    ModelResultRecord record(NodeResult r) {
        return new ModelResultRecord(runId, r.uniqueId(), r.resourceType(), r.name(), r.relation(), r.status().key(),
                r.message(), r.rowsAffected() < 0 ? null : r.rowsAffected(), r.failures(), r.startedAt(),
                r.completedAt(), r.executionTime());
    }

    static Map<String, Object> summary(RunResult result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", result.command());
        summary.put("invocation_id", result.invocationId());
        summary.put("elapsed_seconds", result.elapsedSeconds());
        for (NodeStatus status : NodeStatus.values()) {
            summary.put(status.key(), result.count(status));
        }
        summary.put("total", result.results().size());
        return summary;
    }

    private static String json(Map<String, Object> value) {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new CairnException(ErrorCode.INTERNAL, e, "Cannot write a run summary as JSON: %s", e.getMessage());
        }
    }
}
