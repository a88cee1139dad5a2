package io.cairn.server.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cairn.core.orchestrate.PipelineRunRecord;
import io.cairn.core.orchestrate.TaskRunRecord;

import java.time.Instant;
import java.util.List;

/** A run as the API shows it, with its tasks when read one by one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunView(String runId, String pipeline, String tenant, String status, Instant startedAt, Instant finishedAt,
               Integer tasksTotal, Integer tasksFailed, String error, List<TaskView> tasks) {
    /** One task of a run. */
    record TaskView(String taskId, String step, String tenant, String source, String status, int attempt,
                    Instant startedAt, Instant finishedAt, Long durationMs, Long rowsRead, Long rowsLanded,
                    String error) {
        static TaskView of(TaskRunRecord task) {
            return new TaskView(task.taskId(), task.step(), task.tenant() == null ? null : task.tenant().value(),
                    task.source(), task.status().key(), task.attempt(), task.startedAt(), task.finishedAt(),
                    task.durationMillis(), task.rowsRead(), task.rowsLanded(), task.errorMessage());
        }
    }

    static RunView of(PipelineRunRecord run, List<TaskRunRecord> tasks) {
        return new RunView(run.runId(), run.pipeline(), run.tenant() == null ? null : run.tenant().value(),
                run.status().key(), run.startedAt(), run.finishedAt(), run.tasksTotal(), run.tasksFailed(),
                run.error(), tasks == null ? null : tasks.stream().map(TaskView::of).toList());
    }

    static RunView queued(RunLauncher.Queued run) {
        return new RunView(run.runId(), run.pipeline(), run.tenant().value(), "queued", null, null, null, null, null,
                List.of());
    }
}
