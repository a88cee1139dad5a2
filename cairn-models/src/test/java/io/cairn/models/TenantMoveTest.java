package io.cairn.models;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.audit.AuditEntry;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.tenancy.MoveReport;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.core.tenancy.TenantMove;
import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Moving a tenant between the shared and the dedicated layout with {@link TenantMove}. */
class TenantMoveTest {
    @Test
    void sharedToDedicatedToSharedKeepsEveryMartAndLeavesNoCopy(@TempDir Path dir) {
        try (TenancyFixture fixture = fixture(dir, 2, 10, List.of())) {
            fixture.buildAll(fixture.builder);
            String moved = fixture.tenant(0);
            String other = fixture.tenant(1);
            TenantId tenant = TenantId.of(moved);
            TenantLayout dedicated = TenantLayout.of(tenant, Tenancy.DEDICATED);
            Map<String, List<String>> martsBefore = fixture.marts(moved, "marts");
            Map<String, List<String>> otherBefore = fixture.marts(other, "marts");
            Map<String, Long> rawBefore = rawRows(fixture, moved, "raw");
            TenantMove move = new TenantMove(fixture.models.controlPlane, fixture.models.warehouse, fixture.builder);

            MoveReport toDedicated = move.move(tenant, Tenancy.DEDICATED, "test");

            assertThat(toDedicated.verifiedMarts()).as("marts compared row by row").hasSize(martsBefore.size());
            assertThat(tenancy(fixture, tenant)).isEqualTo(Tenancy.DEDICATED);
            assertThat(fixture.marts(moved, dedicated.martsSchema())).as("marts of %s after the move", moved)
                    .isEqualTo(martsBefore);
            assertThat(rawRows(fixture, moved, dedicated.rawSchema())).as("raw rows, dead letters, ledger rows")
                    .isEqualTo(rawBefore);
            assertThat(fixture.rowsOf(moved).keySet()).as("tables with rows of %s after the move", moved)
                    .isNotEmpty()
                    .allSatisfy(table -> assertThat(table).startsWith(moved + "_"));
            assertThat(toDedicated.removed().rows()).as("old copy deleted").containsKey(
                    new io.cairn.core.tenancy.TableRef("raw", "shopify__orders"));
            assertThat(fixture.marts(other, "marts")).as("the other tenant's marts").isEqualTo(otherBefore);

            MoveReport back = move.move(tenant, Tenancy.SHARED, "test");

            assertThat(back.verifiedMarts()).hasSize(martsBefore.size());
            assertThat(tenancy(fixture, tenant)).isEqualTo(Tenancy.SHARED);
            assertThat(fixture.marts(moved, "marts")).as("marts of %s after moving back", moved)
                    .isEqualTo(martsBefore);
            assertThat(rawRows(fixture, moved, "raw")).isEqualTo(rawBefore);
            assertThat(fixture.schemas(dedicated.schemas())).as("dedicated schemas left behind").isEmpty();
            assertThat(back.removed().schemas()).contains(dedicated.rawSchema(), dedicated.martsSchema());
            assertThat(fixture.marts(other, "marts")).isEqualTo(otherBefore);
            assertThat(fixture.models.controlPlane.audit().list(tenant, Instant.EPOCH, "tenant.move", 10))
                    .extracting(AuditEntry::target, AuditEntry::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("shared", AuditOutcome.OK),
                            org.assertj.core.groups.Tuple.tuple("dedicated", AuditOutcome.OK));
        }
    }

    @Test
    void failedMoveLeavesTheOldCopyAuthoritativeAndARerunFinishesIt(@TempDir Path dir) {
        try (TenancyFixture fixture = fixture(dir, 2, 6, List.of(1))) {
            fixture.buildAll(fixture.builder);
            String moved = fixture.tenant(1);
            TenantId tenant = TenantId.of(moved);
            TenantLayout dedicated = TenantLayout.of(tenant, Tenancy.DEDICATED);
            Map<String, List<String>> martsBefore = fixture.marts(moved, dedicated.martsSchema());
            Map<String, Long> rowsBefore = fixture.rowsOf(moved);
            TenantMove crashing = new TenantMove(fixture.models.controlPlane, fixture.models.warehouse,
                    (layout, directory, fullRefresh) -> {
                        if (!layout.dedicated()) {
                            throw new CairnException(io.cairn.spi.ErrorCode.WAREHOUSE, "build crashed");
                        }
                        fixture.builder.build(layout, directory, fullRefresh);
                    });

            assertThatThrownBy(() -> crashing.move(tenant, Tenancy.SHARED, "test"))
                    .hasMessageContaining("build crashed");

            assertThat(tenancy(fixture, tenant)).as("tenancy until the flip").isEqualTo(Tenancy.DEDICATED);
            assertThat(fixture.marts(moved, dedicated.martsSchema())).isEqualTo(martsBefore);
            assertThat(fixture.rowsOf(moved)).as("old copy untouched, raw rows already copied to shared")
                    .containsAllEntriesOf(rowsBefore)
                    .containsKey("raw.shopify__orders");

            TenantMove move = new TenantMove(fixture.models.controlPlane, fixture.models.warehouse, fixture.builder);
            MoveReport rerun = move.move(tenant, Tenancy.SHARED, "test");

            assertThat(rerun.alreadyThere()).isFalse();
            assertThat(tenancy(fixture, tenant)).isEqualTo(Tenancy.SHARED);
            assertThat(fixture.marts(moved, "marts")).isEqualTo(martsBefore);
            assertThat(fixture.schemas(dedicated.schemas())).isEmpty();
            assertThat(fixture.rowsOf(moved).keySet()).noneMatch(table -> table.startsWith(moved + "_"));

            MoveReport again = move.move(tenant, Tenancy.SHARED, "test");
            assertThat(again.alreadyThere()).isTrue();
            assertThat(again.removed().isEmpty()).as("nothing left to remove").isTrue();
            assertThat(fixture.marts(moved, "marts")).isEqualTo(martsBefore);
        }
    }

    /** The deployment under test; subclasses run the same tests on another warehouse. */
    TenancyFixture fixture(Path dir, int tenants, int days, List<Integer> dedicated) {
        return new TenancyFixture(dir, tenants, days, dedicated);
    }

    private static Tenancy tenancy(TenancyFixture fixture, TenantId tenant) {
        return fixture.models.controlPlane.tenants().find(tenant).orElseThrow().tenancy();
    }

    /** The tenant's rows per table of a raw schema, by table name. */
    private static Map<String, Long> rawRows(TenancyFixture fixture, String tenant, String rawSchema) {
        Map<String, Long> rows = new java.util.TreeMap<>();
        fixture.rowsOf(tenant).forEach((table, n) -> {
            if (table.startsWith(rawSchema + ".")) {
                rows.put(table.substring(rawSchema.length() + 1), n);
            }
        });
        return rows;
    }
}
