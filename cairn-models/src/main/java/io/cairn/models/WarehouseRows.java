package io.cairn.models;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.spi.warehouse.Warehouse;

/** Small reads for the data-quality classes: every row of a query as a column-name map. */
final class WarehouseRows {
    private WarehouseRows() {}

    /** Every row; SQL errors propagate so callers can say what they were doing. */
    static List<Map<String, Object>> query(Warehouse warehouse, String sql) throws SQLException {
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * True when {@code schema.table} exists. Asks JDBC metadata, which every engine answers (Spark has no
     * {@code information_schema}); names in a metadata pattern may match more, so the match is checked.
     */
    static boolean exists(Warehouse warehouse, String schema, String table) throws SQLException {
        try (Connection connection = warehouse.connect();
                ResultSet rs = connection.getMetaData().getTables(null, schema, table, null)) {
            while (rs.next()) {
                if (schema.equalsIgnoreCase(rs.getString("TABLE_SCHEM"))
                        && table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
