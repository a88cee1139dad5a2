package io.cairn.core.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.Envelope;
import io.cairn.spi.warehouse.Dialect;
import io.cairn.spi.warehouse.Warehouse;

import static java.util.Objects.requireNonNull;

/**
 * What the warehouse catalog says about tenants' tables, and the row operations tenancy work needs on them:
 * count, copy and delete one tenant's rows, drop schemas. Works on every engine with {@code information_schema}
 * (DuckDB, PostgreSQL). Views are never touched: they hold no rows.
 */
public final class WarehouseTables {
    private static final String BASE_TABLES = "SELECT t.table_schema, t.table_name FROM information_schema.tables t "
            + "WHERE t.table_type = 'BASE TABLE' AND t.table_catalog = current_database() ";

    private final Warehouse warehouse;
    private final Dialect dialect;

    public WarehouseTables(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.dialect = warehouse.dialect();
    }

    /** Every base table, in any schema, that has a {@code tenant_id} column. */
    public List<TableRef> withTenantColumn() {
        return tables(BASE_TABLES + "AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE "
                + "c.table_catalog = t.table_catalog AND c.table_schema = t.table_schema AND c.table_name = "
                + "t.table_name AND c.column_name = '" + Envelope.TENANT_ID + "') "
                + "AND t.table_schema NOT IN ('information_schema', 'pg_catalog')", null);
    }

    /** The base tables of one schema, by name. */
    public List<TableRef> inSchema(String schema) {
        return tables(BASE_TABLES + "AND t.table_schema = ?", schema);
    }

    /** Which of {@code schemas} exist. */
    public List<String> existingSchemas(List<String> schemas) {
        List<String> existing = new ArrayList<>();
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM "
                        + "information_schema.schemata WHERE schema_name = ? AND catalog_name = current_database()")) {
            for (String schema : schemas) {
                statement.setString(1, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        existing.add(schema);
                    }
                }
            }
        }
        catch (SQLException e) {
            throw failure(e, "list the schemas %s", schemas);
        }
        return existing;
    }

    /** The columns of a table in order, with JSON columns cast to text so that rows compare by value. */
    public List<String> comparableColumns(TableRef table) {
        return columns(table).stream()
                .map(c -> c.json() ? "CAST(" + dialect.quote(c.name()) + " AS VARCHAR)" : dialect.quote(c.name()))
                .toList();
    }

    private record Column(String name, boolean json) {}

    private List<Column> columns(TableRef table) {
        List<Column> columns = new ArrayList<>();
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT column_name, data_type FROM "
                        + "information_schema.columns WHERE table_catalog = current_database() AND table_schema = ? "
                        + "AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new Column(rows.getString(1),
                            rows.getString(2).toLowerCase(Locale.ROOT).equals("json")));
                }
            }
        }
        catch (SQLException e) {
            throw failure(e, "read the columns of %s", table);
        }
        return columns;
    }

    /** The tenant's rows per table, for the tables given. */
    public Map<TableRef, Long> count(List<TableRef> tables, TenantId tenant) {
        Map<TableRef, Long> counts = new LinkedHashMap<>();
        for (TableRef table : tables) {
            counts.put(table, longValue("SELECT count(*) FROM " + table.sql(dialect) + " WHERE tenant_id = ?",
                    tenant));
        }
        return counts;
    }

    /** A query's single number; every {@code ?} is bound to the tenant id. */
    public long longValue(String sql, TenantId tenant) {
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            long parameters = sql.chars().filter(c -> c == '?').count();
            for (int i = 1; i <= parameters; i++) {
                statement.setString(i, tenant.value());
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
        catch (SQLException e) {
            throw failure(e, "run '%s' for tenant %s", sql, tenant);
        }
    }

    /** Copies the tenant's rows of {@code from} into {@code to} (same columns); returns how many. */
    public long copy(TableRef from, TableRef to, TenantId tenant) {
        String columns = String.join(", ", columns(from).stream().map(c -> dialect.quote(c.name())).toList());
        return update("INSERT INTO " + to.sql(dialect) + " (" + columns + ") SELECT " + columns + " FROM "
                + from.sql(dialect) + " WHERE tenant_id = ?", tenant);
    }

    /** Deletes the tenant's rows of each table; returns the rows deleted per table. */
    public Map<TableRef, Long> delete(List<TableRef> tables, TenantId tenant) {
        Map<TableRef, Long> deleted = new LinkedHashMap<>();
        for (TableRef table : tables) {
            deleted.put(table, update("DELETE FROM " + table.sql(dialect) + " WHERE tenant_id = ?", tenant));
        }
        return deleted;
    }

    /** Drops each schema with everything in it. */
    public void drop(List<String> schemas) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + dialect.quote(schema) + " CASCADE");
            }
        }
        catch (SQLException e) {
            throw failure(e, "drop the schemas %s", schemas);
        }
    }

    private long update(String sql, TenantId tenant) {
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.value());
            return statement.executeUpdate();
        }
        catch (SQLException e) {
            throw failure(e, "run '%s' for tenant %s", sql, tenant);
        }
    }

    private List<TableRef> tables(String sql, String schema) {
        List<TableRef> tables = new ArrayList<>();
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement(sql + " ORDER BY 1, 2")) {
            if (schema != null) {
                statement.setString(1, schema);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(new TableRef(rows.getString(1), rows.getString(2)));
                }
            }
        }
        catch (SQLException e) {
            throw failure(e, "list the warehouse tables");
        }
        return tables;
    }

    private static CairnException failure(SQLException e, String what, Object... args) {
        return new CairnException(ErrorCode.WAREHOUSE, e, "Cannot %s: %s", String.format(Locale.ROOT, what, args),
                e.getMessage());
    }
}
