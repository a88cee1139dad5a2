package io.cairn.models;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cairn.core.controlplane.Tenant;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.Envelope;
import io.cairn.spi.warehouse.Warehouse;

/**
 * What the platform hands the bundled package before a build: the tenant directory {@code cairn.tenants}
 * (time zone and reporting currency per tenant, from the control plane) and the var {@code cairn_absent_streams}
 * (the raw tables the package reads that this warehouse does not have yet).
 */
public final class PlatformInputs {
    public static final String ABSENT_STREAMS_VAR = "cairn_absent_streams";

    private PlatformInputs() {}

    /** Replaces {@code cairn.tenants} with one row per tenant. */
    public static void writeTenantDirectory(Warehouse warehouse, List<Tenant> tenants) {
        try (Connection connection = warehouse.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS cairn");
                statement.execute("CREATE TABLE IF NOT EXISTS cairn.tenants (tenant_id VARCHAR PRIMARY KEY, "
                        + "timezone VARCHAR NOT NULL, currency VARCHAR NOT NULL)");
                statement.execute("DELETE FROM cairn.tenants");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cairn.tenants VALUES (?, ?, ?)")) {
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
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot write the tenant directory cairn.tenants: %s",
                    e.getMessage());
        }
    }

    /** {@code {cairn_absent_streams: [...]}}: raw sources the project declares that the warehouse lacks. */
    public static Map<String, Object> absentStreamVars(Path project, Warehouse warehouse) {
        ModelEngine engine = ModelEngine.load(project, EngineOptions.defaults(warehouse));
        Set<String> existing = rawTables(warehouse);
        List<String> absent = new ArrayList<>();
        for (Node node : engine.dag().nodes().values()) {
            if (node.type() == ResourceType.SOURCE && Envelope.RAW_SCHEMA.equals(node.schema())
                    && !existing.contains(node.identifier())) {
                absent.add(node.identifier());
            }
        }
        absent.sort(null);
        return Map.of(ABSENT_STREAMS_VAR, List.copyOf(absent));
    }

    private static Set<String> rawTables(Warehouse warehouse) {
        Set<String> tables = new HashSet<>();
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            statement.setString(1, Envelope.RAW_SCHEMA);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot list the raw tables: %s", e.getMessage());
        }
        return tables;
    }
}
