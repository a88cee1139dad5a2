package io.cairn.core.orchestrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A validated pipeline: steps in an order where each comes after the steps it depends on.
 *
 * @param file where it was read from, null for the built-in {@code daily}
 * @param parallelism tasks of one step run at the same time
 * @param onFailure steps run once after the others when any task failed
 * @param onSuccess steps run once after the others when no task failed (and the run was not cancelled)
 */
public record Pipeline(String name, Path file, Map<String, String> vars, int parallelism, List<StepSpec> steps,
        List<StepSpec> onFailure, List<StepSpec> onSuccess) {
    public static final String DAILY = "daily";

    public Pipeline {
        requireNonNull(name, "name is null");
        vars = Map.copyOf(vars);
        steps = List.copyOf(steps);
        onFailure = List.copyOf(onFailure);
        onSuccess = List.copyOf(onSuccess);
    }

    /** The built-in {@code daily}: sync every enabled source of every tenant, build the models, run the tests. */
    public static Pipeline daily() {
        StepSpec sync = new StepSpec("sync", ProcessorType.SYNC, StepScope.SOURCE, 2,
                java.time.Duration.ofMinutes(30), List.of(), Map.of(), Map.of(), 0);
        return new Pipeline(DAILY, null, Map.of(), 4, List.of(sync,
                StepSpec.of("build", ProcessorType.BUILD, StepScope.GLOBAL, List.of("sync")),
                StepSpec.of("test", ProcessorType.TEST, StepScope.GLOBAL, List.of("build"))), List.of(), List.of());
    }
}
