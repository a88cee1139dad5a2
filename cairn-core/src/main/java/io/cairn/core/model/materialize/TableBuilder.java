package io.cairn.core.model.materialize;

import java.util.Optional;

import io.cairn.core.model.materialize.Catalog.Kind;

/**
 * Builds a table atomically, so a failing query leaves the previous table untouched. Engines whose
 * {@code create or replace table} is atomic (Spark with Iceberg) replace the table in one statement; a guarded model
 * is first written to a scratch table, checked, and then swapped in with that statement. The other engines write
 * the new content into {@code <name>__cairn_tmp}, then one transaction drops the old relation and renames the new
 * one. When no relation exists yet there is nothing to protect, and the table is created under its own name.
 */
public final class TableBuilder {
    static final String TMP_SUFFIX = "__cairn_tmp";

    /** Creates a table from its content. */
    @FunctionalInterface
    interface Creator {
        /** Creates (or, if {@code orReplace}, atomically replaces) the quoted {@code relation}; rows or -1. */
        long create(String relation, boolean orReplace);
    }

    private TableBuilder() {}

    /** Runs the model's non-incremental SQL into the table; returns the row count. */
    public static long build(BuildContext ctx) {
        String select = ctx.compiler().compile(ctx.node(), false);
        return fill(ctx, (relation, orReplace) -> Sql.execute(ctx.connection(), ctx.node(),
                (orReplace ? "create or replace table " : "create table ") + relation + " as (\n" + select + "\n)", 1));
    }

    /** Creates the table with {@code create}, through a swap when a relation is already there. */
    static long fill(BuildContext ctx, Creator create) {
        Optional<Kind> existing = ctx.sql().kind(ctx, ctx.node().schema(), ctx.node().identifier());
        boolean atomic = existing.isPresent() && ctx.sql().replacesTablesAtomically();
        if (atomic && existing.get() == Kind.TABLE && !ctx.guarded()) {
            return rows(ctx, create.create(ctx.target(), true), ctx.target());
        }
        String name = existing.isPresent() ? ctx.sql().scratchName(ctx.node().identifier() + TMP_SUFFIX)
                : ctx.node().identifier();
        if (existing.isPresent()) {
            Sql.execute(ctx.connection(), ctx.node(), ctx.sql().dropTable(ctx.relation(name)));
        }
        long rows = rows(ctx, create.create(ctx.relation(name), false), ctx.relation(name));
        if (ctx.guarded()) {
            try {
                ctx.guard().check(ctx, name);
            }
            catch (RuntimeException e) {
                Sql.execute(ctx.connection(), ctx.node(), ctx.sql().dropTable(ctx.relation(name)));
                throw e;
            }
        }
        if (atomic) {
            try {
                if (existing.get() == Kind.VIEW) {
                    Sql.execute(ctx.connection(), ctx.node(), ctx.sql().dropForReplace(Kind.VIEW, ctx.target()));
                }
                Sql.execute(ctx.connection(), ctx.node(), "create or replace table " + ctx.target() + " as select * "
                        + "from " + ctx.relation(name));
            }
            finally {
                Sql.execute(ctx.connection(), ctx.node(), ctx.sql().dropTable(ctx.relation(name)));
            }
        }
        else if (existing.isPresent()) {
            swap(ctx, existing.get(), name);
        }
        return rows;
    }

    private static long rows(BuildContext ctx, long reported, String relation) {
        return reported >= 0 ? reported
                : Sql.queryLong(ctx.connection(), ctx.node(), "select count(*) from " + relation, -1);
    }

    private static void swap(BuildContext ctx, Kind existing, String tmp) {
        Sql.inTransaction(ctx.connection(), ctx.node(), () -> {
            Sql.execute(ctx.connection(), ctx.node(), ctx.sql().dropForReplace(existing, ctx.target()));
            Sql.execute(ctx.connection(), ctx.node(), "alter table " + ctx.relation(tmp) + " rename to "
                    + ctx.dialect().quote(ctx.node().identifier()));
        });
    }
}
