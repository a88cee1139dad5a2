package io.cairn.models;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.RunOptions;
import io.cairn.core.model.RunResult;
import io.cairn.core.model.Selection;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

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

    /** The deployment under test (with tenant access); subclasses run the same tests on another warehouse. */
    TenancyFixture fixture(Path dir, int tenants, int days, List<Integer> dedicated) {
        return new TenancyFixture(new ModelsFixture(dir, DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), "4",
                null, dir.resolve("published"))), tenants, days, dedicated);
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

    @Test
    void aDedicatedTenantsQualityResultsAreReadOnItsTenantConnection() throws SQLException {
        TenantId tenant = TenantId.of(dedicated);
        Path project = fixture.models.project;
        Tenant directory = fixture.models.controlPlane.tenants().find(tenant).orElseThrow();
        ModelEngine engine = ModelEngine.load(project, PlatformInputs.forLayout(project,
                EngineOptions.defaults(fixture.models.warehouse).withEnv(Map.of()), layout, List.of(directory)));
        RunResult tests = engine.test(Selection.all(), RunOptions.defaults().withThreads(4)
                .withTargetDir(project.resolve("target").resolve(dedicated)));
        DataQuality quality = new DataQuality(fixture.models.warehouse,
                Clock.fixed(Instant.parse("2024-06-02T00:00:00Z"), ZoneOffset.UTC), layout);

        DataQualityReport report = quality.record(engine, tests, "dq-dedicated");

        long own = report.results().stream().filter(result -> dedicated.equals(result.tenantId())).count();
        assertThat(own).as("quality results of %s", dedicated).isPositive();
        assertThat(quality.resultsTable()).isEqualTo(dedicated + "_ops.dq_results");
        TenantScope scope = fixture.models.warehouse.tenantScope();
        scope.locate(id -> id.equals(tenant) ? layout.prefix() : "");
        scope.publish(List.of(tenant, TenantId.of(fixture.tenant(0))));
        assertThat(runRowsByTenant(scope, tenant, "dq-dedicated"))
                .as("results of the run on %s's tenant connection, by tenant", dedicated)
                .isEqualTo(Map.of(dedicated, own));
    }

    private static Map<String, Long> runRowsByTenant(TenantScope scope, TenantId tenant, String runId)
            throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = scope.connect(tenant, Duration.ofMinutes(1));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT tenant_id, count(*) FROM "
                        + scope.opsSchema(tenant) + ".dq_results WHERE run_id = '" + runId + "' GROUP BY tenant_id")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
        }
        return rows;
    }
}
