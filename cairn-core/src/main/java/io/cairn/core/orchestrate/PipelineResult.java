package io.cairn.core.orchestrate;

import java.util.List;

/** A finished pipeline run and every task it recorded, in the order they finished. */
public record PipelineResult(PipelineRunRecord run, List<TaskRunRecord> tasks) {
    public PipelineResult {
        tasks = List.copyOf(tasks);
    }

    public boolean failed() {
        return run.status() != RunStatus.SUCCEEDED;
    }

    public long count(RunStatus status) {
        return tasks.stream().filter(task -> task.status() == status).count();
    }
}
