package io.cairn.core.model.materialize;

import io.cairn.core.model.materialize.Catalog.Kind;

/** Builds a view, replacing a table of the same name if the model used to be one. */
public final class ViewBuilder {
    private ViewBuilder() {}

    public static long build(BuildContext ctx) {
        String sql = ctx.compiler().compile(ctx.node(), false);
        boolean wasTable = Catalog.kind(ctx.connection(), ctx.node(), ctx.node().schema(), ctx.node().identifier())
                .filter(kind -> kind == Kind.TABLE).isPresent();
        String create = "create or replace view " + ctx.target() + " as (\n" + sql + "\n)";
        if (!wasTable) {
            Sql.execute(ctx.connection(), ctx.node(), create, 1);
            return -1;
        }
        Sql.inTransaction(ctx.connection(), ctx.node(), () -> {
            Sql.execute(ctx.connection(), ctx.node(), "drop table " + ctx.target());
            Sql.execute(ctx.connection(), ctx.node(), create, 1);
        });
        return -1;
    }
}
