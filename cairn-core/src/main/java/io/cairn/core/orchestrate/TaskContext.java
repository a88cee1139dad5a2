package io.cairn.core.orchestrate;

import io.cairn.spi.TenantId;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One attempt of one task, as a processor sees it.
 *
 * @param tenant null for a step that runs once for the whole run
 * @param source null unless the step runs per source
 * @param vars every variable with its value for this task
 * @param params the step's settings ({@code sql}, {@code message}, {@code select}) with variables substituted
 * @param attempt 1 for the first
 * @param cancellation where work an interrupt cannot stop registers how to stop it
 * @param fences sources whose sync failed earlier in this run, to be shown as of their last good sync
 */
public record TaskContext(String runId, String pipeline, StepSpec step, TenantId tenant, String source,
        Map<String, String> vars, Map<String, String> params, int attempt, Cancellation cancellation,
        List<SourceFence> fences) {
    public TaskContext {
        requireNonNull(runId, "runId is null");
        requireNonNull(step, "step is null");
        requireNonNull(cancellation, "cancellation is null");
        vars = Map.copyOf(vars);
        params = Map.copyOf(params);
        fences = List.copyOf(fences);
    }

    /** This task for another attempt, with a fresh cancellation. */
    TaskContext attempt(int number) {
        return new TaskContext(runId, pipeline, step, tenant, source, vars, params, number, new Cancellation(),
                fences);
    }

    /** The value of a setting; empty string when absent. */
    public String param(String name) {
        return params.getOrDefault(name, "");
    }
}
