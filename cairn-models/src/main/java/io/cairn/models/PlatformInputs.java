package io.cairn.models;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cairn.core.controlplane.Tenant;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;

/**
 * What the platform hands the bundled package before a build: the tenant directory {@code cairn.tenants}
 * (time zone and reporting currency per tenant, from the control plane) and the var {@code cairn_absent_streams}
 * (the raw tables the package reads that this warehouse does not have yet).
 */
public final class PlatformInputs {
    public static final String ABSENT_STREAMS_VAR = "cairn_absent_streams";

    private PlatformInputs() {}

    /**
     * Prepares a build of {@code layout}: writes its tenant directory with {@code directory} and returns {@code base}
     * with the layout's schema vars and the absent-stream var added (vars already in {@code base} win).
     */
    public static EngineOptions forLayout(Path project, EngineOptions base, TenantLayout layout,
            List<Tenant> directory) {
        writeTenantDirectory(base.warehouse(), layout, directory);
        Map<String, Object> vars = new HashMap<>(layout.engineVars());
        vars.putAll(absentStreamVars(project, base.warehouse(), layout));
        vars.putAll(base.vars());
        return base.withVars(vars);
    }

    /** Replaces {@code cairn.tenants} with one row per tenant. */
    public static void writeTenantDirectory(Warehouse warehouse, List<Tenant> tenants) {
        writeTenantDirectory(warehouse, TenantLayout.SHARED, tenants);
    }

    /**
     * Replaces the tenant directory of a layout ({@code cairn.tenants}, or {@code <tenant>_cairn.tenants} for a
     * dedicated tenant) with one row per tenant.
     */
    public static void writeTenantDirectory(Warehouse warehouse, TenantLayout layout, List<Tenant> tenants) {
        String schema = warehouse.dialect().quote(layout.schema("cairn"));
        try (Connection connection = warehouse.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                statement.execute("CREATE TABLE IF NOT EXISTS " + schema + ".tenants "
                        + (warehouse.type().equals("spark")
                                ? "(tenant_id STRING NOT NULL, timezone STRING NOT NULL, currency STRING NOT NULL)"
                                : "(tenant_id VARCHAR PRIMARY KEY, timezone VARCHAR NOT NULL, currency VARCHAR "
                                        + "NOT NULL)"));
                statement.execute("DELETE FROM " + schema + ".tenants");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + schema + ".tenants VALUES (?, ?, ?)")) {
                for (Tenant tenant : tenants) {
                    insert.setString(1, tenant.id().value());
                    insert.setString(2, tenant.timezone().getId());
                    insert.setString(3, tenant.currency());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot write the tenant directory %s.tenants: %s",
                    layout.schema("cairn"), e.getMessage());
        }
    }

    /** {@code {cairn_absent_streams: [...]}}: raw sources the project declares that the warehouse lacks. */
    public static Map<String, Object> absentStreamVars(Path project, Warehouse warehouse) {
        return absentStreamVars(project, warehouse, TenantLayout.SHARED);
    }

    /** The same for a layout's raw schema ({@code raw} or {@code <tenant>_raw}). */
    public static Map<String, Object> absentStreamVars(Path project, Warehouse warehouse, TenantLayout layout) {
        ModelEngine engine = ModelEngine.load(project, EngineOptions.defaults(warehouse)
                .withVars(layout.engineVars()));
        Set<String> existing = rawTables(warehouse, layout.rawSchema());
        List<String> absent = new ArrayList<>();
        for (Node node : engine.dag().nodes().values()) {
            if (node.type() == ResourceType.SOURCE && layout.rawSchema().equals(node.schema())
                    && !existing.contains(node.identifier())) {
                absent.add(node.identifier());
            }
        }
        absent.sort(null);
        return Map.of(ABSENT_STREAMS_VAR, List.copyOf(absent));
    }

    private static Set<String> rawTables(Warehouse warehouse, String rawSchema) {
        Set<String> tables = new HashSet<>();
        try (Connection connection = warehouse.connect();
                ResultSet rows = connection.getMetaData().getTables(null, rawSchema, "%", null)) {
            while (rows.next()) {
                if (rawSchema.equalsIgnoreCase(rows.getString("TABLE_SCHEM"))) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot list the raw tables: %s", e.getMessage());
        }
        return tables;
    }
}
