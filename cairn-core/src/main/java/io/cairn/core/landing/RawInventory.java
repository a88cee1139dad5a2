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
        String table = Envelope.rawTable(system, stream);
        try (Connection connection = warehouse.connect()) {
            long rows = exists(connection, table) ? scalar(connection, "SELECT count(*) FROM "
                    + warehouse.dialect().relation(Envelope.RAW_SCHEMA, table) + " WHERE tenant_id = ?",
                    tenant.value()) : 0;
            long dead = exists(connection, Envelope.DEAD_LETTER_TABLE) ? scalar(connection, "SELECT count(*) FROM "
                    + warehouse.dialect().relation(Envelope.RAW_SCHEMA, Envelope.DEAD_LETTER_TABLE)
                    + " WHERE tenant_id = ? AND source_system = ? AND stream = ?", tenant.value(), system, stream) : 0;
            return new Counts(rows, dead);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot count raw rows of tenant %s in raw.%s: %s",
                    tenant, table, e.getMessage());
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        return scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_name = ?", Envelope.RAW_SCHEMA, table) > 0;
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
