package io.cairn.core.model.materialize;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cairn.core.model.graph.Node;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Refuses models in guarded layers whose output lacks a non-null tenant column. The layers come from the project
 * var {@code cairn_tenant_guard} (a list of model folder names); a model is guarded when one of its folders is
 * listed, unless its config sets {@code cairn_tenant_guard: false}.
 *
 * @param layers guarded folder names
 * @param column the tenant column, {@code tenant_id} unless var {@code cairn_tenant_column} says otherwise
 */
public record TenantGuard(List<String> layers, String column) {
    public TenantGuard {
        layers = List.copyOf(layers);
    }

    public static TenantGuard fromVars(Map<String, Object> vars) {
        Object layers = vars.get("cairn_tenant_guard");
        List<String> names = layers instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : layers == null || layers instanceof Boolean ? List.of() : List.of(String.valueOf(layers));
        Object column = vars.get("cairn_tenant_column");
        return new TenantGuard(names, column == null ? "tenant_id" : String.valueOf(column));
    }

    public boolean guards(Node node) {
        if (node.isEphemeral() || "false".equals(node.config().string("cairn_tenant_guard").orElse(""))) {
            return false;
        }
        List<String> folders = node.fqn().subList(1, node.fqn().size() - 1);
        return folders.stream().anyMatch(layers::contains);
    }

    /** Checks the built relation of a guarded model. */
    public void check(BuildContext ctx) {
        check(ctx, ctx.node().identifier());
    }

    /** Checks {@code identifier} (the model's relation or its not yet swapped-in temporary table). */
    public void check(BuildContext ctx, String identifier) {
        Node node = ctx.node();
        boolean hasColumn = ctx.sql().columns(ctx, node.schema(), identifier).keySet()
                .stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT)));
        if (!hasColumn) {
            throw refuse(node, "its output has no " + column + " column");
        }
        long nulls = Sql.queryLong(ctx.connection(), node, "select count(*) from " + ctx.relation(identifier) + " where "
                + ctx.dialect().quote(column) + " is null", -1);
        if (nulls > 0) {
            throw refuse(node, nulls + " rows have a null " + column);
        }
    }

    private CairnException refuse(Node node, String reason) {
        return new CairnException(ErrorCode.BAD_INPUT, "Cannot build model %s: %s: tenant guard (layers %s) requires "
                + "a non-null %s, but %s", node.name(), node.path(), layers, column, reason);
    }
}
