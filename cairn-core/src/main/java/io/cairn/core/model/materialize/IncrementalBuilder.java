package io.cairn.core.model.materialize;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.cairn.core.model.materialize.Catalog.Kind;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Incremental models: the first run (or {@code --full-refresh}) builds the table; later runs render with
 * {@code is_incremental()} true into a temporary batch and apply it with {@code append}, {@code merge} or
 * {@code delete+insert} on the {@code unique_key}, after {@code on_schema_change}.
 */
public final class IncrementalBuilder {
    static final String BATCH_SUFFIX = "__cairn_batch";

    private IncrementalBuilder() {}

    public static long build(BuildContext ctx) {
        Optional<Kind> existing = ctx.sql().kind(ctx, ctx.node().schema(), ctx.node().identifier());
        if (ctx.fullRefresh() || existing.isEmpty() || existing.get() == Kind.VIEW) {
            return TableBuilder.build(ctx);
        }
        String strategy = strategy(ctx);
        String sql = ctx.compiler().compile(ctx.node(), true);
        String batchName = ctx.sql().scratchName(ctx.node().identifier() + BATCH_SUFFIX);
        String batch = ctx.sql().batchRelation(ctx, batchName);
        Sql.executeAll(ctx.connection(), ctx.node(), ctx.sql().createBatch(ctx, batchName, sql));
        try {
            Map<String, String> tableColumns = ctx.sql().columns(ctx, ctx.node().schema(), ctx.node().identifier());
            Map<String, String> batchColumns = ctx.sql().batchColumns(ctx, batchName);
            List<String> columns = SchemaSync.apply(ctx, tableColumns, batchColumns);
            long[] rows = {0};
            Sql.inTransaction(ctx.connection(), ctx.node(), () -> rows[0] = apply(ctx, strategy, batch, columns));
            return rows[0];
        }
        finally {
            Sql.execute(ctx.connection(), ctx.node(), ctx.sql().dropTable(batch));
        }
    }

    private static String strategy(BuildContext ctx) {
        List<String> key = ctx.node().config().uniqueKey();
        String strategy = ctx.node().config().incrementalStrategy().orElse(key.isEmpty() ? "append" : "merge");
        if (!List.of("append", "merge", "delete+insert").contains(strategy)) {
            throw new CairnException(ErrorCode.UNSUPPORTED, "Cannot build model %s: %s: incremental_strategy '%s' is "
                    + "not supported (append, merge, delete+insert)", ctx.node().name(), ctx.node().path(), strategy);
        }
        if (!strategy.equals("append") && key.isEmpty()) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot build model %s: %s: incremental_strategy '%s' needs "
                    + "a unique_key", ctx.node().name(), ctx.node().path(), strategy);
        }
        return strategy;
    }

    private static long apply(BuildContext ctx, String strategy, String batch, List<String> columns) {
        String cols = columns.stream().map(ctx.dialect()::quote).collect(Collectors.joining(", "));
        String insert = "insert into " + ctx.target() + " (" + cols + ") select " + cols + " from " + batch;
        List<String> key = ctx.node().config().uniqueKey();
        return switch (strategy) {
            case "append" -> Sql.execute(ctx.connection(), ctx.node(), insert);
            case "delete+insert" -> {
                Sql.execute(ctx.connection(), ctx.node(), "delete from " + ctx.target() + " as t where exists (select 1 "
                        + "from " + batch + " s where " + keyMatch(ctx, key, "t", "s") + ")");
                yield Sql.execute(ctx.connection(), ctx.node(), insert);
            }
            default -> {
                long rows = 0;
                for (String statement : ctx.sql().merge(ctx.dialect(), ctx.target(), batch,
                        columns.stream().map(ctx.dialect()::quote).toList(), keyMatch(ctx, key, "t", "s"))) {
                    rows += Math.max(0, Sql.execute(ctx.connection(), ctx.node(), statement));
                }
                yield rows;
            }
        };
    }

    private static String keyMatch(BuildContext ctx, List<String> key, String left, String right) {
        return key.stream().map(k -> expression(ctx, k))
                .map(k -> left + "." + k + " = " + right + "." + k).collect(Collectors.joining(" and "));
    }

    private static String expression(BuildContext ctx, String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? ctx.dialect().quote(key) : key;
    }
}
