package io.cairn.core.model.materialize;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cairn.core.model.materialize.Catalog.Kind;
import io.cairn.spi.CairnException;
import io.cairn.spi.warehouse.Dialect;

/**
 * PostgreSQL (14+): no {@code MERGE} before 15 and no {@code CREATE OR REPLACE TABLE}, so a merge is an
 * {@code UPDATE ... FROM} plus an {@code INSERT ... WHERE NOT EXISTS} in the caller's transaction; relations being
 * replaced are dropped with {@code CASCADE} (as dbt-postgres does: dependent views are rebuilt downstream); column
 * types come from {@code format_type} so numeric precision and scale survive {@code on_schema_change}; seeds are
 * loaded through JDBC batches ({@link CsvSeedLoader}).
 */
final class PostgresMaterializationSql implements MaterializationSql {
    private static final String COLUMNS = "select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a "
            + "where a.attrelid = to_regclass(?) and a.attnum > 0 and not a.attisdropped order by a.attnum";

    @Override
    public List<String> createBatch(BuildContext ctx, String name, String query) {
        Dialect dialect = ctx.dialect();
        return List.of("drop table if exists pg_temp." + dialect.quote(name),
                "create temporary table " + dialect.quote(name) + " as (\n" + query + "\n)");
    }

    @Override
    public Map<String, String> columns(BuildContext ctx, String schema, String name) {
        return attributes(ctx, ctx.dialect().relation(schema, name));
    }

    @Override
    public Map<String, String> batchColumns(BuildContext ctx, String name) {
        return attributes(ctx, "pg_temp." + ctx.dialect().quote(name));
    }

    private static Map<String, String> attributes(BuildContext ctx, String relation) {
        try (PreparedStatement statement = ctx.connection().prepareStatement(COLUMNS)) {
            statement.setString(1, relation);
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }
        catch (SQLException e) {
            throw Sql.failure(ctx.node(), e, -1);
        }
    }

    @Override
    public List<String> merge(Dialect dialect, String target, String batch, List<String> columns, String keyMatch) {
        String set = columns.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "));
        String cols = String.join(", ", columns);
        return List.of("update " + target + " as t set " + set + " from " + batch + " as s where " + keyMatch,
                "insert into " + target + " (" + cols + ") select " + cols + " from " + batch + " as s where not "
                        + "exists (select 1 from " + target + " as t where " + keyMatch + ")");
    }

    @Override
    public String dropForReplace(Kind kind, String relation) {
        return "drop " + (kind == Kind.VIEW ? "view " : "table ") + relation + " cascade";
    }

    @Override
    public List<String> replaceTable(String relation, String query) {
        return List.of("drop table if exists " + relation, "create table " + relation + " as (\n" + query + "\n)");
    }

    /**
     * {@code CREATE OR REPLACE VIEW} keeps dependent views but only accepts new trailing columns; when the columns
     * changed otherwise, the view is dropped and created in one transaction.
     */
    @Override
    public void buildView(BuildContext ctx, String query, boolean wasTable) {
        String create = "create view " + ctx.target() + " as (\n" + query + "\n)";
        if (!wasTable) {
            try {
                Sql.execute(ctx.connection(), ctx.node(), "create or replace view " + ctx.target() + " as (\n" + query
                        + "\n)", 1);
                return;
            }
            catch (CairnException e) {
                if (kind(ctx, ctx.node().schema(), ctx.node().identifier())
                        .isEmpty()) {
                    throw e;
                }
            }
        }
        Kind existing = wasTable ? Kind.TABLE : Kind.VIEW;
        Sql.inTransaction(ctx.connection(), ctx.node(), () -> {
            Sql.execute(ctx.connection(), ctx.node(), dropForReplace(existing, ctx.target()));
            Sql.execute(ctx.connection(), ctx.node(), create, 1);
        });
    }

    @Override
    public long loadSeed(BuildContext ctx, Path csv, String relation, boolean orReplace) {
        return new CsvSeedLoader(ctx).load(csv, relation);
    }
}
