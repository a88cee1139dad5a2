package io.cairn.warehouse.postgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import io.cairn.spi.raw.RawLoaderContractTest;
import io.cairn.spi.raw.StreamContract;
import io.cairn.spi.warehouse.Warehouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The raw-loader contract on a real PostgreSQL, plus what only PostgreSQL has to get right. */
class PostgresRawLoaderTest extends RawLoaderContractTest {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        TestPostgres.stop(postgres);
    }

    @Override
    protected Warehouse newWarehouse(Path dir) {
        return TestPostgres.open(TestPostgres.newDatabase(postgres, "loader"));
    }

    @Override
    protected String jsonField(String column, String field) {
        return column + "->>'" + field + "'";
    }

    @Override
    protected String utcTimestamp(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')";
    }

    @Override
    protected String storedPayload(String json) throws SQLException {
        try (Connection connection = warehouse.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT ?::jsonb::text")) {
            statement.setString(1, json);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Stricter than DuckDB, whose JSON reader accepts the trailing comma and lands both elements. */
    @Test
    void jsonArrayWithAnElementThatDoesNotParseFailsAsAWhole() throws Exception {
        Path file = write("bad.json", "[{\"id\":1,\"updated_at\":\"2024-01-01T00:00:00Z\"}, {\"id\":2,}]");
        assertThatThrownBy(() -> land("load-1", file, FileFormat.JSON_ARRAY, "ecommerce", "orders", ORDERS))
                .isInstanceOf(CairnException.class)
                .hasMessageContaining("Cannot land file bad.json for tenant acme into raw.ecommerce__orders");
        assertThat(warehouse.rawLoader().findLanded("load-1")).isEmpty();
    }


    /** Regression: two loads into different tables of one new schema raced on CREATE SCHEMA IF NOT EXISTS. */
    @Test
    void concurrentFirstLoadsIntoANewDedicatedSchemaAllLand() throws Exception {
        Path file = write("orders.jsonl", "{\"id\":1,\"updated_at\":\"2024-01-03T10:15:00Z\"}");
        List<String> streams = List.of("orders", "refunds", "customers", "products", "events",
                "locations");
        for (int round = 0; round < 3; round++) {
            String schema = "dedicated" + round + "_raw";
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<LoadResult>> loads = new ArrayList<>();
                for (String stream : streams) {
                    loads.add(pool.submit(() -> warehouse.rawLoader().land(new LoadRequest(
                            TenantId.of("acme"), "shopify", stream, schema + "-" + stream, file,
                            "orders.jsonl", FileFormat.JSONL, ORDERS, Instant.parse("2024-01-04T00:00:00Z"),
                            schema))));
                }
                for (Future<LoadResult> load : loads) {
                    assertThat(load.get().rowsLanded()).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(query("SELECT count(*) FROM " + schema + "._loads")).containsExactly("6");
        }
    }

    @Test
    void payloadIsJsonbAndWarningsAreATextArray() throws Exception {
        land("load-1", write("orders.jsonl", "{\"id\":1,\"updated_at\":\"2024-01-03T10:15:00Z\"}"),
                FileFormat.JSONL, "shopify", "orders", ORDERS);

        assertThat(query("SELECT column_name || ':' || udt_name FROM information_schema.columns "
                + "WHERE table_schema = 'raw' AND table_name = 'shopify__orders' "
                + "AND column_name IN ('payload', 'dq_errors', 'source_updated_at') ORDER BY 1"))
                .containsExactly("dq_errors:_text", "payload:jsonb", "source_updated_at:timestamptz");
    }

    @Test
    void backslashesTabsAndUnicodeArriveExactly() throws Exception {
        String record = "{\"id\":\"a\\\\b\",\"note\":\"tab\\there \u00fcber \\u00e9 \\\"q\\\"\",\"t\":\"x\ty\"}";
        Path file = dir.resolve("odd.jsonl");
        Files.writeString(file, record + "\n", StandardCharsets.UTF_8);

        LoadResult result = land("load-1", file, FileFormat.JSONL, "shopify", "orders",
                StreamContract.of(List.of("id"), null));

        assertThat(result.rowsLanded()).as("a raw tab inside a JSON string is invalid JSON").isZero();
        assertThat(query("SELECT raw_text FROM raw._dead_letter")).containsExactly(record);

        String valid = "{\"id\":\"a\\\\b\",\"note\":\"tab\\there \u00fcber \\u00e9 \\\"q\\\"\"}";
        Files.writeString(file, valid + "\n", StandardCharsets.UTF_8);
        land("load-2", file, FileFormat.JSONL, "shopify", "orders", StreamContract.of(List.of("id"), null));
        assertThat(query("SELECT source_record_id || '|' || (payload->>'note') FROM raw.shopify__orders"))
                .containsExactly("a\\b|tab\there \u00fcber \u00e9 \"q\"");
        assertThat(query("SELECT record_hash = md5(" + "'" + valid.replace("'", "''") + "') FROM raw.shopify__orders"))
                .as("the hash is of the text as received, as on DuckDB").containsExactly("t");
    }

    @Test
    void nulBytesAndMixedLineEndingsDoNotBreakTheCopy() throws Exception {
        Path file = dir.resolve("nul.jsonl");
        Files.write(file, ("{\"id\":1}\r\n{\"id\":2,\"x\":\"a\u0000b\"}\n{\"id\":3}\n")
                .getBytes(StandardCharsets.UTF_8));

        LoadResult result = land("load-1", file, FileFormat.JSONL, "shopify", "orders",
                StreamContract.of(List.of("id"), null));

        assertThat(result.rowsLanded()).isEqualTo(2);
        assertThat(query("SELECT line_no || ':' || reason FROM raw._dead_letter"))
                .containsExactly("2:malformed JSON: the line does not parse");
    }

    @Test
    void csvQuotingIsHonouredAndLinesAreCountedWhereRecordsStart() throws Exception {
        Path file = write("customers.csv",
                "customer_id,note,updated_at",
                "c1,\"comma, inside\",2024-01-01T00:00:00Z",
                "c2,\"spans",
                "two lines with \"\"quotes\"\"\",2024-01-01T00:00:00Z",
                "c3,\"closed\"junk,2024-01-01T00:00:00Z",
                "",
                "c4,\"\",2024-01-01T00:00:00Z",
                "c5,\"never closed,2024-01-01T00:00:00Z");
        StreamContract contract = StreamContract.of(List.of("customer_id"), "updated_at");

        LoadResult result = land("load-1", file, FileFormat.CSV, "crm", "customers", contract);

        assertThat(result.recordsRead()).isEqualTo(5);
        assertThat(result.rowsLanded()).isEqualTo(3);
        assertThat(query("SELECT source_record_id || '=' || coalesce(payload->>'note', 'null') FROM raw.crm__customers "
                + "ORDER BY 1")).containsExactly("c1=comma, inside", "c2=spans\ntwo lines with \"quotes\"", "c4=");
        assertThat(query("SELECT line_no || ':' || reason FROM raw._dead_letter ORDER BY line_no")).containsExactly(
                "5:malformed CSV row: characters after a closing quote in field 2",
                "8:malformed CSV row: a quoted field is not closed before the end of the file");
    }

    @Test
    void concurrentLoadsOfOverlappingFilesLandEachRecordVersionOnce() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                lines.add("{\"id\":" + (i + f * 100) + ",\"updated_at\":\"2024-01-01T00:00:00Z\"}");
            }
            files.add(write("part-" + f + ".jsonl", lines.toArray(String[]::new)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<LoadResult>> results = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            String loadId = "load-" + f;
            results.add(pool.submit(() -> land(loadId, file, FileFormat.JSONL, "shopify", "orders", ORDERS)));
        }
        long landed = 0;
        long duplicate = 0;
        for (Future<LoadResult> result : results) {
            landed += result.get().rowsLanded();
            duplicate += result.get().rowsDuplicate();
        }
        pool.shutdown();

        assertThat(landed).as("ids 0..999 once each").isEqualTo(1000);
        assertThat(duplicate).isEqualTo(6 * 500 - 1000);
        assertThat(count("raw.shopify__orders")).isEqualTo(1000);
    }

    @Test
    void aFailingLoadLeavesNoTraceAndCanBeRetried() throws Exception {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});

        assertThatThrownBy(() -> land("load-1", file, FileFormat.JSONL, "shopify", "orders", ORDERS))
                .isInstanceOf(CairnException.class)
                .hasMessageContaining("Cannot land file latin1.jsonl for tenant acme into raw.shopify__orders");
        assertThat(warehouse.rawLoader().findLanded("load-1")).isEmpty();

        Files.writeString(file, "{\"id\":\"\u00e9\"}\n", StandardCharsets.UTF_8);
        assertThat(land("load-1", file, FileFormat.JSONL, "shopify", "orders", ORDERS).rowsLanded()).isEqualTo(1);
    }
}
