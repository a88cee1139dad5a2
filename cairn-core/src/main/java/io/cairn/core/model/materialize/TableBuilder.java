package io.cairn.core.model.materialize;

import java.util.Optional;
import java.util.function.ToLongFunction;

import io.cairn.core.model.materialize.Catalog.Kind;

/**
 * Builds a table atomically: the new content goes into {@code <name>__cairn_tmp}, then one transaction drops the
 * old relation and renames the new one, so a failing query leaves the previous table untouched. When no relation
 * exists yet there is nothing to protect, and the table is created under its own name in one statement.
 */
public final class TableBuilder {
    static final String TMP_SUFFIX = "__cairn_tmp";

    private TableBuilder() {}

    /** Runs the model's non-incremental SQL into the table; returns the row count. */
    public static long build(BuildContext ctx) {
        String select = ctx.compiler().compile(ctx.node(), false);
        return fill(ctx, relation -> Sql.execute(ctx.connection(), ctx.node(),
                "create table " + relation + " as (\n" + select + "\n)", 1));
    }

    /**
     * Creates the table with {@code create} (given the quoted relation to create, returns the rows or -1), through a
     * swap when a relation is already there.
     */
    static long fill(BuildContext ctx, ToLongFunction<String> create) {
        Optional<Kind> existing = Catalog.kind(ctx.connection(), ctx.node(), ctx.node().schema(),
                ctx.node().identifier());
        String name = existing.isPresent() ? tmpName(ctx) : ctx.node().identifier();
        if (existing.isPresent()) {
            Sql.execute(ctx.connection(), ctx.node(), "drop table if exists " + ctx.relation(name));
        }
        long rows = create.applyAsLong(ctx.relation(name));
        if (rows < 0) {
            rows = Sql.queryLong(ctx.connection(), ctx.node(), "select count(*) from " + ctx.relation(name), -1);
        }
        if (ctx.guarded()) {
            try {
                ctx.guard().check(ctx, name);
            }
            catch (RuntimeException e) {
                Sql.execute(ctx.connection(), ctx.node(), "drop table if exists " + ctx.relation(name));
                throw e;
            }
        }
        if (existing.isPresent()) {
            swap(ctx, existing.get(), name);
        }
        return rows;
    }

    private static void swap(BuildContext ctx, Kind existing, String tmp) {
        Sql.inTransaction(ctx.connection(), ctx.node(), () -> {
            Sql.execute(ctx.connection(), ctx.node(), ctx.sql().dropForReplace(existing, ctx.target()));
            Sql.execute(ctx.connection(), ctx.node(), "alter table " + ctx.relation(tmp) + " rename to "
                    + ctx.dialect().quote(ctx.node().identifier()));
        });
    }

    private static String tmpName(BuildContext ctx) {
        return ctx.node().identifier() + TMP_SUFFIX;
    }
}
