package io.cairn.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.cairn.core.orchestrate.PipelineRunRecord;
import io.cairn.core.orchestrate.TaskRunRecord;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** {@code cairn runs list|show ID|cancel ID}: the pipeline run history kept in the control plane. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Pipeline run history and cancellation.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Cancel.class})
final class RunsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One line per task: status, task, attempts, duration, rows and the error cut to {@code maxError} chars. */
    static String taskLine(TaskRunRecord task, int maxError) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s %-40s attempt %d",
                task.status().key().toUpperCase(Locale.ROOT), task.taskId(), task.attempt()));
        if (task.durationMillis() != null) {
            line.append(String.format(Locale.ROOT, " in %.2fs", task.durationMillis() / 1000.0));
        }
        if (task.rowsRead() != null) {
            line.append(", rows read ").append(task.rowsRead());
        }
        if (task.rowsLanded() != null) {
            line.append(task.rowsRead() == null ? ", rows " : " ").append("landed ").append(task.rowsLanded());
        }
        if (task.errorMessage() != null) {
            line.append(": ").append(task.errorClass() == null ? "" : task.errorClass() + ": ")
                    .append(task.errorMessage().length() <= maxError ? task.errorMessage()
                            : task.errorMessage().substring(0, maxError) + "...");
        }
        return line.toString();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The latest pipeline runs, newest first.")
    static final class ListRuns implements Callable<Integer> {
        @Mixin
        ProjectOptions project;

        @Option(names = "--limit", defaultValue = "20", description = "How many runs (default: 20).")
        int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectContext context = project.open()) {
                List<PipelineRunRecord> runs = context.controlPlane().pipelineRuns().list(limit);
                if (runs.isEmpty()) {
                    out.println("No pipeline runs yet.");
                    return Main.OK;
                }
                TextTable table = new TextTable("RUN", "PIPELINE", "TENANT", "STATUS", "STARTED", "TASKS", "FAILED");
                for (PipelineRunRecord run : runs) {
                    table.row(run.runId(), run.pipeline(), run.tenant() == null ? "all" : run.tenant(),
                            run.status().key(), run.startedAt(), run.tasksTotal(), run.tasksFailed());
                }
                table.print(out);
                return Main.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One pipeline run and its tasks.")
    static final class Show implements Callable<Integer> {
        @Mixin
        ProjectOptions project;

        @Parameters(index = "0", paramLabel = "ID", description = "The run id (see cairn runs list).")
        String runId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectContext context = project.open()) {
                PipelineRunRecord run = context.controlPlane().pipelineRuns().find(runId)
                        .orElseThrow(() -> new CairnException(ErrorCode.NOT_FOUND, "Cannot show run %s: no such "
                                + "pipeline run (see cairn runs list)", runId));
                out.printf(Locale.ROOT, "Run %s of pipeline %s (%s): %s, started %s, finished %s, %d tasks, "
                                + "%d failed%n", run.runId(), run.pipeline(), run.tenant() == null ? "all tenants"
                                : "tenant " + run.tenant(), run.status().key(), run.startedAt(),
                        run.finishedAt() == null ? "-" : run.finishedAt(), run.tasksTotal(), run.tasksFailed());
                if (run.error() != null) {
                    out.println("Error: " + run.error());
                }
                context.controlPlane().pipelineRuns().tasks(runId)
                        .forEach(task -> out.println(taskLine(task, Integer.MAX_VALUE)));
                out.flush();
                return Main.OK;
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a running pipeline run: the "
            + "node running it stops its tasks at its next heartbeat and records them and the run as cancelled.")
    static final class Cancel implements Callable<Integer> {
        @Mixin
        ProjectOptions project;

        @Parameters(index = "0", paramLabel = "ID", description = "The run id (see cairn runs list).")
        String runId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectContext context = project.open()) {
                if (!context.controlPlane().pipelineRuns().requestCancel(runId)) {
                    PipelineRunRecord run = context.controlPlane().pipelineRuns().find(runId)
                            .orElseThrow(() -> new CairnException(ErrorCode.NOT_FOUND, "Cannot cancel run %s: no "
                                    + "such pipeline run (see cairn runs list)", runId));
                    throw new CairnException(ErrorCode.BAD_INPUT, "Cannot cancel run %s: it is %s, not running",
                            runId, run.status().key());
                }
                out.printf("Cancellation of run %s requested; the node running it stops it at its next "
                        + "heartbeat (see cairn runs show %s).%n", runId, runId);
                out.flush();
                return Main.OK;
            }
        }
    }
}
