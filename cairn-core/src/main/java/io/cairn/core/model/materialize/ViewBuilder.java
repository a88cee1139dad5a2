package io.cairn.core.model.materialize;

import io.cairn.core.model.materialize.Catalog.Kind;

/** Builds a view, replacing a table of the same name if the model used to be one. */
public final class ViewBuilder {
    private ViewBuilder() {}

    public static long build(BuildContext ctx) {
        String sql = ctx.compiler().compile(ctx.node(), false);
        boolean wasTable = ctx.sql().kind(ctx, ctx.node().schema(), ctx.node().identifier())
                .filter(kind -> kind == Kind.TABLE).isPresent();
        ctx.sql().buildView(ctx, sql, wasTable);
        return -1;
    }
}
