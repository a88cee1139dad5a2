package io.cairn.core.model.materialize;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cairn.core.model.materialize.Catalog.Kind;
import io.cairn.spi.warehouse.Dialect;

/**
 * DuckDB: {@code CREATE OR REPLACE}, temporary tables in the {@code temp} catalog, {@code MERGE INTO}, seeds through
 * DuckDB's own {@code read_csv} with type detection.
 */
final class DuckDbMaterializationSql implements MaterializationSql {
    @Override
    public List<String> createBatch(BuildContext ctx, String name, String query) {
        Dialect dialect = ctx.dialect();
        return List.of("create or replace temporary table " + dialect.quote(name) + " as (\n" + query + "\n)");
    }

    @Override
    public Map<String, String> columns(BuildContext ctx, String schema, String name) {
        return Catalog.columns(ctx.connection(), ctx.node(), null, schema, name);
    }

    @Override
    public Map<String, String> batchColumns(BuildContext ctx, String name) {
        return Catalog.columns(ctx.connection(), ctx.node(), "temp", "main", name);
    }

    @Override
    public List<String> merge(Dialect dialect, String target, String batch, List<String> columns, String keyMatch) {
        return List.of(mergeInto(target, batch, columns, keyMatch));
    }

    /** One standard {@code MERGE INTO} statement (DuckDB, Spark with Iceberg). */
    static String mergeInto(String target, String batch, List<String> columns, String keyMatch) {
        String set = columns.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        return "merge into " + target + " as t using " + batch + " as s on " + keyMatch
                + " when matched then update set " + set + " when not matched then insert ("
                + String.join(", ", columns) + ") values (" + values + ")";
    }

    @Override
    public String dropForReplace(Kind kind, String relation) {
        return "drop " + (kind == Kind.VIEW ? "view " : "table ") + relation;
    }

    @Override
    public List<String> replaceTable(String relation, String query) {
        return List.of("create or replace table " + relation + " as (\n" + query + "\n)");
    }

    @Override
    public void buildView(BuildContext ctx, String query, boolean wasTable) {
        String create = "create or replace view " + ctx.target() + " as (\n" + query + "\n)";
        if (!wasTable) {
            Sql.execute(ctx.connection(), ctx.node(), create, 1);
            return;
        }
        Sql.inTransaction(ctx.connection(), ctx.node(), () -> {
            Sql.execute(ctx.connection(), ctx.node(), dropForReplace(Kind.TABLE, ctx.target()));
            Sql.execute(ctx.connection(), ctx.node(), create, 1);
        });
    }

    @Override
    public long loadSeed(BuildContext ctx, Path csv, String relation, boolean orReplace) {
        Map<String, Object> types = ctx.node().config().columnTypes();
        String options = "header = true, auto_detect = true";
        if (!types.isEmpty()) {
            options += ", types = {" + types.entrySet().stream()
                    .map(e -> ctx.dialect().literal(e.getKey()) + ": " + ctx.dialect().literal(String.valueOf(
                            e.getValue())))
                    .collect(Collectors.joining(", ")) + "}";
        }
        return Sql.execute(ctx.connection(), ctx.node(), "create table " + relation + " as (\nselect * from read_csv("
                + ctx.dialect().literal(csv.toString()) + ", " + options + ")\n)", 1);
    }
}
