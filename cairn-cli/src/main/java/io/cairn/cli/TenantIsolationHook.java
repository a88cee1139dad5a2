package io.cairn.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.cairn.core.access.PiiColumns;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.model.ModelEngine;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresWarehouse;
import io.cairn.warehouse.postgres.tenancy.IsolationLayout;
import io.cairn.warehouse.postgres.tenancy.IsolationReport;
import io.cairn.warehouse.postgres.tenancy.MaskedColumns;
import io.cairn.warehouse.postgres.tenancy.RowLevelSecurity;

/**
 * Keeps PostgreSQL tenant isolation current around the commands that create relations: after landing (new raw
 * tables) and around model builds (every relation with {@code tenant_id}, including ones users add, gets row-level
 * security; PII masking follows the project's {@code pii} tags). Masking views are dropped before a build, since
 * they would stop it from replacing the tables they read, and created again after it. Does nothing on other engines.
 */
final class TenantIsolationHook {
    private static final RowLevelSecurity SECURITY = new RowLevelSecurity(IsolationLayout.DEFAULT);

    private TenantIsolationHook() {}

    /** After landing: secures new raw tables; PII masking stays as the last build left it. */
    static Optional<IsolationReport> afterLanding(ProjectContext context) {
        return postgres(context).map(warehouse -> withConnection(warehouse,
                connection -> SECURITY.apply(connection, tenants(context))));
    }

    /** Before a build: drops the masking views; returns how many (0 on other engines). */
    static int beforeBuild(ProjectContext context) {
        return postgres(context).map(warehouse -> withConnection(warehouse, SECURITY::dropMaskingViews)).orElse(0);
    }

    /** After a build: secures every relation with tenant_id and masks the project's PII columns. */
    static Optional<IsolationReport> afterBuild(ProjectContext context, ModelEngine engine) {
        MaskedColumns masked = new MaskedColumns(PiiColumns.read(engine.project()).byRelation(engine.dag()));
        return postgres(context).map(warehouse -> withConnection(warehouse,
                connection -> SECURITY.apply(connection, tenants(context), masked)));
    }

    /** One line for the console. */
    static String summary(IsolationReport report) {
        return String.format("Tenant isolation: %d tables newly secured, %d policies, %d reader grants, %d masking "
                        + "views created; %d relations withheld from readers", report.tablesSecured().size(),
                report.policiesCreated().size(), report.readerGrants().size(), report.maskingViews().size(),
                report.withheld().size());
    }

    private static Optional<PostgresWarehouse> postgres(ProjectContext context) {
        return context.warehouse() instanceof PostgresWarehouse postgres ? Optional.of(postgres) : Optional.empty();
    }

    private static List<TenantId> tenants(ProjectContext context) {
        return context.controlPlane().tenants().list().stream().map(Tenant::id).toList();
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
