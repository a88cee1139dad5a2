package io.cairn.core.model.materialize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * dbt's {@code on_schema_change} for incremental models: compares the new batch's columns with the table's and
 * alters the table as the policy says; returns the columns the batch is written into.
 */
final class SchemaSync {
    private SchemaSync() {}

    static List<String> apply(BuildContext ctx, Map<String, String> table, Map<String, String> batch) {
        Map<String, String> added = missingFrom(batch, table);
        Map<String, String> removed = missingFrom(table, batch);
        String policy = ctx.node().config().onSchemaChange();
        switch (policy) {
            case "ignore" -> {
                return common(table, batch);
            }
            case "fail" -> {
                if (!added.isEmpty() || !removed.isEmpty()) {
                    throw new CairnException(ErrorCode.WAREHOUSE, "Cannot build model %s: %s: on_schema_change is "
                            + "fail and the columns changed (added %s, removed %s)", ctx.node().name(),
                            ctx.node().path(), added.keySet(), removed.keySet());
                }
                return common(table, batch);
            }
            case "append_new_columns" -> {
                added.forEach((name, type) -> alter(ctx, "add column " + ctx.dialect().quote(name) + " " + type));
                return new ArrayList<>(batch.keySet());
            }
            case "sync_all_columns" -> {
                added.forEach((name, type) -> alter(ctx, "add column " + ctx.dialect().quote(name) + " " + type));
                removed.keySet().forEach(name -> alter(ctx, "drop column " + ctx.dialect().quote(name)));
                retype(ctx, table, batch);
                return new ArrayList<>(batch.keySet());
            }
            default -> throw new CairnException(ErrorCode.CONFIG, "Cannot build model %s: %s: on_schema_change must "
                    + "be ignore, append_new_columns, sync_all_columns or fail, found '%s'", ctx.node().name(),
                    ctx.node().path(), policy);
        }
    }

    private static void retype(BuildContext ctx, Map<String, String> table, Map<String, String> batch) {
        Map<String, String> tableTypes = lower(table);
        batch.forEach((name, type) -> {
            String old = tableTypes.get(name.toLowerCase(Locale.ROOT));
            if (old != null && !old.equalsIgnoreCase(type)) {
                alter(ctx, "alter column " + ctx.dialect().quote(name) + " type " + type);
            }
        });
    }

    private static void alter(BuildContext ctx, String change) {
        Sql.execute(ctx.connection(), ctx.node(), "alter table " + ctx.target() + " " + change);
    }

    private static List<String> common(Map<String, String> table, Map<String, String> batch) {
        Map<String, String> batchLower = lower(batch);
        List<String> out = new ArrayList<>();
        table.keySet().forEach(name -> {
            if (batchLower.containsKey(name.toLowerCase(Locale.ROOT))) {
                out.add(name);
            }
        });
        return out;
    }

    private static Map<String, String> missingFrom(Map<String, String> source, Map<String, String> other) {
        Map<String, String> otherLower = lower(other);
        Map<String, String> out = new LinkedHashMap<>();
        source.forEach((name, type) -> {
            if (!otherLower.containsKey(name.toLowerCase(Locale.ROOT))) {
                out.put(name, type);
            }
        });
        return out;
    }

    private static Map<String, String> lower(Map<String, String> columns) {
        Map<String, String> out = new LinkedHashMap<>();
        columns.forEach((name, type) -> out.put(name.toLowerCase(Locale.ROOT), type));
        return out;
    }
}
