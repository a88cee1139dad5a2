package io.cairn.core.model.materialize;

import java.sql.Connection;

import io.cairn.core.model.compile.Compiler;
import io.cairn.core.model.graph.Node;
import io.cairn.spi.warehouse.Dialect;

/**
 * What building one node needs.
 *
 * @param node the node
 * @param connection a connection owned by this build
 * @param dialect the warehouse dialect
 * @param compiler compiles the node's SQL
 * @param fullRefresh whether incremental models are rebuilt from scratch
 * @param projectDir the project folder (seeds are read relative to it)
 * @param guard the tenant guard
 */
public record BuildContext(Node node, Connection connection, Dialect dialect, Compiler compiler, boolean fullRefresh,
        java.nio.file.Path projectDir, TenantGuard guard) {
    /** Whether the tenant guard applies to this node. */
    public boolean guarded() {
        return node.type() == io.cairn.core.model.graph.ResourceType.MODEL && guard.guards(node);
    }

    /** The engine-specific SQL of the materializations. */
    public MaterializationSql sql() {
        return MaterializationSql.of(dialect);
    }

    public String target() {
        return dialect.relation(node.schema(), node.identifier());
    }

    public String relation(String identifier) {
        return dialect.relation(node.schema(), identifier);
    }
}
