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

    /** Records a new run (normally {@code running}) without a holder: cleanup may close it at any time. */
    public void start(PipelineRunRecord run) {
        start(run, null, null);
    }

    /**
     * Records a new run held by node {@code holder} until {@code leaseUntil}; the holder extends the lease with
     * {@link #heartbeat} while the run lives, and cleanup closes the run only once the lease has expired.
     */
    public void start(PipelineRunRecord run, String holder, Instant leaseUntil) {
        requireNonNull(run, "run is null");
        database.call("start pipeline run " + run.runId(), c -> update(c, "INSERT INTO pipeline_runs (" + RUN_COLUMNS
                + ", holder, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", run.runId(), run.pipeline(),
                run.tenant(), run.status(), run.startedAt(), run.finishedAt(), run.tasksTotal(), run.tasksFailed(),
                cut(run.error()), holder, leaseUntil));
    }

    /**
     * Extends the lease of a running run to {@code leaseUntil} and returns whether its cancellation was requested.
     */
    public boolean heartbeat(String runId, Instant leaseUntil) {
        requireNonNull(runId, "runId is null");
        return database.call("renew the lease of pipeline run " + runId, c -> {
            update(c, "UPDATE pipeline_runs SET lease_until = ? WHERE run_id = ? AND status = ?", leaseUntil, runId,
                    RunStatus.RUNNING);
            return query(c, "SELECT cancel_requested FROM pipeline_runs WHERE run_id = ?", row -> row.getBoolean(1),
                    runId).stream().findFirst().orElse(false);
        });
    }

    /**
     * Asks whichever node runs {@code runId} to cancel it; that node notices at its next heartbeat. Returns false
     * when there is no such run or it is no longer running.
     */
    public boolean requestCancel(String runId) {
        requireNonNull(runId, "runId is null");
        return database.call("request the cancellation of pipeline run " + runId, c -> update(c,
                "UPDATE pipeline_runs SET cancel_requested = ? WHERE run_id = ? AND status = ?", true, runId,
                RunStatus.RUNNING) > 0);
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
     * Closes every run of {@code pipeline} still marked {@code running} whose holder's lease expired before
     * {@code now} (or that has no lease), and its running tasks, as {@code abandoned}: they were left by a process
     * that died. A run whose holder still renews its lease is left alone, whichever node holds it. Returns the ids
     * of the closed runs.
     */
    public List<String> abandonRunning(String pipeline, Instant now) {
        requireNonNull(pipeline, "pipeline is null");
        return database.call("close stale runs of pipeline " + pipeline, c -> {
            List<String> stale = query(c, "SELECT run_id FROM pipeline_runs WHERE pipeline = ? AND status = ? "
                    + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY run_id", row -> row.getString(1),
                    pipeline, RunStatus.RUNNING, now);
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

    /** The watermarks of the tenants' sources, kept in the same database. */
    public SourceWatermarks watermarks() {
        return new SourceWatermarks(database);
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
