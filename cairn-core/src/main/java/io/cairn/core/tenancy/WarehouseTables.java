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
 * count, copy and delete one tenant's rows, drop schemas. Reads {@code information_schema} (DuckDB, PostgreSQL)
 * or, on Spark, which has none, JDBC metadata ({@link MetadataCatalog}). Views are never touched: they hold no
 * rows. On Spark (Iceberg) deleting rows also expires the table's older snapshots, so the deleted rows cannot be
 * read back by time travel, and dropping a schema drops its tables with their files.
 */
public final class WarehouseTables {
    private static final String BASE_TABLES = "SELECT t.table_schema, t.table_name FROM information_schema.tables t "
            + "WHERE t.table_type = 'BASE TABLE' AND t.table_catalog = current_database() ";

    private final Warehouse warehouse;
    private final Dialect dialect;
    private final boolean iceberg;

    public WarehouseTables(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.dialect = warehouse.dialect();
        this.iceberg = "spark".equals(dialect.name());
    }

    /** Every base table, in any schema, that has a {@code tenant_id} column. */
    public List<TableRef> withTenantColumn() {
        if (iceberg) {
            return fromMetadata(null, true);
        }
        return tables(BASE_TABLES + "AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE "
                + "c.table_catalog = t.table_catalog AND c.table_schema = t.table_schema AND c.table_name = "
                + "t.table_name AND c.column_name = '" + Envelope.TENANT_ID + "') "
                + "AND t.table_schema NOT IN ('information_schema', 'pg_catalog')", null);
    }

    /** The base tables of one schema, by name. */
    public List<TableRef> inSchema(String schema) {
        if (iceberg) {
            return fromMetadata(schema, false);
        }
        return tables(BASE_TABLES + "AND t.table_schema = ?", schema);
    }

    /** Which of {@code schemas} exist. */
    public List<String> existingSchemas(List<String> schemas) {
        List<String> existing = new ArrayList<>();
        if (iceberg) {
            try (Connection connection = warehouse.connect()) {
                List<String> all = MetadataCatalog.schemas(connection);
                return schemas.stream().filter(all::contains).toList();
            }
            catch (SQLException e) {
                throw failure(e, "list the schemas %s", schemas);
            }
        }
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
        if (iceberg) {
            try (Connection connection = warehouse.connect()) {
                for (String[] column : MetadataCatalog.columns(connection, table)) {
                    columns.add(new Column(column[0], false));
                }
                return columns;
            }
            catch (SQLException e) {
                throw failure(e, "read the columns of %s", table);
            }
        }
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
            if (iceberg) {
                // Spark reports no row count for writes: count first
                deleted.put(table, count(List.of(table), tenant).get(table));
                update("DELETE FROM " + table.sql(dialect) + " WHERE tenant_id = ?", tenant);
                expireSnapshots(table);
            }
            else {
                deleted.put(table, update("DELETE FROM " + table.sql(dialect) + " WHERE tenant_id = ?", tenant));
            }
        }
        return deleted;
    }

    /** Drops each schema with everything in it. */
    public void drop(List<String> schemas) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                if (iceberg) {
                    // Iceberg drops only empty namespaces; PURGE deletes the tables' files too
                    for (TableRef view : MetadataCatalog.relations(connection, schema, "VIEW")) {
                        statement.execute("DROP VIEW IF EXISTS " + view.sql(dialect));
                    }
                    for (TableRef table : MetadataCatalog.relations(connection, schema, "TABLE")) {
                        statement.execute("DROP TABLE IF EXISTS " + table.sql(dialect) + " PURGE");
                    }
                    statement.execute("DROP SCHEMA IF EXISTS " + dialect.quote(schema));
                }
                else {
                    statement.execute("DROP SCHEMA IF EXISTS " + dialect.quote(schema) + " CASCADE");
                }
            }
        }
        catch (SQLException e) {
            throw failure(e, "drop the schemas %s", schemas);
        }
    }

    /** Iceberg keeps deleted rows in older snapshots: keep only the current one (its files are then deleted). */
    private void expireSnapshots(TableRef table) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CALL system.expire_snapshots(table => " + dialect.literal("`" + table.schema() + "`.`" + table.name() + "`")
                    + ", older_than => current_timestamp(), retain_last => 1)");
        }
        catch (SQLException e) {
            throw failure(e, "expire the older snapshots of %s", table);
        }
    }

    private List<TableRef> fromMetadata(String schema, boolean withTenantColumn) {
        try (Connection connection = warehouse.connect()) {
            List<TableRef> tables = new ArrayList<>();
            for (TableRef table : MetadataCatalog.relations(connection, schema, "TABLE")) {
                if (!withTenantColumn || MetadataCatalog.columns(connection, table).stream()
                        .anyMatch(column -> column[0].equalsIgnoreCase(Envelope.TENANT_ID))) {
                    tables.add(table);
                }
            }
            return tables;
        }
        catch (SQLException e) {
            throw failure(e, "list the warehouse tables");
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
