package io.cairn.core.tenancy;

import java.util.List;
import java.util.Map;

import io.cairn.spi.TenantId;

/**
 * What offboarding a tenant deletes ({@link Offboarding#plan}) or deleted ({@link Offboarding#offboard}).
 *
 * @param warehouseRows the tenant's rows per warehouse table with a {@code tenant_id} column (tables with none
 *         omitted), dedicated schemas included
 * @param schemas the tenant's dedicated schemas, dropped whole
 * @param files the raw zone, the inbox and the published copy of the tenant, with their files and bytes
 * @param controlPlaneRows the tenant's control-plane rows per table (the audit log is kept and not listed)
 * @param warehouseAccess the tenant's SQL access objects in the warehouse (PostgreSQL: {@code role cairn_reader_<t>},
 *         {@code role cairn_serve_<t>}, {@code role cairn_pii_<t>}, masking schemas), dropped
 * @param done false for a plan, true once deleted
 */
public record OffboardingReport(TenantId tenant, Map<TableRef, Long> warehouseRows, List<String> schemas,
        List<TenantFiles> files, Map<String, Long> controlPlaneRows, List<String> warehouseAccess, boolean done) {
    public OffboardingReport {
        warehouseRows = Ordered.copy(warehouseRows);
        schemas = List.copyOf(schemas);
        files = List.copyOf(files);
        controlPlaneRows = Ordered.copy(controlPlaneRows);
        warehouseAccess = List.copyOf(warehouseAccess);
    }

    public long totalWarehouseRows() {
        return warehouseRows.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalFiles() {
        return files.stream().mapToLong(TenantFiles::files).sum();
    }

    public long totalBytes() {
        return files.stream().mapToLong(TenantFiles::bytes).sum();
    }

    public long totalControlPlaneRows() {
        return controlPlaneRows.values().stream().mapToLong(Long::longValue).sum();
    }
}
