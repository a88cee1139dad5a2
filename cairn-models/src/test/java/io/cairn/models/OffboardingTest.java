package io.cairn.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.audit.AuditEntry;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.tenancy.Offboarding;
import io.cairn.core.tenancy.OffboardingReport;
import io.cairn.core.tenancy.TableRef;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/** Offboarding a shared and a dedicated tenant of a built hybrid deployment on DuckDB. */
class OffboardingTest {
    @Test
    void offboardingDeletesEveryRowFileAndControlPlaneRowOfTheTenantAndNothingElse(@TempDir Path dir)
            throws IOException {
        try (TenancyFixture fixture = new TenancyFixture(dir.resolve("deployment"), 3, 6, List.of(1))) {
            fixture.buildAll(fixture.builder);
            Path projectDir = dir.resolve("project");
            Files.createDirectories(projectDir.resolve(Offboarding.PUBLISHED_DIR));
            Offboarding offboarding = new Offboarding(fixture.models.controlPlane, fixture.models.warehouse,
                    fixture.models.rawZone.root(), projectDir);
            String kept = fixture.tenant(2);
            Map<String, Long> keptRows = fixture.rowsOf(kept);
            Map<String, Long> keptControlPlane = fixture.models.controlPlane.tenantRecords().count(TenantId.of(kept));

            for (int index : List.of(0, 1)) {
                String gone = fixture.tenant(index);
                TenantId tenant = TenantId.of(gone);
                Files.writeString(projectDir.resolve(Offboarding.PUBLISHED_DIR).resolve(gone + ".duckdb"), "copy");
                fixture.models.controlPlane.runs().start("build", tenant);
                fixture.models.controlPlane.audit().record("admin", "tenant.onboard", tenant, gone,
                        AuditOutcome.OK, "");
                Map<String, Long> rowsBefore = fixture.rowsOf(gone);
                long filesBefore = countFiles(fixture.models.rawZone.root().resolve("raw").resolve(gone));

                OffboardingReport plan = offboarding.plan(tenant);

                assertThat(plan.done()).isFalse();
                assertThat(fixture.rowsOf(gone)).as("a plan deletes nothing").isEqualTo(rowsBefore);
                assertThat(names(plan.warehouseRows())).as("planned rows of %s", gone).isEqualTo(rowsBefore);
                assertThat(plan.files().get(0).files()).as("raw zone files").isEqualTo(filesBefore).isPositive();
                assertThat(plan.files().get(2).bytes()).as("published copy").isEqualTo(4);
                assertThat(plan.controlPlaneRows()).containsEntry("tenants", 1L).containsEntry("runs", 1L);
                assertThat(plan.controlPlaneRows().get("loads")).isPositive();
                assertThat(plan.schemas()).as("dedicated schemas of %s", gone).isEqualTo(index == 1
                        ? fixture.schemas(TenantLayout.of(tenant, Tenancy.DEDICATED).schemas()) : List.of());

                OffboardingReport done = offboarding.offboard(tenant, "admin");

                assertThat(done.done()).isTrue();
                assertThat(done.warehouseRows()).isEqualTo(plan.warehouseRows());
                assertThat(done.controlPlaneRows()).isEqualTo(plan.controlPlaneRows());
                assertThat(fixture.rowsOf(gone)).as("rows of %s in any warehouse table", gone).isEmpty();
                assertThat(fixture.schemas(new TenantLayout(tenant).schemas())).as("its schemas").isEmpty();
                assertThat(plan.files()).allSatisfy(files -> assertThat(files.path()).doesNotExist());
                assertThat(fixture.models.controlPlane.tenantRecords().count(tenant).values())
                        .as("control-plane rows of %s", gone).containsOnly(0L);
                assertThat(fixture.models.controlPlane.audit().list(tenant, Instant.EPOCH, "tenant.", 10))
                        .as("the audit log keeps the tenant's history")
                        .extracting(AuditEntry::action)
                        .containsExactly("tenant.offboard", "tenant.onboard");
                assertThat(offboarding.plan(tenant).totalWarehouseRows()).as("a rerun finds nothing").isZero();
            }
            assertThat(fixture.rowsOf(kept)).as("rows of the remaining tenant").isEqualTo(keptRows);
            assertThat(fixture.models.controlPlane.tenantRecords().count(TenantId.of(kept)))
                    .isEqualTo(keptControlPlane);
            assertThat(fixture.models.rawZone.root().resolve("raw").resolve(kept)).isDirectory();
        }
    }

    private static Map<String, Long> names(Map<TableRef, Long> rows) {
        Map<String, Long> names = new java.util.TreeMap<>();
        rows.forEach((table, n) -> names.put(table.toString(), n));
        return names;
    }

    private static long countFiles(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
