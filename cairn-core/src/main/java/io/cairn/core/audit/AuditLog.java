package io.cairn.core.audit;

import io.cairn.core.controlplane.SortableIds;
import io.cairn.core.controlplane.Sql;
import io.cairn.spi.TenantId;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code audit_log} table of the control plane. Insert-only: {@link #record} adds a row, {@link #list} reads them
 * newest first. Long targets and details are cut, never rejected: an audit write must not fail the audited action.
 */
public final class AuditLog {
    static final int MAX_TARGET = 1024;
    static final int MAX_DETAIL = 4096;

    /** Runs one piece of work on a control-plane connection (the control plane's own transaction handling). */
    public interface Database {
        <T> T call(String action, Work<T> work);
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Database database;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Records one action and returns the stored entry. */
    public AuditEntry record(String actor, String action, TenantId tenant, String target, AuditOutcome outcome,
                             String detail) {
        AuditEntry entry = new AuditEntry(SortableIds.next(clock), Sql.truncate(clock.instant()), actor, action,
                Optional.ofNullable(tenant), cut(target, MAX_TARGET), outcome, cut(detail, MAX_DETAIL));
        database.call("record the audit entry " + action, connection -> Sql.update(connection,
                "INSERT INTO audit_log (audit_id, at, actor, action, tenant_id, target, outcome, detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                entry.id(), entry.at(), entry.actor(), entry.action(), entry.tenant().orElse(null), entry.target(),
                entry.outcome(), entry.detail()));
        return entry;
    }

    /**
     * Entries newest first, at most {@code limit}; {@code tenant} and {@code since} narrow them when given,
     * {@code action} matches a prefix ({@code access.} finds grants and revokes).
     */
    public List<AuditEntry> list(TenantId tenant, Instant since, String action, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (tenant != null) {
            sql.append(" AND tenant_id = ?");
            params.add(tenant);
        }
        if (since != null) {
            sql.append(" AND at >= ?");
            params.add(since);
        }
        if (action != null) {
            sql.append(" AND action LIKE ?");
            params.add(action.replace("%", "").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY audit_id DESC LIMIT ").append(Math.max(0, limit));
        return database.call("list the audit log", connection -> Sql.query(connection, sql.toString(),
                row -> new AuditEntry(row.getString("audit_id"), Sql.instant(row, "at"), row.getString("actor"),
                        row.getString("action"), Optional.ofNullable(Sql.tenant(row, "tenant_id")),
                        row.getString("target"), Sql.enumOf(AuditOutcome.class, row.getString("outcome")),
                        row.getString("detail")),
                params.toArray()));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
