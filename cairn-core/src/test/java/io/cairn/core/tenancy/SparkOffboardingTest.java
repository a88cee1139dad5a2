package io.cairn.core.tenancy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.spark.SparkWarehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offboarding on Spark (Iceberg): a shared tenant's raw, mart and quality rows are deleted (and cannot be read back
 * by time travel), a dedicated tenant's schemas are dropped, both published copies are deleted, and the remaining
 * tenant keeps everything.
 */
class SparkOffboardingTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final TenantId INITECH = TenantId.of("initech");

    @TempDir
    static Path dir;
    static ControlPlane controlPlane;
    static SparkWarehouse warehouse;

    @BeforeAll
    static void deployment() throws SQLException {
        controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control")));
        for (TenantId tenant : List.of(ACME, GLOBEX, INITECH)) {
            controlPlane.tenants().upsert(new Tenant(tenant, tenant.value(), tenant.equals(GLOBEX) ? Tenancy.DEDICATED
                    : Tenancy.SHARED, ZoneId.of("UTC"), "USD", Instant.parse("2024-01-01T00:00:00Z")));
        }
        warehouse = SparkWarehouse.open(new SparkWarehouse.Options(dir.resolve("spark-warehouse"), "local[2]", null,
                Map.of("spark.sql.shuffle.partitions", "2")));
        execute("CREATE SCHEMA raw", "CREATE SCHEMA marts", "CREATE SCHEMA ops", "CREATE SCHEMA globex_raw",
                "CREATE SCHEMA globex_marts",
                "CREATE TABLE raw.shopify__orders (tenant_id STRING, source_record_id STRING, payload STRING) "
                        + "USING iceberg PARTITIONED BY (tenant_id)",
                "INSERT INTO raw.shopify__orders VALUES ('acme', '1', '{}'), ('acme', '2', '{}'), "
                        + "('initech', '1', '{}')",
                "CREATE TABLE marts.fct_orders (tenant_id STRING, id INT, net DECIMAL(9, 2)) USING iceberg",
                "INSERT INTO marts.fct_orders VALUES ('acme', 1, 10.00), ('initech', 1, 5.00)",
                "CREATE VIEW marts.v_orders AS SELECT * FROM marts.fct_orders",
                "CREATE TABLE ops.dq_results (tenant_id STRING, check_name STRING) USING iceberg",
                "INSERT INTO ops.dq_results VALUES ('acme', 'freshness'), ('initech', 'freshness')",
                "CREATE TABLE globex_raw.shopify__orders (tenant_id STRING, payload STRING) USING iceberg",
                "INSERT INTO globex_raw.shopify__orders VALUES ('globex', '{}')",
                "CREATE TABLE globex_marts.fct_orders (tenant_id STRING, id INT) USING iceberg",
                "INSERT INTO globex_marts.fct_orders VALUES ('globex', 1)",
                "CREATE VIEW globex_marts.v_orders AS SELECT * FROM globex_marts.fct_orders");
        warehouse.tenantScope().locate(tenant -> tenant.equals(GLOBEX) ? "globex_" : "");
        warehouse.tenantScope().publish(List.of(ACME, GLOBEX, INITECH));
    }

    @AfterAll
    static void close() {
        warehouse.close();
        controlPlane.close();
    }

    @Test
    void offboardingLeavesNothingOfTheTenantsAndTouchesNoOneElse() throws SQLException {
        WarehouseTables tables = new WarehouseTables(warehouse);
        assertThat(tables.withTenantColumn()).extracting(TableRef::toString).containsExactly("globex_marts.fct_orders",
                "globex_raw.shopify__orders", "marts.fct_orders", "ops.dq_results", "raw.shopify__orders");
        assertThat(tables.inSchema("marts")).extracting(TableRef::name).containsExactly("fct_orders");
        assertThat(tables.comparableColumns(new TableRef("marts", "fct_orders")))
                .containsExactly("\"tenant_id\"", "\"id\"", "\"net\"");
        long firstSnapshot = value("SELECT min(snapshot_id) FROM raw.shopify__orders.snapshots");
        Offboarding offboarding = new Offboarding(controlPlane, warehouse, dir.resolve("data"), dir.resolve("project"));
        assertThat(offboarding.plan(ACME).warehouseAccess()).containsExactly("published copy "
                + dir.resolve("spark-warehouse/published/acme"));

        OffboardingReport acme = offboarding.offboard(ACME, "test");
        OffboardingReport globex = offboarding.offboard(GLOBEX, "test");

        assertThat(acme.warehouseRows()).containsOnly(Map.entry(new TableRef("marts", "fct_orders"), 1L),
                Map.entry(new TableRef("ops", "dq_results"), 1L), Map.entry(new TableRef("raw", "shopify__orders"), 2L));
        assertThat(acme.warehouseAccess()).containsExactly("published copy "
                + dir.resolve("spark-warehouse/published/acme"));
        assertThat(globex.schemas()).containsExactlyInAnyOrder("globex_raw", "globex_marts");
        assertThat(tables.existingSchemas(List.of("globex_raw", "globex_marts", "marts"))).containsExactly("marts");
        assertThat(value("SELECT count(*) FROM raw.shopify__orders WHERE tenant_id = 'acme'")).isZero();
        assertThat(value("SELECT count(*) FROM marts.fct_orders WHERE tenant_id = 'acme'")).isZero();
        assertThat(value("SELECT count(*) FROM ops.dq_results WHERE tenant_id = 'acme'")).isZero();
        assertThatThrownBy(() -> value("SELECT count(*) FROM raw.shopify__orders VERSION AS OF " + firstSnapshot))
                .as("the snapshots that held acme's rows are expired").isInstanceOf(SQLException.class);
        assertThat(value("SELECT count(*) FROM raw.shopify__orders WHERE tenant_id = 'initech'")).isEqualTo(1);
        assertThat(value("SELECT count(*) FROM marts.v_orders WHERE tenant_id = 'initech'")).isEqualTo(1);
        assertThat(dir.resolve("spark-warehouse/published/acme")).doesNotExist();
        assertThat(dir.resolve("spark-warehouse/published/globex")).doesNotExist();
        assertThat(dir.resolve("spark-warehouse/published/initech")).isDirectory();
        assertThat(offboarding.plan(ACME).totalWarehouseRows()).isZero();
    }

    private static long value(String sql) throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
