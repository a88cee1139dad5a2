package io.cairn.core.controlplane;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import static java.util.Objects.requireNonNull;

/** The {@code model_results} table: one row per node of a model-engine command, under its row in {@code runs}. */
public final class ModelResultStore {
    /** The longest message kept; longer ones are cut (the full text stays in {@code run_results.json}). */
    static final int MAX_MESSAGE = 65536;
    private static final String COLUMNS = "run_id, unique_id, resource_type, name, relation, status, message, "
            + "rows_affected, failures, started_at, completed_at, execution_time";

    private final Jdbc jdbc;

    ModelResultStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the results of one run in one transaction; the run must exist and every result must belong to it.
     * Returns how many rows were written.
     */
    public int insert(String runId, List<ModelResultRecord> results) {
        requireNonNull(runId, "runId is null");
        requireNonNull(results, "results is null");
        for (ModelResultRecord result : results) {
            if (!result.runId().equals(runId)) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot record the result of %s in run %s: it belongs "
                        + "to run %s", result.uniqueId(), runId, result.runId());
            }
        }
        String action = "record " + results.size() + " model results of run " + runId;
        return jdbc.transaction(action, connection -> {
            if (Sql.queryOne(connection, "SELECT run_id FROM runs WHERE run_id = ?", row -> row.getString(1), runId)
                    .isEmpty()) {
                throw new CairnException(ErrorCode.NOT_FOUND, "Cannot %s: there is no such run", action);
            }
            return insertAll(connection, results);
        });
    }

    private static int insertAll(Connection connection, List<ModelResultRecord> results) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO model_results (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ModelResultRecord r : results) {
                statement.setString(1, r.runId());
                statement.setString(2, r.uniqueId());
                statement.setString(3, r.resourceType());
                statement.setString(4, r.name());
                statement.setString(5, r.relation());
                statement.setString(6, r.status());
                statement.setString(7, cut(r.message()));
                if (r.rowsAffected() == null) {
                    statement.setNull(8, Types.BIGINT);
                } else {
                    statement.setLong(8, r.rowsAffected());
                }
                statement.setLong(9, r.failures());
                statement.setObject(10, OffsetDateTime.ofInstant(Sql.truncate(r.startedAt()), ZoneOffset.UTC));
                statement.setObject(11, OffsetDateTime.ofInstant(Sql.truncate(r.completedAt()), ZoneOffset.UTC));
                statement.setDouble(12, r.executionTime());
                statement.addBatch();
            }
            return results.isEmpty() ? 0 : statement.executeBatch().length;
        }
    }

    private static String cut(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
    }

    /** The results of one run, in the order the nodes completed. */
    public List<ModelResultRecord> list(String runId) {
        requireNonNull(runId, "runId is null");
        return jdbc.call("list model results of run " + runId, connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM model_results WHERE run_id = ? ORDER BY completed_at, unique_id",
                ModelResultStore::result, runId));
    }

    /** The latest results of one node across runs, newest first. */
    public List<ModelResultRecord> history(String uniqueId, int limit) {
        requireNonNull(uniqueId, "uniqueId is null");
        if (limit < 1) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot list the results of %s: limit %d is below 1",
                    uniqueId, limit);
        }
        return jdbc.call("list results of " + uniqueId, connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM model_results WHERE unique_id = ? ORDER BY started_at DESC, run_id DESC "
                        + "LIMIT ?", ModelResultStore::result, uniqueId, limit));
    }

    private static ModelResultRecord result(ResultSet row) throws SQLException {
        return new ModelResultRecord(row.getString("run_id"), row.getString("unique_id"),
                row.getString("resource_type"), row.getString("name"), row.getString("relation"),
                row.getString("status"), row.getString("message"), Sql.longOrNull(row, "rows_affected"),
                row.getLong("failures"), Sql.instant(row, "started_at"), Sql.instant(row, "completed_at"),
                row.getDouble("execution_time"));
    }
}
