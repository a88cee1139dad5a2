package io.cairn.core.tenancy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The warehouse catalog read through JDBC {@code DatabaseMetaData}, for engines without {@code information_schema}
 * (Spark). JDBC name patterns treat {@code _} as a wildcard, so every answer is filtered to exact names.
 */
final class MetadataCatalog {
    private MetadataCatalog() {}

    static List<String> schemas(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getSchemas()) {
            while (rows.next()) {
                schemas.add(rows.getString("TABLE_SCHEM"));
            }
        }
        return schemas;
    }

    /** The relations of one type ({@code TABLE} or {@code VIEW}) of {@code schema}, or of every schema when null. */
    static List<TableRef> relations(Connection connection, String schema, String type) throws SQLException {
        List<TableRef> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[] {type})) {
            while (rows.next()) {
                TableRef table = new TableRef(rows.getString("TABLE_SCHEM"), rows.getString("TABLE_NAME"));
                if (schema == null || schema.equalsIgnoreCase(table.schema())) {
                    tables.add(table);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    /** The column names and type names of a table, in table order. */
    static List<String[]> columns(Connection connection, TableRef table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String[]> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(null, table.schema(), table.name(), "%")) {
            while (rows.next()) {
                if (table.schema().equalsIgnoreCase(rows.getString("TABLE_SCHEM"))
                        && table.name().equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
                    columns.add(new String[] {rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME")});
                }
            }
        }
        return columns;
    }
}
