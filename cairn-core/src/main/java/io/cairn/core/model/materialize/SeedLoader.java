package io.cairn.core.model.materialize;

/** Loads a seed CSV into a table, swapped in atomically; column_types win over inferred types. */
public final class SeedLoader {
    private SeedLoader() {}

    public static long load(BuildContext ctx) {
        java.nio.file.Path csv = ctx.projectDir().resolve(ctx.node().path());
        return TableBuilder.fill(ctx, (relation, orReplace) -> ctx.sql().loadSeed(ctx, csv, relation, orReplace));
    }
}
