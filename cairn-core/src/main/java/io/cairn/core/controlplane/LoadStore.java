package io.cairn.core.controlplane;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.LoadResult;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code loads} table. A load moves {@code MOVING -> STAGED -> LANDED}, or to {@code FAILED} from either
 * unfinished status; a landed or failed load does not change again.
 */
public final class LoadStore {
    private static final String COLUMNS = "load_id, tenant_id, source_name, stream, inbox_file, raw_file, "
            + "file_format, status, bytes, records_read, rows_landed, rows_duplicate, rows_dead_lettered, rows_warned, "
            + "max_source_updated_at, created_at, finished_at, error";
    private static final String UNFINISHED = "status IN ('moving', 'staged')";

    private final Jdbc jdbc;
    private final Clock clock;

    LoadStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a new load; its id must be new and its tenant registered. */
    public void insert(LoadRecord load) {
        requireNonNull(load, "load is null");
        LoadResult result = load.result();
        jdbc.call("record load " + load.loadId() + " of tenant " + load.tenant(), connection -> Sql.update(connection,
                "INSERT INTO loads (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                load.loadId(), load.tenant(), load.source(), load.stream(), load.inboxFile(), load.rawFile(),
                load.format(), load.status(), load.bytes(),
                result == null ? null : result.recordsRead(), result == null ? null : result.rowsLanded(),
                result == null ? null : result.rowsDuplicate(), result == null ? null : result.rowsDeadLettered(),
                result == null ? null : result.rowsWarned(), result == null ? null : result.maxSourceUpdatedAt(),
                load.createdAt(), load.finishedAt(), load.error()));
    }

    /** Marks a moving load staged: its raw file is complete. Marking a staged load again changes nothing. */
    public void markStaged(String loadId) {
        requireNonNull(loadId, "loadId is null");
        transition(loadId, LoadStatus.STAGED, "UPDATE loads SET status = 'staged' WHERE load_id = ? AND " + UNFINISHED,
                loadId);
    }

    /** Marks an unfinished load landed with its figures. */
    public void markLanded(String loadId, LoadResult result) {
        requireNonNull(loadId, "loadId is null");
        requireNonNull(result, "result is null");
        if (!loadId.equals(result.loadId())) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot mark load %s landed: the result is for load %s",
                    loadId, result.loadId());
        }
        transition(loadId, LoadStatus.LANDED, "UPDATE loads SET status = 'landed', records_read = ?, rows_landed = ?, "
                        + "rows_duplicate = ?, rows_dead_lettered = ?, rows_warned = ?, max_source_updated_at = ?, "
                        + "finished_at = ?, error = NULL WHERE load_id = ? AND " + UNFINISHED,
                result.recordsRead(), result.rowsLanded(), result.rowsDuplicate(), result.rowsDeadLettered(),
                result.rowsWarned(), result.maxSourceUpdatedAt(), clock.instant(), loadId);
    }

    /** Marks an unfinished load failed, saying why. */
    public void markFailed(String loadId, String error) {
        requireNonNull(loadId, "loadId is null");
        requireNonNull(error, "error is null");
        transition(loadId, LoadStatus.FAILED, "UPDATE loads SET status = 'failed', error = ?, finished_at = ? "
                + "WHERE load_id = ? AND " + UNFINISHED, error, clock.instant(), loadId);
    }

    /**
     * Puts a failed load back to staged so the next sync lands it again (its raw file is still in the raw zone);
     * for failures that were not the file's fault, such as a warehouse that was down. Only a failed load moves.
     */
    public void restage(String loadId) {
        requireNonNull(loadId, "loadId is null");
        transition(loadId, LoadStatus.STAGED, "UPDATE loads SET status = 'staged', error = NULL, finished_at = NULL "
                + "WHERE load_id = ? AND status = 'failed'", loadId);
    }

    /** The tenant's failed loads of one source, oldest first. */
    public List<LoadRecord> failed(TenantId tenant, String source) {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(source, "source is null");
        return jdbc.call("list failed loads of tenant " + tenant, connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM loads WHERE tenant_id = ? AND source_name = ? AND status = 'failed' "
                        + "ORDER BY created_at, load_id", LoadStore::load, tenant, source));
    }

    private void transition(String loadId, LoadStatus target, String sql, Object... params) {
        String action = "mark load " + loadId + " " + Sql.enumId(target);
        Optional<LoadRecord> refused = jdbc.transaction(action, connection ->
                Sql.update(connection, sql, params) > 0 ? Optional.empty() : Optional.of(find(connection, loadId)
                        .orElseThrow(() -> new CairnException(ErrorCode.NOT_FOUND, "Cannot %s: there is no such load",
                                action))));
        refused.ifPresent(load -> {
            throw new CairnException(ErrorCode.CONTROL_PLANE, "Cannot %s (tenant %s, source %s): it is already %s",
                    action, load.tenant(), load.source(), Sql.enumId(load.status()));
        });
    }

    public Optional<LoadRecord> find(String loadId) {
        requireNonNull(loadId, "loadId is null");
        return jdbc.call("read load " + loadId, connection -> find(connection, loadId));
    }

    private static Optional<LoadRecord> find(Connection connection, String loadId) throws SQLException {
        return Sql.queryOne(connection, "SELECT " + COLUMNS + " FROM loads WHERE load_id = ?", LoadStore::load,
                loadId);
    }

    /** The tenant's moving and staged loads, oldest first: what a restart must finish. */
    public List<LoadRecord> unfinished(TenantId tenant) {
        requireNonNull(tenant, "tenant is null");
        return jdbc.call("list unfinished loads of tenant " + tenant, connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM loads WHERE tenant_id = ? AND " + UNFINISHED
                        + " ORDER BY created_at, load_id", LoadStore::load, tenant));
    }

    /** The tenant's latest loads, of one source or (with {@code source == null}) of all, newest first. */
    public List<LoadRecord> list(TenantId tenant, String source, int limit) {
        requireNonNull(tenant, "tenant is null");
        if (limit < 1) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot list loads of tenant %s: limit %d is below 1",
                    tenant, limit);
        }
        String filter = source == null ? "" : " AND source_name = ?";
        Object[] params = source == null ? new Object[] {tenant, limit} : new Object[] {tenant, source, limit};
        return jdbc.call("list loads of tenant " + tenant, connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM loads WHERE tenant_id = ?" + filter
                        + " ORDER BY created_at DESC, load_id DESC LIMIT ?", LoadStore::load, params));
    }

    /**
     * Per source and stream of the tenant, ordered by both: the last landed load, the number of landed loads and
     * their rows, and the newest source change time they brought.
     */
    public List<StreamFreshness> freshness(TenantId tenant) {
        requireNonNull(tenant, "tenant is null");
        List<StreamFreshness> landed = jdbc.call("read the freshness of tenant " + tenant, connection -> Sql.query(
                connection, "SELECT source_name, stream, load_id, finished_at, rows_landed, max_source_updated_at "
                        + "FROM loads WHERE tenant_id = ? AND status = 'landed' "
                        + "ORDER BY source_name, stream, finished_at, load_id",
                row -> new StreamFreshness(row.getString(1), row.getString(2), row.getString(3),
                        Sql.instant(row, "finished_at"), 1, row.getLong(5), row.getString(6)), tenant));
        java.util.Map<String, StreamFreshness> streams = new java.util.LinkedHashMap<>();
        for (StreamFreshness load : landed) {
            streams.merge(load.source() + "\u0000" + load.stream(), load, LoadStore::later);
        }
        return List.copyOf(streams.values());
    }

    /** Folds a later load of a stream into what its earlier loads gave. */
    private static StreamFreshness later(StreamFreshness sofar, StreamFreshness next) {
        String max = sofar.maxSourceUpdatedAt();
        if (max == null || (next.maxSourceUpdatedAt() != null && isAfter(next.maxSourceUpdatedAt(), max))) {
            max = next.maxSourceUpdatedAt();
        }
        return new StreamFreshness(next.source(), next.stream(), next.lastLoadId(), next.lastLandedAt(),
                sofar.loadsLanded() + 1, sofar.rowsLanded() + next.rowsLanded(), max);
    }

    /** Compares ISO-8601 times with offsets; text that is not one compares as text. */
    private static boolean isAfter(String a, String b) {
        try {
            return java.time.OffsetDateTime.parse(a).isAfter(java.time.OffsetDateTime.parse(b));
        }
        catch (java.time.format.DateTimeParseException e) {
            return a.compareTo(b) > 0;
        }
    }

    private static LoadRecord load(ResultSet row) throws SQLException {
        return new LoadRecord(
                row.getString("load_id"),
                Sql.tenant(row, "tenant_id"),
                row.getString("source_name"),
                row.getString("stream"),
                row.getString("inbox_file"),
                row.getString("raw_file"),
                row.getString("file_format"),
                Sql.enumOf(LoadStatus.class, row.getString("status")),
                row.getLong("bytes"),
                result(row),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "finished_at"),
                row.getString("error"));
    }

    private static LoadResult result(ResultSet row) throws SQLException {
        Long recordsRead = Sql.longOrNull(row, "records_read");
        if (recordsRead == null) {
            return null;
        }
        return new LoadResult(row.getString("load_id"), recordsRead, row.getLong("rows_landed"),
                row.getLong("rows_duplicate"), row.getLong("rows_dead_lettered"), row.getLong("rows_warned"),
                row.getString("max_source_updated_at"), false);
    }
}
