package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.cairn.core.controlplane.Sql.instant;
import static io.cairn.core.controlplane.Sql.longOrNull;
import static io.cairn.core.controlplane.Sql.query;
import static io.cairn.core.controlplane.Sql.update;
import static java.util.Objects.requireNonNull;

/** The {@code pipeline_runs} and {@code task_runs} tables of the control plane. Thread-safe. */
public final class PipelineRunStore {
    private static final int MAX_MESSAGE = 65536;
    private static final String RUN_COLUMNS = "run_id, pipeline, tenant_id, status, started_at, finished_at, "
            + "tasks_total, tasks_failed, error";
    private static final String TASK_COLUMNS = "run_id, task_id, step, tenant_id, source_name, status, attempt, "
            + "started_at, finished_at, duration_ms, rows_read, rows_landed, error_class, error_message";

    /** Work done with one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The control-plane database: runs work on a connection and translates {@link SQLException}s. */
    public interface Database {
        <T> T call(String action, Work<T> work);
    }

    private final Database database;

    public PipelineRunStore(Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Records a new run (normally {@code running}). */
    public void start(PipelineRunRecord run) {
        requireNonNull(run, "run is null");
        database.call("start pipeline run " + run.runId(), c -> update(c, "INSERT INTO pipeline_runs (" + RUN_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", run.runId(), run.pipeline(), run.tenant(), run.status(),
                run.startedAt(), run.finishedAt(), run.tasksTotal(), run.tasksFailed(), cut(run.error())));
    }

    /** Records how a run ended. */
    public void finish(String runId, RunStatus status, Instant finishedAt, int tasksTotal, int tasksFailed,
            String error) {
        String action = "finish pipeline run " + runId;
        int updated = database.call(action, c -> update(c, "UPDATE pipeline_runs SET status = ?, finished_at = ?, "
                + "tasks_total = ?, tasks_failed = ?, error = ? WHERE run_id = ?", status, finishedAt, tasksTotal,
                tasksFailed, cut(error), runId));
        if (updated == 0) {
            throw new CairnException(ErrorCode.NOT_FOUND, "Cannot %s: there is no such run", action);
        }
    }

    /** Inserts or replaces the row of one task. */
    public void recordTask(TaskRunRecord task) {
        requireNonNull(task, "task is null");
        database.call("record task " + task.taskId() + " of run " + task.runId(), c -> {
            update(c, "DELETE FROM task_runs WHERE run_id = ? AND task_id = ?", task.runId(), task.taskId());
            return update(c, "INSERT INTO task_runs (" + TASK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?)", task.runId(), task.taskId(), task.step(), task.tenant(), task.source(), task.status(),
                    task.attempt(), task.startedAt(), task.finishedAt(), task.durationMillis(), task.rowsRead(),
                    task.rowsLanded(), task.errorClass(), cut(task.errorMessage()));
        });
    }

    /**
     * Closes every run of {@code pipeline} still marked {@code running}, and its running tasks, as {@code abandoned}:
     * they were left by a process that died. Returns the ids of the closed runs.
     */
    public List<String> abandonRunning(String pipeline, Instant now) {
        requireNonNull(pipeline, "pipeline is null");
        return database.call("close stale runs of pipeline " + pipeline, c -> {
            List<String> stale = query(c, "SELECT run_id FROM pipeline_runs WHERE pipeline = ? AND status = ? "
                    + "ORDER BY run_id", row -> row.getString(1), pipeline, RunStatus.RUNNING);
            for (String runId : stale) {
                update(c, "UPDATE task_runs SET status = ?, finished_at = ?, error_message = ? WHERE run_id = ? "
                        + "AND status = ?", RunStatus.ABANDONED, now, "the process running it stopped", runId,
                        RunStatus.RUNNING);
                update(c, "UPDATE pipeline_runs SET status = ?, finished_at = ?, error = ? WHERE run_id = ?",
                        RunStatus.ABANDONED, now, "the process running it stopped before it finished", runId);
            }
            return stale;
        });
    }

    public Optional<PipelineRunRecord> find(String runId) {
        requireNonNull(runId, "runId is null");
        return database.call("read pipeline run " + runId, c -> query(c, "SELECT " + RUN_COLUMNS
                + " FROM pipeline_runs WHERE run_id = ?", PipelineRunStore::run, runId)).stream().findFirst();
    }

    /** The latest runs, newest first. */
    public List<PipelineRunRecord> list(int limit) {
        if (limit < 1) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot list pipeline runs: limit %d is below 1", limit);
        }
        return database.call("list pipeline runs", c -> query(c, "SELECT " + RUN_COLUMNS
                + " FROM pipeline_runs ORDER BY run_id DESC LIMIT ?", PipelineRunStore::run, limit));
    }

    /** The latest runs limited to {@code tenant}, newest first. */
    public List<PipelineRunRecord> list(TenantId tenant, int limit) {
        requireNonNull(tenant, "tenant is null");
        if (limit < 1) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot list pipeline runs: limit %d is below 1", limit);
        }
        return database.call("list pipeline runs of tenant " + tenant, c -> query(c, "SELECT " + RUN_COLUMNS
                + " FROM pipeline_runs WHERE tenant_id = ? ORDER BY run_id DESC LIMIT ?", PipelineRunStore::run,
                tenant, limit));
    }

    /** The tasks of one run, in the order they started. */
    public List<TaskRunRecord> tasks(String runId) {
        requireNonNull(runId, "runId is null");
        return database.call("list tasks of run " + runId, c -> query(c, "SELECT " + TASK_COLUMNS
                + " FROM task_runs WHERE run_id = ? ORDER BY started_at, task_id", PipelineRunStore::task, runId));
    }

    private static PipelineRunRecord run(ResultSet row) throws SQLException {
        return new PipelineRunRecord(row.getString("run_id"), row.getString("pipeline"), tenant(row),
                RunStatus.of(row.getString("status")), instant(row, "started_at"), instant(row, "finished_at"),
                row.getInt("tasks_total"), row.getInt("tasks_failed"), row.getString("error"));
    }

    private static TaskRunRecord task(ResultSet row) throws SQLException {
        return new TaskRunRecord(row.getString("run_id"), row.getString("task_id"), row.getString("step"),
                tenant(row), row.getString("source_name"), RunStatus.of(row.getString("status")),
                row.getInt("attempt"), instant(row, "started_at"), instant(row, "finished_at"),
                longOrNull(row, "duration_ms"), longOrNull(row, "rows_read"), longOrNull(row, "rows_landed"),
                row.getString("error_class"), row.getString("error_message"));
    }

    private static TenantId tenant(ResultSet row) throws SQLException {
        String value = row.getString("tenant_id");
        return value == null ? null : TenantId.of(value);
    }

    private static String cut(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
    }
}
