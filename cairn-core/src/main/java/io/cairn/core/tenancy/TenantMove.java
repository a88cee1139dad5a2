package io.cairn.core.tenancy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.core.audit.AuditOutcome;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Warehouse;

import static java.util.Objects.requireNonNull;

/**
 * Moves a tenant between the shared and the dedicated layout (DESIGN.md section 6) in a crash-safe order: clear any
 * copy an interrupted attempt left in the new layout, build the old layout (so its marts reflect every landed row),
 * copy the raw rows (every record version, dead letters, load ledger), build the models in the new layout, compare
 * every mart of the tenant row by row, flip the tenancy in the control
 * plane, and only then delete the old copy. Until the flip the old copy is authoritative; a rerun after a crash
 * before the flip starts over, after the flip it finishes the deletion. Landing for the tenant must not run during
 * a move: loads landed into the old layout after the copy would not follow the tenant.
 */
public final class TenantMove {
    private static final Logger LOG = LoggerFactory.getLogger(TenantMove.class);
    static final String AUDIT_ACTION = "tenant.move";

    private final ControlPlane controlPlane;
    private final Warehouse warehouse;
    private final LayoutBuilder builder;
    private final WarehouseTables tables;

    public TenantMove(ControlPlane controlPlane, Warehouse warehouse, LayoutBuilder builder) {
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.builder = requireNonNull(builder, "builder is null");
        this.tables = new WarehouseTables(warehouse);
    }

    /** Moves {@code tenant} to {@code target}, recording the outcome in the audit log as {@code actor}. */
    public MoveReport move(TenantId tenant, Tenancy target, String actor) {
        requireNonNull(target, "target is null");
        Tenant current = controlPlane.tenants().find(requireNonNull(tenant, "tenant is null"))
                .orElseThrow(() -> new CairnException(ErrorCode.NOT_FOUND, "Cannot move tenant %s: no such tenant",
                        tenant));
        try {
            MoveReport report = current.tenancy() == target ? finish(current) : moveData(current, target);
            controlPlane.audit().record(actor, AUDIT_ACTION, tenant, target.id(), AuditOutcome.OK,
                    "from " + report.from().id() + ": copied " + report.copiedRows() + " raw rows, verified "
                            + report.verifiedMarts().size() + " marts, removed " + report.removed().totalRows()
                            + " rows and " + report.removed().schemas().size() + " schemas of the old copy");
            return report;
        }
        catch (RuntimeException e) {
            controlPlane.audit().record(actor, AUDIT_ACTION, tenant, target.id(), AuditOutcome.FAILED,
                    e.getMessage());
            throw e;
        }
    }

    private MoveReport moveData(Tenant current, Tenancy target) {
        TenantId tenant = current.id();
        TenantLayout from = TenantLayout.of(tenant, current.tenancy());
        TenantLayout to = TenantLayout.of(tenant, target);
        LayoutRemoval stale = removeCopy(to, tenant);
        if (!stale.isEmpty()) {
            LOG.info("Removed the copy an interrupted move of tenant {} left in the {} layout: {} rows", tenant, to,
                    stale.totalRows());
        }
        // The old layout is brought up to date first, so both sides of the comparison see the same raw rows.
        builder.build(from, directory(current, current.tenancy()), false);
        Map<TableRef, Long> copied = copyRaw(from, to, tenant);
        builder.build(to, directory(current, target), true);
        Map<TableRef, Long> verified = verifyMarts(from, to, tenant);
        controlPlane.tenants().upsert(new Tenant(tenant, current.name(), target, current.timezone(),
                current.currency(), current.createdAt()));
        LOG.info("Tenant {} is now {}; removing its copy in the {} layout", tenant, target.id(), from);
        LayoutRemoval removed = removeCopy(from, tenant);
        relocateAccess(tenant, to);
        return new MoveReport(tenant, current.tenancy(), target, copied, verified, removed, false);
    }

    /** The tenant already has the target tenancy: remove what a move interrupted after its flip left behind. */
    private MoveReport finish(Tenant current) {
        Tenancy other = current.tenancy() == Tenancy.SHARED ? Tenancy.DEDICATED : Tenancy.SHARED;
        LayoutRemoval removed = removeCopy(TenantLayout.of(current.id(), other), current.id());
        relocateAccess(current.id(), TenantLayout.of(current.id(), current.tenancy()));
        return new MoveReport(current.id(), other, current.tenancy(), Map.of(), Map.of(), removed, true);
    }

    /**
     * Once the old copy is gone, the tenant's reader reads the new layout and nothing else (the build of the new
     * layout already secured its relations; see {@link io.cairn.spi.warehouse.TenantScope#relocate}).
     */
    private void relocateAccess(TenantId tenant, TenantLayout to) {
        TenantScopes.of(warehouse).ifPresent(scope -> scope.relocate(tenant, to.prefix()));
    }

    /** The tenant directory of the new layout's build: the tenant alone, or every shared tenant and the tenant. */
    private List<Tenant> directory(Tenant current, Tenancy target) {
        Tenant moved = new Tenant(current.id(), current.name(), target, current.timezone(), current.currency(),
                current.createdAt());
        if (target == Tenancy.DEDICATED) {
            return List.of(moved);
        }
        List<Tenant> directory = new ArrayList<>(controlPlane.tenants().list().stream()
                .filter(t -> t.tenancy() == Tenancy.SHARED && !t.id().equals(current.id())).toList());
        directory.add(moved);
        return directory;
    }

    private Map<TableRef, Long> copyRaw(TenantLayout from, TenantLayout to, TenantId tenant) {
        Map<TableRef, Long> copied = new LinkedHashMap<>();
        warehouse.rawLoader().createTables(to.rawSchema(), null);
        for (TableRef table : tables.inSchema(from.rawSchema())) {
            if (!table.name().startsWith("_")) {
                warehouse.rawLoader().createTables(to.rawSchema(), table.name());
            }
            copied.put(table, tables.copy(table, new TableRef(to.rawSchema(), table.name()), tenant));
        }
        LOG.info("Copied {} raw rows of tenant {} from the {} layout to the {} layout", copied.values().stream()
                .mapToLong(Long::longValue).sum(), tenant, from, to);
        return copied;
    }

    /** Every mart of the tenant, equal row by row (as multisets) in both layouts; throws at the first difference. */
    private Map<TableRef, Long> verifyMarts(TenantLayout from, TenantLayout to, TenantId tenant) {
        Map<String, TableRef> old = byName(tables.inSchema(from.martsSchema()));
        Map<String, TableRef> built = byName(tables.inSchema(to.martsSchema()));
        if (!old.keySet().equals(built.keySet())) {
            throw notEqual(tenant, to, "the marts differ: " + old.keySet() + " in the old layout, " + built.keySet()
                    + " in the new one");
        }
        Map<TableRef, Long> verified = new LinkedHashMap<>();
        for (Map.Entry<String, TableRef> mart : old.entrySet()) {
            TableRef a = mart.getValue();
            TableRef b = built.get(mart.getKey());
            List<String> columns = tables.comparableColumns(a);
            if (!columns.equals(tables.comparableColumns(b))) {
                throw notEqual(tenant, to, "mart " + mart.getKey() + " has other columns in the new layout");
            }
            long differing = tables.longValue("SELECT " + onlyIn(a, b, columns) + " + " + onlyIn(b, a, columns),
                    tenant);
            if (differing > 0) {
                throw notEqual(tenant, to, "mart " + mart.getKey() + " has " + differing
                        + " rows that are not in both layouts");
            }
            verified.put(b, tables.count(List.of(b), tenant).get(b));
        }
        return verified;
    }

    private String onlyIn(TableRef a, TableRef b, List<String> columns) {
        String select = "SELECT " + String.join(", ", columns) + " FROM ";
        return "(SELECT count(*) FROM (" + select + a.sql(warehouse.dialect()) + " WHERE tenant_id = ? EXCEPT ALL "
                + select + b.sql(warehouse.dialect()) + " WHERE tenant_id = ?) d)";
    }

    private static Map<String, TableRef> byName(List<TableRef> refs) {
        Map<String, TableRef> map = new TreeMap<>();
        refs.forEach(ref -> map.put(ref.name(), ref));
        return map;
    }

    private static CairnException notEqual(TenantId tenant, TenantLayout to, String why) {
        return new CairnException(ErrorCode.WAREHOUSE, "Cannot move tenant %s to the %s layout: %s; the old copy "
                + "stays authoritative and the tenancy is unchanged", tenant, to, why);
    }

    /** Deletes the tenant's copy in a layout: its rows from the shared schemas, or its dedicated schemas. */
    LayoutRemoval removeCopy(TenantLayout layout, TenantId tenant) {
        List<String> schemas = tables.existingSchemas(layout.schemas());
        List<TableRef> tenantTables = tables.withTenantColumn().stream()
                .filter(table -> schemas.contains(table.schema())).toList();
        Map<TableRef, Long> rows = new LinkedHashMap<>();
        if (layout.dedicated()) {
            tables.count(tenantTables, tenant).forEach((table, n) -> putNonZero(rows, table, n));
            tables.drop(schemas);
            return new LayoutRemoval(schemas, rows);
        }
        tables.delete(tenantTables, tenant).forEach((table, n) -> putNonZero(rows, table, n));
        return new LayoutRemoval(List.of(), rows);
    }

    private static void putNonZero(Map<TableRef, Long> rows, TableRef table, long n) {
        if (n > 0) {
            rows.put(table, n);
        }
    }
}
