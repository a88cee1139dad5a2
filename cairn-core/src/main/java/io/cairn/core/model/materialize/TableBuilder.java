package io.cairn.core.model.materialize;

import java.util.Optional;

import io.cairn.core.model.materialize.Catalog.Kind;

/**
 * Builds a table atomically: the new content goes into {@code <name>__cairn_tmp}, then one transaction drops the
 * old relation and renames the new one, so a failing query leaves the previous table untouched.
 */
public final class TableBuilder {
    static final String TMP_SUFFIX = "__cairn_tmp";

    private TableBuilder() {}

    /** Runs the model's non-incremental SQL into the table; returns the row count. */
    public static long build(BuildContext ctx) {
        String sql = ctx.compiler().compile(ctx.node(), false);
        return fill(ctx, "create table " + ctx.relation(tmpName(ctx)) + " as (\n" + sql + "\n)");
    }

    /** Runs {@code createTmp} (which must create the tmp table) and swaps it in. */
    static long fill(BuildContext ctx, String createTmp) {
        String tmp = tmpName(ctx);
        Sql.execute(ctx.connection(), ctx.node(), "drop table if exists " + ctx.relation(tmp));
        Sql.execute(ctx.connection(), ctx.node(), createTmp, 1);
        long rows = Sql.queryLong(ctx.connection(), ctx.node(), "select count(*) from " + ctx.relation(tmp), -1);
        if (ctx.guarded()) {
            try {
                ctx.guard().check(ctx, tmp);
            }
            catch (RuntimeException e) {
                Sql.execute(ctx.connection(), ctx.node(), "drop table if exists " + ctx.relation(tmp));
                throw e;
            }
        }
        swap(ctx, tmp);
        return rows;
    }

    private static void swap(BuildContext ctx, String tmp) {
        Optional<Kind> existing = Catalog.kind(ctx.connection(), ctx.node(), ctx.node().schema(),
                ctx.node().identifier());
        Sql.inTransaction(ctx.connection(), ctx.node(), () -> {
            existing.ifPresent(kind -> Sql.execute(ctx.connection(), ctx.node(),
                    "drop " + (kind == Kind.VIEW ? "view " : "table ") + ctx.target()));
            Sql.execute(ctx.connection(), ctx.node(), "alter table " + ctx.relation(tmp) + " rename to "
                    + ctx.dialect().quote(ctx.node().identifier()));
        });
    }

    private static String tmpName(BuildContext ctx) {
        return ctx.node().identifier() + TMP_SUFFIX;
    }
}
