package io.cairn.core.orchestrate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One step of a pipeline.
 *
 * @param retries further attempts after a transient failure, 0 for none
 * @param timeout how long one attempt may take before it is interrupted and recorded {@code timed_out}
 * @param dependsOn steps that must have run first; when one of them failed for every task, this step is skipped
 * @param vars the step's own variables, unsubstituted
 * @param params the processor's settings ({@code sql}, {@code message}, {@code select}), unsubstituted
 * @param line the 1-based line of the step in its file, 0 for a built-in pipeline
 */
public record StepSpec(String name, ProcessorType processor, StepScope scope, int retries, Duration timeout,
        List<String> dependsOn, Map<String, String> vars, Map<String, String> params, int line) {
    public StepSpec {
        requireNonNull(name, "name is null");
        requireNonNull(processor, "processor is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(timeout, "timeout is null");
        dependsOn = List.copyOf(dependsOn);
        vars = Map.copyOf(vars);
        params = Map.copyOf(params);
    }

    /** A step with defaults: no retries, a 30-minute timeout, no variables or settings. */
    public static StepSpec of(String name, ProcessorType processor, StepScope scope, List<String> dependsOn) {
        return new StepSpec(name, processor, scope, 0, Duration.ofMinutes(30), dependsOn, Map.of(), Map.of(), 0);
    }
}
