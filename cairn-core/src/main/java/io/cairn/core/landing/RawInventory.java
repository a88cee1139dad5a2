package io.cairn.core.landing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.Envelope;
import io.cairn.spi.warehouse.Warehouse;

/** What the raw schema holds for one tenant's stream: record versions and dead letters. */
public final class RawInventory {
    private RawInventory() {}

    public record Counts(long rows, long deadLetters) {}

    public static Counts count(Warehouse warehouse, TenantId tenant, String system, String stream) {
        return count(warehouse, Envelope.RAW_SCHEMA, tenant, system, stream);
    }

    /** The same in a given raw schema ({@code <tenant>_raw} for a dedicated tenant). */
    public static Counts count(Warehouse warehouse, String rawSchema, TenantId tenant, String system, String stream) {
        String table = Envelope.rawTable(system, stream);
        try (Connection connection = warehouse.connect()) {
            long rows = exists(connection, rawSchema, table) ? scalar(connection, "SELECT count(*) FROM "
                    + warehouse.dialect().relation(rawSchema, table) + " WHERE tenant_id = ?",
                    tenant.value()) : 0;
            long dead = exists(connection, rawSchema, Envelope.DEAD_LETTER_TABLE) ? scalar(connection,
                    "SELECT count(*) FROM " + warehouse.dialect().relation(rawSchema, Envelope.DEAD_LETTER_TABLE)
                    + " WHERE tenant_id = ? AND source_system = ? AND stream = ?", tenant.value(), system, stream) : 0;
            return new Counts(rows, dead);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot count raw rows of tenant %s in %s.%s: %s",
                    tenant, rawSchema, table, e.getMessage());
        }
    }

    /**
     * Through JDBC metadata rather than {@code information_schema}, which Spark lacks. Names are patterns there
     * ({@code _} matches any character), so the match is checked.
     */
    private static boolean exists(Connection connection, String schema, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, table, null)) {
            while (tables.next()) {
                if (schema.equals(tables.getString("TABLE_SCHEM")) && table.equals(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static long scalar(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
