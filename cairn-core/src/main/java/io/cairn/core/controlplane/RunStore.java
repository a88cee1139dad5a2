package io.cairn.core.controlplane;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The {@code runs} table: one row per command or pipeline run. */
public final class RunStore {
    private static final String COLUMNS = "run_id, kind, tenant_id, status, started_at, finished_at, summary";

    private final Jdbc jdbc;
    private final Clock clock;

    RunStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a run as {@code running} and returns its new id; later runs get greater ids. */
    public String start(String kind, TenantId tenantOrNull) {
        requireNonNull(kind, "kind is null");
        String runId = SortableIds.next(clock);
        String scope = tenantOrNull == null ? "" : " for tenant " + tenantOrNull;
        jdbc.call("start run " + runId + " (" + kind + ")" + scope, connection -> Sql.update(connection,
                "INSERT INTO runs (run_id, kind, tenant_id, status, started_at) VALUES (?, ?, ?, ?, ?)",
                runId, kind, tenantOrNull, RunRecord.RUNNING, clock.instant()));
        return runId;
    }

    /** Records how a run ended; {@code summaryJson} may be null. */
    public void finish(String runId, String status, String summaryJson) {
        requireNonNull(runId, "runId is null");
        requireNonNull(status, "status is null");
        String action = "finish run " + runId;
        int updated = jdbc.call(action, connection -> Sql.update(connection,
                "UPDATE runs SET status = ?, finished_at = ?, summary = ? WHERE run_id = ?",
                status, clock.instant(), summaryJson, runId));
        if (updated == 0) {
            throw new CairnException(ErrorCode.NOT_FOUND, "Cannot %s: there is no such run", action);
        }
    }

    public Optional<RunRecord> find(String runId) {
        requireNonNull(runId, "runId is null");
        return jdbc.call("read run " + runId, connection -> Sql.queryOne(connection,
                "SELECT " + COLUMNS + " FROM runs WHERE run_id = ?", RunStore::run, runId));
    }

    /** The latest runs, newest first. */
    public List<RunRecord> list(int limit) {
        checkLimit(limit);
        return jdbc.call("list runs", connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM runs ORDER BY run_id DESC LIMIT ?", RunStore::run, limit));
    }

    /** The tenant's latest runs, newest first. */
    public List<RunRecord> list(TenantId tenant, int limit) {
        requireNonNull(tenant, "tenant is null");
        checkLimit(limit);
        return jdbc.call("list runs of tenant " + tenant, connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM runs WHERE tenant_id = ? ORDER BY run_id DESC LIMIT ?", RunStore::run,
                tenant, limit));
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot list runs: limit %d is below 1", limit);
        }
    }

    private static RunRecord run(ResultSet row) throws SQLException {
        return new RunRecord(row.getString("run_id"), row.getString("kind"), Sql.tenant(row, "tenant_id"),
                row.getString("status"), Sql.instant(row, "started_at"), Sql.instant(row, "finished_at"),
                row.getString("summary"));
    }
}
