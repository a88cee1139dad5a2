package io.cairn.core.tenancy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.core.audit.AuditOutcome;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.spi.warehouse.Warehouse;

import static java.util.Objects.requireNonNull;

/**
 * Offboards a tenant: deletes every row it has in the warehouse (every table with a {@code tenant_id} column, raw,
 * dead letters, load ledger, models and {@code ops} included), drops its dedicated schemas, deletes its raw zone,
 * inbox and published copy, drops its SQL access in the warehouse (PostgreSQL roles and logins, see
 * {@link TenantScope#removeAccess}), and removes its control-plane rows (BI grants included); the audit log keeps its history. Whatever the
 * tenant's tenancy, both layouts are cleared, so a tenant half-way through a move leaves nothing either.
 *
 * <pre>{@code
 * Offboarding offboarding = new Offboarding(controlPlane, warehouse, config.root(), config.projectDir());
 * OffboardingReport plan = offboarding.plan(tenant);      // what would go; changes nothing
 * OffboardingReport done = offboarding.offboard(tenant, "admin-key-7");
 * }</pre>
 *
 * The order (warehouse, files, control plane last) makes a crash safe to rerun: the tenant stays visible in the
 * control plane until everything else is gone, and each step deletes only what is still there.
 */
public final class Offboarding {
    private static final Logger LOG = LoggerFactory.getLogger(Offboarding.class);
    static final String AUDIT_ACTION = "tenant.offboard";
    /** Where published per-tenant DuckDB copies live, under the project folder. */
    public static final String PUBLISHED_DIR = ".cairn/published";

    private final ControlPlane controlPlane;
    private final Warehouse warehouse;
    private final WarehouseTables tables;
    private final Path root;
    private final Path projectDir;

    /**
     * @param root the data root ({@code inbox/} and {@code raw/} live under it)
     * @param projectDir the project folder ({@code .cairn/published/<tenant>.duckdb} lives under it)
     */
    public Offboarding(ControlPlane controlPlane, Warehouse warehouse, Path root, Path projectDir) {
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.tables = new WarehouseTables(warehouse);
        this.root = requireNonNull(root, "root is null");
        this.projectDir = requireNonNull(projectDir, "projectDir is null");
    }

    /** What {@link #offboard} would delete; changes nothing. */
    public OffboardingReport plan(TenantId tenant) {
        requireNonNull(tenant, "tenant is null");
        Map<TableRef, Long> rows = new LinkedHashMap<>();
        tables.count(tables.withTenantColumn(), tenant).forEach((table, n) -> {
            if (n > 0) {
                rows.put(table, n);
            }
        });
        return new OffboardingReport(tenant, rows, dedicatedSchemas(tenant),
                files(tenant).stream().map(TenantFiles::measure).toList(),
                controlPlane.tenantRecords().count(tenant), scope().map(scope -> scope.accessObjects(tenant))
                        .orElse(List.of()), false);
    }

    /** Offboards as the platform itself; see {@link #offboard(TenantId, String)}. */
    public OffboardingReport offboard(TenantId tenant) {
        return offboard(tenant, "platform");
    }

    /**
     * Deletes everything of the tenant (see the class comment) and returns what was deleted; the audit log records
     * the action as {@code actor}. Rerunning it on an offboarded tenant deletes nothing and reports zeros.
     */
    public OffboardingReport offboard(TenantId tenant, String actor) {
        OffboardingReport plan = plan(tenant);
        try {
            List<TableRef> outside = plan.warehouseRows().keySet().stream()
                    .filter(table -> !plan.schemas().contains(table.schema())).toList();
            tables.delete(outside, tenant);
            tables.drop(plan.schemas());
            files(tenant).forEach(TenantFiles::delete);
            List<String> access = scope().map(scope -> scope.removeAccess(tenant)).orElse(List.of());
            Map<String, Long> controlPlaneRows = controlPlane.tenantRecords().delete(tenant);
            OffboardingReport done = new OffboardingReport(tenant, plan.warehouseRows(), plan.schemas(),
                    plan.files(), controlPlaneRows, access, true);
            controlPlane.audit().record(actor, AUDIT_ACTION, tenant, tenant.value(), AuditOutcome.OK,
                    "deleted " + done.totalWarehouseRows() + " warehouse rows, " + done.schemas().size()
                            + " schemas, " + done.totalFiles() + " files (" + done.totalBytes() + " bytes), "
                            + access.size() + " warehouse access objects, "
                            + done.totalControlPlaneRows() + " control-plane rows");
            LOG.info("Offboarded tenant {}: {} warehouse rows, {} schemas, {} files, {} control-plane rows", tenant,
                    done.totalWarehouseRows(), done.schemas().size(), done.totalFiles(),
                    done.totalControlPlaneRows());
            return done;
        }
        catch (RuntimeException e) {
            controlPlane.audit().record(actor, AUDIT_ACTION, tenant, tenant.value(), AuditOutcome.FAILED,
                    e.getMessage());
            throw e;
        }
    }

    /** The warehouse's tenant scope, or empty on an engine without one (nothing of a tenant's access to drop). */
    private Optional<TenantScope> scope() {
        return TenantScopes.of(warehouse);
    }

    private List<String> dedicatedSchemas(TenantId tenant) {
        return tables.existingSchemas(new TenantLayout(tenant).schemas());
    }

    private List<Path> files(TenantId tenant) {
        Path published = projectDir.resolve(PUBLISHED_DIR);
        return List.of(root.resolve("raw").resolve(tenant.value()), root.resolve("inbox").resolve(tenant.value()),
                published.resolve(tenant.value() + ".duckdb"), published.resolve(tenant.value() + ".duckdb.wal"));
    }
}
