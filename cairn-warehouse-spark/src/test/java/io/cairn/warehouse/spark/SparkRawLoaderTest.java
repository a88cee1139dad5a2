package io.cairn.warehouse.spark;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import io.cairn.spi.raw.RawLoaderContractTest;
import io.cairn.spi.raw.StreamContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the Spark loader has to get right: real Shopify payloads (and core's raw inventory of them), finishing an
 * interrupted load, parallel loads.
 */
class SparkRawLoaderTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final StreamContract ORDERS = StreamContract.of(List.of("id"), "updated_at")
            .withCurrencyFields(List.of("currency"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static SparkWarehouse warehouse;

    @BeforeAll
    static void open() {
        warehouse = SparkTestWarehouses.open(SparkTestFolders.newFolder());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void shopifyFixtureOrdersAndInventoryLevelsLandWithTheirValues() throws Exception {
        Path shopify = RawLoaderContractTest.externalFixture("shopify-rest");
        JsonNode firstOrder = JSON.readTree(shopify.resolve("orders.json").toFile()).get("orders").get(0);
        String order = JSON.writeValueAsString(firstOrder);
        Path orders = Files.writeString(dir.resolve("shopify-orders.jsonl"), order + "\n");
        JsonNode levels = JSON.readTree(shopify.resolve("inventory_levels.json").toFile()).get("inventory_levels");
        Path inventory = Files.writeString(dir.resolve("shopify-levels.json"), JSON.writeValueAsString(levels));

        LoadResult landedOrders = land("shopify-orders", orders, FileFormat.JSONL, "orders", ORDERS);
        LoadResult landedLevels = land("shopify-levels", inventory, FileFormat.JSON_ARRAY, "inventory_levels",
                StreamContract.of(List.of("inventory_item_id", "location_id"), "updated_at"));

        assertThat(landedOrders).isEqualTo(new LoadResult("shopify-orders", 1, 1, 0, 0, 0, "2008-01-10T16:00Z", false));
        assertThat(query("SELECT source_record_id || '|' || date_format(source_updated_at, 'yyyy-MM-dd HH:mm') || '|' "
                + "|| get_json_object(payload, '$.total_price') || '|' "
                + "|| get_json_object(payload, '$.line_items[2].title') "
                + "|| '|' || dq_status || '|' || record_hash FROM raw.shopify__orders"))
                .as("the payload is the line as received, and its md5 is the record hash")
                .containsExactly("450789469|2008-01-10 16:00|409.94|IPod Nano - 8gb|ok|" + md5(order));
        assertThat(landedLevels.rowsLanded()).isEqualTo(4);
        assertThat(landedLevels.rowsWarned()).as("the fixture's levels carry no updated_at").isEqualTo(4);
        assertThat(query("SELECT source_record_id || '=' || get_json_object(payload, '$.available') "
                + "FROM raw.shopify__inventory_levels ORDER BY 1"))
                .containsExactly("39072856:487838322=27", "39072856:905684977=3", "808950810:487838322=9",
                        "808950810:905684977=1");
    }

    @Test
    void loadInterruptedBeforeItsLedgerEntryIsFinishedByARetryWithoutDuplicates() throws Exception {
        Path file = Files.writeString(dir.resolve("crash.jsonl"), "{\"id\":1,\"updated_at\":\"2024-01-03T10:15:00Z\"}\n"
                + "{oops\n{\"id\":2,\"updated_at\":\"2024-01-03T10:15:00Z\",\"currency\":\"ZZZ\"}\n");
        LoadResult first = land("crash-1", file, FileFormat.JSONL, "crash_orders", ORDERS);
        // A crash after the rows and dead letters were committed and before the ledger entry was.
        execute("DELETE FROM raw._loads WHERE load_id = 'crash-1'");

        LoadResult retry = land("crash-1", file, FileFormat.JSONL, "crash_orders", ORDERS);

        assertThat(retry).as("the retry reports what one clean run would").isEqualTo(first);
        assertThat(first).isEqualTo(new LoadResult("crash-1", 3, 2, 0, 1, 1, "2024-01-03T10:15Z", false));
        assertThat(query("SELECT count(*) FROM raw.shopify__crash_orders")).containsExactly("2");
        assertThat(query("SELECT count(*) FROM raw._dead_letter WHERE load_id = 'crash-1'")).containsExactly("1");
        assertThat(query("SELECT count(*) FROM raw._loads WHERE load_id = 'crash-1'")).containsExactly("1");
        assertThat(land("crash-1", file, FileFormat.JSONL, "crash_orders", ORDERS).replayed()).isTrue();
    }

    @Test
    void loadsIntoDifferentTablesRunInParallelAndLoadsIntoOneTableInTurn() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(Files.writeString(dir.resolve("parallel-" + i + ".jsonl"),
                    "{\"id\":" + i + ",\"updated_at\":\"2024-01-03T10:15:00Z\"}\n{\"id\":100}\n"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LoadResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                results.add(pool.submit(() -> land("parallel-" + n, files.get(n), FileFormat.JSONL,
                        "parallel_" + (n % 2), ORDERS)));
            }
            long landed = 0;
            for (Future<LoadResult> result : results) {
                landed += result.get().rowsLanded();
            }
            assertThat(landed).as("id 100 lands once per table").isEqualTo(6);
        }
        finally {
            pool.shutdown();
        }
        assertThat(query("SELECT count(*) FROM raw._loads WHERE load_id LIKE 'parallel-%'")).containsExactly("4");
        assertThat(query("SELECT count(*) FROM raw.shopify__parallel_0")).containsExactly("3");
        assertThat(query("SELECT count(*) FROM raw.shopify__parallel_1")).containsExactly("3");
    }

    private static LoadResult land(String loadId, Path file, FileFormat format, String stream,
            StreamContract contract) {
        return warehouse.rawLoader().land(new LoadRequest(ACME, "shopify", stream, loadId, file,
                file.getFileName().toString(), format, contract, Instant.parse("2024-02-01T00:00:00Z")));
    }

    private static List<String> query(String sql) throws SQLException {
        return RawLoaderContractTest.query(warehouse, sql);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
