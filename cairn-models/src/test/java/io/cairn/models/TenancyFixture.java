package io.cairn.models;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.RunOptions;
import io.cairn.core.tenancy.LayoutBuilder;
import io.cairn.core.tenancy.TableRef;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.core.tenancy.WarehouseTables;
import io.cairn.datagen.GenerationSummary;
import io.cairn.spi.TenantId;

/**
 * A deployment of generated tenants, some dedicated, landed and built into their layouts as {@code cairn build}
 * does it; plus the catalog scans the tenancy tests assert with.
 */
final class TenancyFixture implements AutoCloseable {
    final ModelsFixture models;
    final GenerationSummary generated;
    final WarehouseTables tables;
    final LayoutBuild builder;

    /** Generates {@code tenants}, makes the ones in {@code dedicated} dedicated, lands everything. */
    TenancyFixture(Path dir, int tenants, int days, List<Integer> dedicated) {
        this(new ModelsFixture(dir), tenants, days, dedicated);
    }

    /** As above, on the fixture's warehouse (e.g. an embedded PostgreSQL one). */
    TenancyFixture(ModelsFixture models, int tenants, int days, List<Integer> dedicated) {
        this.models = models;
        generated = models.generateOnly(tenants, days, 11, LocalDate.of(2024, 3, 1));
        for (int index : dedicated) {
            setTenancy(TenantId.of(generated.tenants().get(index).id()), Tenancy.DEDICATED);
        }
        models.dropGenerated(name -> true);
        models.land(models.sources(generated));
        tables = new WarehouseTables(models.warehouse);
        builder = new LayoutBuild(models.project, EngineOptions.defaults(models.warehouse).withEnv(Map.of()),
                RunOptions.defaults().withThreads(4).withTargetDir(models.project.resolve("target")));
    }

    String tenant(int index) {
        return generated.tenants().get(index).id();
    }

    void setTenancy(TenantId tenant, Tenancy tenancy) {
        Tenant current = models.controlPlane.tenants().find(tenant).orElseThrow();
        models.controlPlane.tenants().upsert(new Tenant(tenant, current.name(), tenancy, current.timezone(),
                current.currency(), current.createdAt()));
    }

    /** What {@code cairn build} does: the shared set for the shared tenants, then each dedicated tenant's set. */
    void buildAll(LayoutBuilder layouts) {
        List<Tenant> all = models.controlPlane.tenants().list();
        layouts.build(TenantLayout.SHARED, all.stream().filter(t -> t.tenancy() == Tenancy.SHARED).toList(), false);
        for (Tenant tenant : all) {
            if (tenant.tenancy() == Tenancy.DEDICATED) {
                layouts.build(TenantLayout.of(tenant.id(), Tenancy.DEDICATED), List.of(tenant), false);
            }
        }
    }

    /** The tenant's rows per table, over every table with a tenant_id column (tables with none omitted). */
    Map<String, Long> rowsOf(String tenant) {
        Map<String, Long> rows = new TreeMap<>();
        tables.count(tables.withTenantColumn(), TenantId.of(tenant)).forEach((table, n) -> {
            if (n > 0) {
                rows.put(table.toString(), n);
            }
        });
        return rows;
    }

    /** Every row of every mart of the tenant in a marts schema, as text, per mart, sorted. */
    Map<String, List<String>> marts(String tenant, String martsSchema) {
        Map<String, List<String>> marts = new TreeMap<>();
        for (TableRef mart : tables.inSchema(martsSchema)) {
            List<String> rows = new ArrayList<>();
            for (List<Object> row : models.rows("SELECT " + String.join(", ", tables.comparableColumns(mart))
                    + " FROM " + mart.sql(models.warehouse.dialect()) + " WHERE tenant_id = '" + tenant + "'")) {
                rows.add(row.toString());
            }
            rows.sort(null);
            marts.put(mart.name(), rows);
        }
        return marts;
    }

    List<String> schemas(List<String> names) {
        return tables.existingSchemas(names);
    }

    @Override
    public void close() {
        models.close();
    }
}
