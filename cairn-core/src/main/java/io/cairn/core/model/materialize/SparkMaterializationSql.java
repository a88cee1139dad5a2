package io.cairn.core.model.materialize;

import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.cairn.core.model.materialize.Catalog.Kind;
import io.cairn.spi.warehouse.Dialect;

/**
 * Spark with Iceberg tables: no {@code information_schema} (relations and columns come from JDBC
 * {@link DatabaseMetaData}), no transactions, but an atomic {@code CREATE OR REPLACE TABLE ... AS SELECT} and
 * {@code MERGE INTO}. Batches and scratch tables are Iceberg tables in the model's schema (Spark's temporary views
 * are lazy: a delete+insert would re-read the target it just changed), named uniquely per build so concurrent
 * builds never collide, and dropped with their data ({@code purge}). Seeds go through Spark's CSV reader.
 */
final class SparkMaterializationSql implements MaterializationSql {
    /** Type names the package's YAML may use that Spark spells otherwise. */
    private static final Map<String, String> TYPE_NAMES = Map.of("varchar", "string", "text", "string",
            "double precision", "double", "timestamptz", "timestamp", "integer", "int");

    @Override
    public List<String> createBatch(BuildContext ctx, String name, String query) {
        return List.of("create table " + batchRelation(ctx, name) + " as (\n" + query + "\n)");
    }

    @Override
    public String scratchName(String base) {
        return base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Override
    public String batchRelation(BuildContext ctx, String name) {
        return ctx.relation(name);
    }

    @Override
    public String dropTable(String relation) {
        return "drop table if exists " + relation + " purge";
    }

    @Override
    public boolean replacesTablesAtomically() {
        return true;
    }

    @Override
    public Optional<Kind> kind(BuildContext ctx, String schema, String name) {
        try (ResultSet rs = ctx.connection().getMetaData().getTables(null, schema, name, null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)
                        && rs.getString("TABLE_SCHEM").equalsIgnoreCase(schema)) {
                    return Optional.of("VIEW".equals(rs.getString("TABLE_TYPE")) ? Kind.VIEW : Kind.TABLE);
                }
            }
            return Optional.empty();
        }
        catch (SQLException e) {
            throw Sql.failure(ctx.node(), e, -1);
        }
    }

    @Override
    public Map<String, String> columns(BuildContext ctx, String schema, String name) {
        try (ResultSet rs = ctx.connection().getMetaData().getColumns(null, schema, name, null)) {
            Map<String, String> out = new LinkedHashMap<>();
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)
                        && rs.getString("TABLE_SCHEM").equalsIgnoreCase(schema)) {
                    out.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
                }
            }
            return out;
        }
        catch (SQLException e) {
            throw Sql.failure(ctx.node(), e, -1);
        }
    }

    @Override
    public Map<String, String> batchColumns(BuildContext ctx, String name) {
        return columns(ctx, ctx.node().schema(), name);
    }

    @Override
    public List<String> merge(Dialect dialect, String target, String batch, List<String> columns, String keyMatch) {
        return List.of(DuckDbMaterializationSql.mergeInto(target, batch, columns, keyMatch));
    }

    @Override
    public String dropForReplace(Kind kind, String relation) {
        return kind == Kind.VIEW ? "drop view " + relation : dropTable(relation);
    }

    @Override
    public List<String> replaceTable(String relation, String query) {
        return List.of("create or replace table " + relation + " as (\n" + query + "\n)");
    }

    /** Iceberg views are replaced in one statement; a table of that name is dropped first (no transactions). */
    @Override
    public void buildView(BuildContext ctx, String query, boolean wasTable) {
        if (wasTable) {
            Sql.execute(ctx.connection(), ctx.node(), dropForReplace(Kind.TABLE, ctx.target()));
        }
        Sql.execute(ctx.connection(), ctx.node(), "create or replace view " + ctx.target() + " as (\n" + query
                + "\n)", 1);
    }

    /**
     * Spark's CSV reader over a session-local temporary view (header, inferred types, RFC 4180 quoting), then a
     * table with the {@code column_types} casts; an empty field is NULL.
     */
    @Override
    public long loadSeed(BuildContext ctx, Path csv, String relation, boolean orReplace) {
        Dialect dialect = ctx.dialect();
        String view = dialect.quote(scratchName(ctx.node().identifier() + "__cairn_seed"));
        Sql.execute(ctx.connection(), ctx.node(), "create temporary view " + view + " using csv options (path "
                + dialect.literal(csv.toAbsolutePath().toString()) + ", header 'true', inferSchema 'true', "
                + "escape '\"', multiLine 'true', enforceSchema 'false', nullValue '', mode 'FAILFAST')");
        try {
            List<String> header = header(ctx, view);
            Map<String, Object> declared = ctx.node().config().columnTypes();
            String select = header.stream().map(column -> declared.containsKey(column)
                    ? "cast(" + dialect.quote(column) + " as " + type(declared.get(column)) + ") as "
                            + dialect.quote(column)
                    : dialect.quote(column)).collect(Collectors.joining(", "));
            return Sql.execute(ctx.connection(), ctx.node(), (orReplace ? "create or replace table " : "create table ")
                    + relation + " as select " + select + " from " + view);
        }
        finally {
            Sql.execute(ctx.connection(), ctx.node(), "drop view if exists " + view);
        }
    }

    /** The column names of the CSV view, as its header line gives them. */
    private static List<String> header(BuildContext ctx, String view) {
        try (Statement statement = ctx.connection().createStatement();
                ResultSet rs = statement.executeQuery("select * from " + view + " limit 0")) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getMetaData().getColumnLabel(i));
            }
            return out;
        }
        catch (SQLException e) {
            throw Sql.failure(ctx.node(), e, -1);
        }
    }

    private static String type(Object declared) {
        String type = String.valueOf(declared).strip();
        return TYPE_NAMES.getOrDefault(type.toLowerCase(Locale.ROOT), type);
    }
}
