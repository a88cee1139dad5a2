package io.cairn.core.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.core.access.PiiColumns;
import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.project.Project;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.core.tenancy.TenantScopes;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.spi.warehouse.Warehouse;

/**
 * The end of every command that builds relations: hands the layout just built to the warehouse's tenant scope
 * ({@link TenantScope#secureBuild}), so that whatever started the build (CLI, pipeline step, API or scheduled run,
 * tenant move) leaves no relation without its engine's isolation. The layout is the one the project's var
 * {@value TenantLayout#SCHEMA_PREFIX_VAR} names ({@code ""}, the shared schemas, when unset).
 */
final class BuildSecuring {
    private static final Logger LOG = LoggerFactory.getLogger(BuildSecuring.class);
    private static final Set<Command> BUILDING = Set.of(Command.BUILD, Command.RUN, Command.SEED);

    private final Warehouse warehouse;
    private final Project project;
    private final Dag dag;
    private final String schemaPrefix;

    BuildSecuring(Warehouse warehouse, Project project, Dag dag, Map<String, Object> vars) {
        this.warehouse = warehouse;
        this.project = project;
        this.dag = dag;
        Object prefix = vars.get(TenantLayout.SCHEMA_PREFIX_VAR);
        this.schemaPrefix = prefix == null ? "" : String.valueOf(prefix);
    }

    /** Secures what {@code command} built; does nothing for commands that build nothing or engines without scope. */
    void afterCommand(Command command) {
        if (!BUILDING.contains(command)) {
            return;
        }
        Optional<TenantScope> scope = TenantScopes.of(warehouse);
        if (scope.isEmpty()) {
            LOG.debug("Warehouse {} has no tenant scope; nothing to secure after the build", warehouse.type());
            return;
        }
        scope.get().secureBuild(schemaPrefix, PiiColumns.read(project).byRelation(dag));
    }
}
