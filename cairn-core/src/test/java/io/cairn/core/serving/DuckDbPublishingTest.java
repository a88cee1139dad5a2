package io.cairn.core.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.warehouse.duckdb.DuckDbTenantScope;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;
import io.cairn.warehouse.duckdb.DuckDbWarehouseFactory;

import static io.cairn.core.serving.ServingFixture.ACME;
import static io.cairn.core.serving.ServingFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-tenant published copies on DuckDB: what a copy holds, when it is rewritten, and that readers never mix. */
class DuckDbPublishingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private ControlPlane controlPlane;
    private DuckDbWarehouse warehouse;
    private DuckDbTenantScope scope;

    @BeforeEach
    void createMarts() throws Exception {
        controlPlane = ServingFixture.controlPlane(dir);
        warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), "2", null,
                DuckDbWarehouseFactory.publishedFolder(dir));
        ServingFixture.createTables(warehouse);
        scope = (DuckDbTenantScope) warehouse.tenantScope();
    }

    @AfterEach
    void close() {
        warehouse.close();
        controlPlane.close();
    }

    @Test
    void aCopyHoldsOnlyTheTenantsRowsOfMartsWithATenantIdAndItsQualityResults() throws Exception {
        scope.publish(List.of(ACME, GLOBEX));
        Path copy = dir.resolve(".cairn/published/acme.duckdb");
        assertThat(scope.copyOf(ACME)).isEqualTo(copy.toAbsolutePath().normalize());
        try (var files = Files.list(copy.getParent())) {
            assertThat(files.map(file -> file.getFileName().toString())).as("no temporary file is left")
                    .containsExactlyInAnyOrder("acme.duckdb", "globex.duckdb");
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + copy, readOnly)) {
            assertThat(column(connection, "SELECT table_schema || '.' || table_name FROM information_schema.tables "
                    + "ORDER BY 1")).containsExactly("marts.dim_customers", "marts.fct_expenses_by_month",
                    "marts.fct_sales_by_day", "ops.dq_results");
            assertThat(column(connection, "SELECT DISTINCT tenant_id FROM marts.fct_sales_by_day UNION "
                    + "SELECT DISTINCT tenant_id FROM ops.dq_results UNION SELECT tenant_id FROM marts.dim_customers"))
                    .containsExactly("acme");
        }
    }

    @Test
    void aChangedWarehouseIsRepublishedOnTheNextConnection() throws Exception {
        scope.publish(List.of(ACME));
        assertThat(count()).isEqualTo(4);
        assertThat(scope.copyOf(GLOBEX)).doesNotExist();
        ServingFixture.execute(warehouse, List.of("INSERT INTO marts.fct_sales_by_day VALUES "
                + "('acme', DATE '2024-01-04', 'web', 40.00, NULL)"));
        assertThat(count()).as("the write to the warehouse made the copy stale").isEqualTo(5);
        try (Connection connection = scope.connect(GLOBEX, TIMEOUT)) {
            assertThat(column(connection, "SELECT count(*) FROM marts.fct_sales_by_day")).as("published on first use")
                    .containsExactly("2");
        }
    }

    @Test
    void anOpenReaderKeepsItsCopyWhileANewOneIsSwappedIn() throws Exception {
        scope.publish(List.of(ACME));
        try (Connection before = scope.connect(ACME, TIMEOUT)) {
            ServingFixture.execute(warehouse, List.of("DELETE FROM marts.fct_sales_by_day WHERE tenant_id = 'acme'"));
            scope.publish(List.of(ACME));
            assertThat(column(before, "SELECT count(*) FROM marts.fct_sales_by_day"))
                    .as("the reader opened before the swap reads the whole old copy").containsExactly("4");
            try (Connection after = scope.connect(ACME, TIMEOUT)) {
                assertThat(column(after, "SELECT count(*) FROM marts.fct_sales_by_day")).containsExactly("0");
            }
        }
    }

    private int count() {
        return ((Number) new ScopedTenantData(warehouse, controlPlane).query(ACME,
                "SELECT count(*) FROM marts.fct_sales_by_day", TIMEOUT, 1).rows().get(0).get(0)).intValue();
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
