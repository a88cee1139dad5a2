package io.cairn.server.runs;

import io.cairn.spi.TenantId;

import java.util.Map;
import java.util.Optional;

/**
 * Starts and cancels pipeline runs for the API. The server cannot build the real processors (they live in the CLI),
 * so {@code cairn serve} hands it one; {@link PipelineRunLauncher} is the implementation over the real executor.
 */
public interface RunLauncher {
    /** A run accepted but not yet recorded in the control plane (waiting for a free runner). */
    record Queued(String runId, String pipeline, TenantId tenant) {
    }

    /**
     * Starts {@code pipeline} for {@code tenant} with {@code vars} and returns the run's id at once; the run goes on in
     * the background. Throws a {@link io.cairn.spi.CairnException} ({@code NOT_FOUND}, {@code CONFIG}) for an
     * unknown or invalid pipeline.
     */
    String start(String pipeline, TenantId tenant, Map<String, String> vars);

    /** Cancels a run this launcher started and that has not finished; false when it has no such run. */
    boolean cancel(String runId);

    /** The run while the launcher holds it, recorded or not; callers look in the control plane first. */
    default Optional<Queued> queued(String runId) {
        return Optional.empty();
    }
}
