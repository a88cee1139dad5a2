package io.cairn.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/** Two shared tenants and one dedicated tenant in one deployment, landed and built from generated data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridTenancyTest {
    private TenancyFixture fixture;
    private String dedicated;
    private TenantLayout layout;

    @BeforeAll
    void generateLandAndBuild(@TempDir Path dir) {
        fixture = fixture(dir, 3, 12, List.of(1));
        dedicated = fixture.tenant(1);
        layout = TenantLayout.of(TenantId.of(dedicated), Tenancy.DEDICATED);
        fixture.buildAll(fixture.builder);
    }

    /** The deployment under test; subclasses run the same tests on another warehouse. */
    TenancyFixture fixture(Path dir, int tenants, int days, List<Integer> dedicated) {
        return new TenancyFixture(dir, tenants, days, dedicated);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void dedicatedTenantsRowsLiveOnlyInItsOwnSchemas() {
        Map<String, Long> rows = fixture.rowsOf(dedicated);
        assertThat(rows).as("tables holding rows of the dedicated tenant").isNotEmpty();
        assertThat(rows.keySet()).as("every table with rows of %s is in its schemas", dedicated)
                .allSatisfy(table -> assertThat(table).startsWith(dedicated + "_"));
        assertThat(rows).containsKeys(dedicated + "_raw.shopify__orders", dedicated + "_raw._loads",
                dedicated + "_raw._dead_letter", dedicated + "_intermediate.int_orders",
                dedicated + "_marts.fct_sales_by_day", dedicated + "_marts.fct_expenses_by_month");
        assertThat(fixture.schemas(layout.schemas())).as("its schemas")
                .contains(dedicated + "_raw", dedicated + "_cairn", dedicated + "_staging",
                        dedicated + "_intermediate", dedicated + "_marts", dedicated + "_ops");
    }

    @Test
    void dedicatedSchemasHoldNoOtherTenantsRows() {
        for (int index : List.of(0, 2)) {
            String shared = fixture.tenant(index);
            assertThat(fixture.rowsOf(shared).keySet()).as("tables with rows of shared tenant %s", shared)
                    .isNotEmpty()
                    .noneMatch(table -> table.startsWith(dedicated + "_"));
        }
    }

    @Test
    void everyTenantsMartsEqualItsGroundTruth() {
        for (int index = 0; index < 3; index++) {
            String tenant = fixture.tenant(index);
            String marts = index == 1 ? layout.martsSchema() : "marts";
            JsonNode truth = TruthFiles.read(fixture.models.truthDir(), tenant);
            assertThat(TruthFiles.salesByDay(truth)).as("truth of %s", tenant).isNotEmpty();
            assertThat(TruthFiles.martSales(fixture.models, tenant, marts)).as("%s.fct_sales_by_day of %s", marts,
                    tenant).containsExactlyElementsOf(TruthFiles.salesByDay(truth));
            assertThat(TruthFiles.martExpenses(fixture.models, tenant, marts)).as("%s.fct_expenses_by_month of %s",
                    marts, tenant).containsExactlyElementsOf(TruthFiles.expensesByMonth(truth));
        }
    }

    @Test
    void everyMartOfTheSharedBuildAndTheDedicatedBuildIsBuilt() {
        assertThat(fixture.marts(dedicated, layout.martsSchema()).keySet())
                .as("marts of the dedicated set")
                .isEqualTo(fixture.marts(fixture.tenant(0), "marts").keySet())
                .contains("fct_sales_by_day", "fct_expenses_by_month", "customer_360", "dim_customers",
                        "inventory_kpi");
        fixture.marts(dedicated, layout.martsSchema()).forEach((mart, rows) ->
                assertThat(fixture.marts(dedicated, "marts").get(mart)).as("rows of %s in shared %s", dedicated, mart)
                        .isEmpty());
    }
}
