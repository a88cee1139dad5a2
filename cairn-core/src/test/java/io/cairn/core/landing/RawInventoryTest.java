package io.cairn.core.landing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cairn.core.TestPostgres;
import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.StreamContract;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;
import io.cairn.warehouse.postgres.PostgresWarehouse;
import io.cairn.warehouse.spark.SparkWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw counts per tenant and stream, on the engines that have {@code information_schema} and the JDBC metadata. */
class RawInventoryTest {
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;

    @Test
    void countsATenantsRowsAndDeadLettersOnDuckDb() throws Exception {
        try (Warehouse warehouse = DuckDbWarehouse.open(dir.resolve("w.duckdb"), null, null)) {
            assertCounts(warehouse);
        }
    }

    @Test
    void countsATenantsRowsAndDeadLettersOnPostgres() throws Exception {
        ControlPlaneSettings database = TestPostgres.newDatabase("inventory");
        try (Warehouse warehouse = PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(database.url(),
                "postgres", null, null, 2))) {
            assertCounts(warehouse);
        }
    }

    @Test
    void countsATenantsRowsAndDeadLettersOnSpark() throws Exception {
        try (Warehouse warehouse = SparkWarehouse.open(new SparkWarehouse.Options(dir.resolve("spark-warehouse"),
                "local[2]", null, Map.of("spark.sql.shuffle.partitions", "2")))) {
            assertCounts(warehouse);
        }
    }

    private void assertCounts(Warehouse warehouse) throws Exception {
        assertThat(RawInventory.count(warehouse, ACME, "shopify", "orders"))
                .as("no raw schema yet").isEqualTo(new RawInventory.Counts(0, 0));
        Path file = Files.write(dir.resolve("orders.jsonl"), List.of("{\"id\":1}", "{\"id\":2}", "{oops"));
        warehouse.rawLoader().land(new LoadRequest(ACME, "shopify", "orders", "L1", file, "orders.jsonl",
                FileFormat.JSONL, StreamContract.of(List.of("id"), null), Instant.parse("2024-02-01T00:00:00Z")));

        assertThat(RawInventory.count(warehouse, ACME, "shopify", "orders")).isEqualTo(new RawInventory.Counts(2, 1));
        assertThat(RawInventory.count(warehouse, TenantId.of("globex"), "shopify", "orders"))
                .isEqualTo(new RawInventory.Counts(0, 0));
        assertThat(RawInventory.count(warehouse, ACME, "shopify", "customers"))
                .as("a stream without a table").isEqualTo(new RawInventory.Counts(0, 0));
    }
}
