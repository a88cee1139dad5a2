package io.cairn.core.model.materialize;

import java.util.Map;
import java.util.stream.Collectors;

/** Loads a seed CSV with the warehouse's own reader into a table, swapped in atomically; column_types win. */
public final class SeedLoader {
    private SeedLoader() {}

    public static long load(BuildContext ctx) {
        String path = ctx.projectDir().resolve(ctx.node().path()).toString();
        Map<String, Object> types = ctx.node().config().columnTypes();
        String options = "header = true, auto_detect = true";
        if (!types.isEmpty()) {
            options += ", types = {" + types.entrySet().stream()
                    .map(e -> ctx.dialect().literal(e.getKey()) + ": " + ctx.dialect().literal(String.valueOf(
                            e.getValue())))
                    .collect(Collectors.joining(", ")) + "}";
        }
        return TableBuilder.fill(ctx, "select * from read_csv(" + ctx.dialect().literal(path) + ", " + options + ")");
    }
}
