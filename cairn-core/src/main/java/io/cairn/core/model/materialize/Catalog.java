package io.cairn.core.model.materialize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cairn.core.model.graph.Node;

/** Looks up relations and their columns through {@code information_schema}, which DuckDB and PostgreSQL share. */
public final class Catalog {
    /** The kind of an existing relation. */
    public enum Kind { TABLE, VIEW }

    private Catalog() {}

    public static Optional<Kind> kind(Connection connection, Node node, String schema, String name) {
        String sql = "select table_type from information_schema.tables where table_catalog = current_database() "
                + "and table_schema = ? and table_name = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setString(2, name);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(rs.getString(1).toUpperCase(Locale.ROOT).contains("VIEW") ? Kind.VIEW : Kind.TABLE);
            }
        }
        catch (SQLException e) {
            throw Sql.failure(node, e, -1);
        }
    }

    /** Column names (as stored) to data types, in table order; {@code catalog} null means the current database. */
    public static Map<String, String> columns(Connection connection, Node node, String catalog, String schema,
            String name) {
        String sql = "select column_name, data_type from information_schema.columns where table_catalog = "
                + (catalog == null ? "current_database()" : "?") + " and table_schema = ? and table_name = ? "
                + "order by ordinal_position";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (catalog != null) {
                statement.setString(i++, catalog);
            }
            statement.setString(i++, schema);
            statement.setString(i, name);
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }
        catch (SQLException e) {
            throw Sql.failure(node, e, -1);
        }
    }
}
