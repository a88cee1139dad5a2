package io.cairn.server.tenants;

import io.cairn.core.tenancy.Offboarding;
import io.cairn.core.tenancy.OffboardingReport;
import io.cairn.core.tenancy.TableRef;
import io.cairn.core.tenancy.TenantFiles;
import io.cairn.spi.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Offboards through the tenancy {@link Offboarding} service: every warehouse row of the tenant (shared tables and its
 * dedicated schemas), its raw-zone, inbox and published files, and its control-plane rows; the audit log stays.
 * Reports one line per table, schema, folder and control-plane table.
 */
public final class DataOffboarder implements TenantOffboarder {
    private final Offboarding offboarding;

    public DataOffboarder(Offboarding offboarding) {
        this.offboarding = requireNonNull(offboarding, "offboarding is null");
    }

    @Override
    public List<String> preview(TenantId tenant) {
        return lines(offboarding.plan(tenant));
    }

    @Override
    public List<String> offboard(TenantId tenant) {
        return lines(offboarding.offboard(tenant));
    }

    static List<String> lines(OffboardingReport report) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<TableRef, Long> table : report.warehouseRows().entrySet()) {
            lines.add(String.format("warehouse: %d rows of %s.%s", table.getValue(), table.getKey().schema(),
                    table.getKey().name()));
        }
        for (String schema : report.schemas()) {
            lines.add("warehouse: schema " + schema + " (dropped whole)");
        }
        for (String access : report.warehouseAccess()) {
            lines.add("warehouse: " + access + " (dropped)");
        }
        for (TenantFiles files : report.files()) {
            // the folder's last two names (raw/acme, inbox/acme, published/acme.duckdb): no server paths leave
            lines.add(String.format("files: %d files, %d bytes under %s/%s", files.files(), files.bytes(),
                    files.path().getParent().getFileName(), files.path().getFileName()));
        }
        for (Map.Entry<String, Long> table : report.controlPlaneRows().entrySet()) {
            lines.add(String.format("control plane: %d rows of %s", table.getValue(), table.getKey()));
        }
        return lines;
    }
}
