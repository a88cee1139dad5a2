package io.cairn.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import io.cairn.core.access.PiiColumns;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresTenantScope;
import io.cairn.warehouse.postgres.PostgresWarehouse;
import io.cairn.warehouse.postgres.tenancy.IsolationLayout;
import io.cairn.warehouse.postgres.tenancy.IsolationReport;
import io.cairn.warehouse.postgres.tenancy.LayoutSecurity;
import io.cairn.warehouse.postgres.tenancy.MaskedColumns;
import io.cairn.warehouse.postgres.tenancy.RowLevelSecurity;
import io.cairn.warehouse.postgres.tenancy.TenantRoles;

/**
 * Keeps PostgreSQL tenant isolation current, for the shared schemas (shared tenants' readers) and for each dedicated
 * tenant's schemas (that tenant's reader only), around the commands that create relations outside the model engine:
 * after landing (new raw tables) and before granting a reader login. Model builds secure what they built themselves
 * (the engine calls {@code TenantScope.secureBuild}); before a build, the masking views of the layout it builds are
 * dropped here, since they would stop it from replacing the tables they read. Does nothing on other engines.
 */
final class TenantIsolationHook {
    private TenantIsolationHook() {}

    /** After landing: secures new raw tables; PII masking stays as the last build left it. */
    static Optional<IsolationReport> afterLanding(ProjectContext context) {
        return postgres(context).map(warehouse -> withConnection(warehouse, connection -> applyAll(context,
                (security, tenants) -> security.apply(connection, tenants))));
    }

    /**
     * Before a build of one layout: drops that layout's masking views (the build's {@code secureBuild} creates them
     * again; other layouts keep theirs); returns how many (0 on other engines).
     */
    static int beforeBuild(ProjectContext context, TenantLayout built) {
        IsolationLayout layout = new LayoutSecurity(PostgresTenantScope.LAYOUT).layout(built.prefix());
        return postgres(context).map(warehouse -> withConnection(warehouse, connection ->
                new RowLevelSecurity(layout).dropMaskingViews(connection))).orElse(0);
    }

    /** As after a build, for every layout: secures every relation with tenant_id, masks the project's PII columns. */
    static Optional<IsolationReport> afterBuild(ProjectContext context, ModelEngine engine) {
        MaskedColumns masked = new MaskedColumns(PiiColumns.read(engine.project()).byRelation(engine.dag()));
        return postgres(context).map(warehouse -> withConnection(warehouse, connection -> applyAll(context,
                (security, tenants) -> security.apply(connection, tenants, masked))));
    }

    /**
     * The isolation layout of a tenant: the shared schemas, or its own {@code <tenant>_*} schemas granted to its
     * reader alone.
     */
    static IsolationLayout layout(TenantId tenant, Tenancy tenancy) {
        TenantLayout layout = TenantLayout.of(tenant, tenancy);
        if (!layout.dedicated()) {
            return IsolationLayout.DEFAULT;
        }
        return IsolationLayout.DEFAULT.prefixed(layout.prefix(), TenantRoles.reader(tenant));
    }

    /** The isolation layout of a tenant of the project's control plane (the shared one for an unknown tenant). */
    static IsolationLayout layout(ProjectContext context, TenantId tenant) {
        return layout(tenant, context.controlPlane().tenants().find(tenant).map(Tenant::tenancy)
                .orElse(Tenancy.SHARED));
    }

    /** Each layout of the deployment with the tenants whose roles it grants; the shared one first. */
    private static Map<IsolationLayout, List<TenantId>> layouts(ProjectContext context) {
        Map<IsolationLayout, List<TenantId>> layouts = new LinkedHashMap<>();
        layouts.put(IsolationLayout.DEFAULT, new ArrayList<>());
        for (Tenant tenant : context.controlPlane().tenants().list()) {
            layouts.computeIfAbsent(layout(tenant.id(), tenant.tenancy()), l -> new ArrayList<>()).add(tenant.id());
        }
        return layouts;
    }

    private static IsolationReport applyAll(ProjectContext context,
            BiFunction<RowLevelSecurity, List<TenantId>, IsolationReport> apply) {
        IsolationReport total = null;
        for (Map.Entry<IsolationLayout, List<TenantId>> layout : layouts(context).entrySet()) {
            IsolationReport report = apply.apply(new RowLevelSecurity(layout.getKey()), layout.getValue());
            total = total == null ? report : total.plus(report);
        }
        return total;
    }

    private static Optional<PostgresWarehouse> postgres(ProjectContext context) {
        return context.warehouse() instanceof PostgresWarehouse postgres ? Optional.of(postgres) : Optional.empty();
    }

    private interface Work<T> {
        T run(Connection connection);
    }

    private static <T> T withConnection(PostgresWarehouse warehouse, Work<T> work) {
        try (Connection connection = warehouse.connect()) {
            return work.run(connection);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot apply tenant isolation on %s: %s",
                    warehouse.settings().url(), e.getMessage());
        }
    }
}
