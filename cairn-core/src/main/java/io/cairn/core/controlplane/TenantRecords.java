package io.cairn.core.controlplane;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.spi.TenantId;

import static java.util.Objects.requireNonNull;

/**
 * Every control-plane row that belongs to one tenant, for offboarding: counted, or deleted in one transaction.
 * The audit log is not among them: it outlives the tenant.
 */
public final class TenantRecords {
    private static final String OF_TENANT = "tenant_id = ?";
    private static final String OF_TENANT_RUNS = "run_id IN (SELECT run_id FROM runs WHERE tenant_id = ?)";

    /** Children before parents, so each count is what that table itself lost. */
    private static final List<Map.Entry<String, String>> TABLES = List.of(
            Map.entry("task_runs", "tenant_id = ? OR run_id IN (SELECT run_id FROM pipeline_runs WHERE tenant_id = ?)"),
            Map.entry("pipeline_runs", OF_TENANT),
            Map.entry("schedules", OF_TENANT),
            Map.entry("pipeline_locks", OF_TENANT),
            Map.entry("alert_state", OF_TENANT),
            Map.entry("model_results", OF_TENANT_RUNS),
            Map.entry("runs", OF_TENANT),
            Map.entry("api_idempotency", OF_TENANT),
            Map.entry("api_keys", OF_TENANT),
            Map.entry("tenant_plans", OF_TENANT),
            Map.entry("tenant_access", OF_TENANT),
            Map.entry("source_watermarks", OF_TENANT),
            Map.entry("credentials", OF_TENANT),
            Map.entry("stream_state", OF_TENANT),
            Map.entry("loads", OF_TENANT),
            Map.entry("sources", OF_TENANT),
            Map.entry("tenants", OF_TENANT));

    private final Jdbc jdbc;

    TenantRecords(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of the tenant per control-plane table, in deletion order (tables with none included). */
    public Map<String, Long> count(TenantId tenant) {
        requireNonNull(tenant, "tenant is null");
        return jdbc.call("count the control-plane rows of tenant " + tenant, connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<String, String> table : TABLES) {
                counts.put(table.getKey(), Sql.queryOne(connection, "SELECT count(*) FROM " + table.getKey()
                        + " WHERE " + table.getValue(), row -> row.getLong(1), params(table, tenant)).orElse(0L));
            }
            return counts;
        });
    }

    /** Deletes every row of the tenant (the audit log excepted) in one transaction; returns the rows per table. */
    public Map<String, Long> delete(TenantId tenant) {
        requireNonNull(tenant, "tenant is null");
        return jdbc.transaction("delete the control-plane rows of tenant " + tenant, connection -> {
            Map<String, Long> deleted = new LinkedHashMap<>();
            for (Map.Entry<String, String> table : TABLES) {
                deleted.put(table.getKey(), (long) delete(connection, table, tenant));
            }
            return deleted;
        });
    }

    private static int delete(Connection connection, Map.Entry<String, String> table, TenantId tenant)
            throws SQLException {
        return Sql.update(connection, "DELETE FROM " + table.getKey() + " WHERE " + table.getValue(),
                params(table, tenant));
    }

    private static Object[] params(Map.Entry<String, String> table, TenantId tenant) {
        return table.getValue().chars().filter(c -> c == '?').mapToObj(c -> tenant).toArray();
    }
}
