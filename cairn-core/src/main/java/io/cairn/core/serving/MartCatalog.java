package io.cairn.core.serving;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.cairn.spi.warehouse.Dialect;

/**
 * Where serving looks up the relations of a schema and their columns on a tenant connection:
 * {@code information_schema} (DuckDB, PostgreSQL, where it shows only what the connection may read), or JDBC
 * {@code DatabaseMetaData} on engines without one (Spark, whose tenant connections see only the tenant's copy).
 */
enum MartCatalog {
    INFORMATION_SCHEMA {
        @Override
        List<String> relations(Connection connection, String schema) throws SQLException {
            List<String> names = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT table_name FROM "
                    + "information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
                statement.setString(1, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
            }
            return names;
        }

        @Override
        List<MartQuery.Column> columns(Connection connection, String schema, String relation) throws SQLException {
            List<MartQuery.Column> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT column_name, data_type "
                    + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                    + "ORDER BY ordinal_position")) {
                statement.setString(1, schema);
                statement.setString(2, relation);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        columns.add(new MartQuery.Column(rows.getString(1), rows.getString(2)));
                    }
                }
            }
            return columns;
        }
    },

    JDBC_METADATA {
        @Override
        List<String> relations(Connection connection, String schema) throws SQLException {
            TreeSet<String> names = new TreeSet<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%", null)) {
                while (rows.next()) {
                    if (schema.equalsIgnoreCase(rows.getString("TABLE_SCHEM"))) {
                        names.add(rows.getString("TABLE_NAME"));
                    }
                }
            }
            return List.copyOf(names);
        }

        @Override
        List<MartQuery.Column> columns(Connection connection, String schema, String relation) throws SQLException {
            List<MartQuery.Column> columns = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getColumns(null, schema, relation, "%")) {
                while (rows.next()) {
                    // JDBC name patterns treat '_' as a wildcard: keep only the relation asked for
                    if (relation.equalsIgnoreCase(rows.getString("TABLE_NAME"))
                            && schema.equalsIgnoreCase(rows.getString("TABLE_SCHEM"))) {
                        columns.add(new MartQuery.Column(rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME")));
                    }
                }
            }
            return columns;
        }
    };

    /** The relations (tables and views) of {@code schema} the connection can see, by name. */
    abstract List<String> relations(Connection connection, String schema) throws SQLException;

    /** The columns of one relation in table order, with their type names; empty when there is no such relation. */
    abstract List<MartQuery.Column> columns(Connection connection, String schema, String relation)
            throws SQLException;

    /** Whether the connection can see {@code relation} in {@code schema}. */
    boolean exists(Connection connection, String schema, String relation) throws SQLException {
        return !columns(connection, schema, relation).isEmpty();
    }

    /** The lookup for a warehouse's dialect: JDBC metadata on Spark, which has no {@code information_schema}. */
    static MartCatalog of(Dialect dialect) {
        return "spark".equals(dialect.name()) ? JDBC_METADATA : INFORMATION_SCHEMA;
    }
}
