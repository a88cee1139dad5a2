package io.cairn.spi.raw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code RawLoader} contract every warehouse honours (DESIGN.md section 3): the cases of the DuckDB loader's
 * tests, written once. An engine supplies a fresh warehouse per test and the few SQL spellings that differ
 * (JSON field access, timestamp formatting, the canonical text of a stored payload, and, where the engine lacks the
 * common spelling, a cast to text and joining an array). It lives in cairn-spi's test-jar so that every warehouse
 * module can run it.
 */
public abstract class RawLoaderContractTest {
    protected static final TenantId ACME = TenantId.of("acme");
    protected static final StreamContract ORDERS = StreamContract.of(List.of("id"), "updated_at")
            .withCurrencyFields(List.of("currency"));
    protected static final Instant INGESTED_AT = Instant.parse("2024-02-01T00:00:00Z");

    @TempDir
    protected Path dir;
    protected Warehouse warehouse;

    /** A new, empty warehouse for one test. */
    protected abstract Warehouse newWarehouse(Path dir);

    /** SQL for the text of a top-level field of a JSON column. */
    protected abstract String jsonField(String column, String field);

    /** SQL formatting a timestamptz column as {@code YYYY-MM-DDTHH:MM:SS} in UTC. */
    protected abstract String utcTimestamp(String column);

    /** How the engine shows the stored payload of a record received as {@code json}. */
    protected abstract String storedPayload(String json) throws SQLException;

    /** SQL for a column as text. */
    protected String text(String column) {
        return column + "::VARCHAR";
    }

    /** SQL joining the elements of an array column with {@code separator}. */
    protected String joinArray(String column, String separator) {
        return "array_to_string(" + column + ", '" + separator + "')";
    }

    @BeforeEach
    protected void openWarehouse() {
        warehouse = newWarehouse(dir);
    }

    @AfterEach
    protected void closeWarehouse() {
        warehouse.close();
    }

    @Test
    void landsJsonlWithEnvelopeAndAccountsForEveryLine() throws Exception {
        Path file = write("orders.jsonl",
                "{\"id\":1,\"updated_at\":\"2024-01-03T10:15:00-05:00\",\"currency\":\"USD\",\"total\":\"9.50\"}",
                "{\"id\":2,\"updated_at\":\"2024-01-04T10:15:00-05:00\",\"currency\":\"ZZZ\"}",
                "",
                "{\"id\":3, \"broken\": ",
                "{\"no_id\":true,\"updated_at\":\"2024-01-04T10:15:00Z\"}",
                "{\"id\":1,\"updated_at\":\"2024-01-03T10:15:00-05:00\",\"currency\":\"USD\",\"total\":\"9.50\"}",
                "[1,2]",
                "{\"id\":1,\"updated_at\":\"2024-01-05T08:00:00Z\",\"currency\":\"USD\",\"total\":\"7.00\"}");

        LoadResult result = land("load-1", file, FileFormat.JSONL, "shopify", "orders", ORDERS);

        assertThat(result.recordsRead()).as("blank line 3 is not a record").isEqualTo(7);
        assertThat(result.rowsLanded()).isEqualTo(3);
        assertThat(result.rowsDuplicate()).as("line 6 repeats line 1").isEqualTo(1);
        assertThat(result.rowsDeadLettered()).isEqualTo(3);
        assertThat(result.rowsWarned()).as("ZZZ is not ISO 4217").isEqualTo(1);
        assertThat(result.balances()).isTrue();
        assertThat(result.maxSourceUpdatedAt()).isEqualTo("2024-01-05T08:00Z");
        assertThat(query("SELECT line_no || ':' || reason FROM raw._dead_letter ORDER BY line_no")).containsExactly(
                "4:malformed JSON: the line does not parse",
                "5:missing id: no value in id",
                "7:not a JSON object");
        assertThat(query("SELECT raw_text FROM raw._dead_letter WHERE line_no = 4"))
                .as("a line that does not parse is kept exactly as it was").containsExactly("{\"id\":3, \"broken\": ");
        assertThat(query("SELECT tenant_id || '|' || source_system || '|' || stream || '|' || source_record_id || '|' "
                + "|| " + utcTimestamp("source_updated_at") + " || '|' || dq_status || '|' || "
                + joinArray("dq_errors", ";") + " || '|' || load_id || '|' || is_deleted || '|' || "
                + "coalesce(" + jsonField("payload", "total") + ", '') FROM raw.shopify__orders "
                + "ORDER BY source_record_id, source_updated_at"))
                .containsExactly(
                        "acme|shopify|orders|1|2024-01-03T15:15:00|ok||load-1|false|9.50",
                        "acme|shopify|orders|1|2024-01-05T08:00:00|ok||load-1|false|7.00",
                        "acme|shopify|orders|2|2024-01-04T15:15:00|warn|unknown currency code 'ZZZ' in currency|load-1|false|");
    }

    @Test
    void surroundingWhitespaceAndCarriageReturnsAreNotPartOfTheRecord() throws Exception {
        Path file = dir.resolve("crlf.jsonl");
        Files.writeString(file, "  {\"id\":1,\"updated_at\":\"2024-01-03T10:15:00Z\"}\t\r\n"
                + "{\"id\":2,\"updated_at\":\"2024-01-03T10:15:00Z\"}\r\n");

        LoadResult result = land("load-1", file, FileFormat.JSONL, "shopify", "orders", ORDERS);

        assertThat(result.rowsLanded()).isEqualTo(2);
        assertThat(query("SELECT " + text("payload") + " FROM raw.shopify__orders ORDER BY source_record_id"))
                .containsExactly(
                storedPayload("{\"id\":1,\"updated_at\":\"2024-01-03T10:15:00Z\"}"),
                storedPayload("{\"id\":2,\"updated_at\":\"2024-01-03T10:15:00Z\"}"));
        assertThat(query("SELECT count(DISTINCT record_hash) FROM raw.shopify__orders")).containsExactly("2");
    }

    @Test
    void replayedLoadIdChangesNothingAndReturnsTheLedger() throws Exception {
        Path file = write("orders.jsonl", "{\"id\":1,\"updated_at\":\"2024-01-03T10:15:00Z\"}", "{oops");
        LoadResult first = land("load-1", file, FileFormat.JSONL, "shopify", "orders", ORDERS);
        LoadResult again = land("load-1", file, FileFormat.JSONL, "shopify", "orders", ORDERS);

        assertThat(again.replayed()).isTrue();
        assertThat(again.asReplayed()).isEqualTo(first.asReplayed());
        assertThat(warehouse.rawLoader().findLanded("load-1")).contains(first);
        assertThat(count("raw.shopify__orders")).isEqualTo(1);
        assertThat(count("raw._dead_letter")).isEqualTo(1);
        assertThat(count("raw._loads")).isEqualTo(1);
    }

    @Test
    void sameContentUnderANewLoadIdAddsNoRowsAndNoDeadLetters() throws Exception {
        Path file = write("orders.jsonl", "{\"id\":1,\"updated_at\":\"2024-01-03T10:15:00Z\"}", "{oops");
        land("load-1", file, FileFormat.JSONL, "shopify", "orders", ORDERS);
        LoadResult replay = land("load-2", file, FileFormat.JSONL, "shopify", "orders", ORDERS);

        assertThat(replay.rowsLanded()).isZero();
        assertThat(replay.rowsDuplicate()).isEqualTo(1);
        assertThat(replay.rowsDeadLettered()).as("still accounted for").isEqualTo(1);
        assertThat(count("raw.shopify__orders")).isEqualTo(1);
        assertThat(count("raw._dead_letter")).isEqualTo(1);
        assertThat(count("raw._loads")).isEqualTo(2);
    }

    @Test
    void sameIdsInTwoTenantsAreKeptApart() throws Exception {
        Path file = write("orders.jsonl", "{\"id\":1,\"updated_at\":\"2024-01-03T10:15:00Z\"}");
        land("load-1", file, FileFormat.JSONL, "shopify", "orders", ORDERS);
        LoadResult other = warehouse.rawLoader().land(new LoadRequest(TenantId.of("globex"), "shopify", "orders",
                "load-2", file, "orders.jsonl", FileFormat.JSONL, ORDERS, INGESTED_AT));

        assertThat(other.rowsLanded()).isEqualTo(1);
        assertThat(query("SELECT tenant_id FROM raw.shopify__orders ORDER BY 1")).containsExactly("acme", "globex");
    }

    @Test
    void landsCsvWithExtraColumnsAndRejectsMalformedRows() throws Exception {
        Path file = write("customers.csv",
                "customer_id,email,updated_at,loyalty_tier",
                "c1,a@example.com,2024-01-01T00:00:00Z,gold",
                "c2,b@example.com,2024-01-02T00:00:00Z,",
                "c3,c@example.com,2024-01-02T00:00:00Z,silver,extra",
                ",d@example.com,2024-01-02T00:00:00Z,bronze",
                "c1,a@example.com,2024-01-01T00:00:00Z,gold");
        StreamContract contract = StreamContract.of(List.of("customer_id"), "updated_at");

        LoadResult result = land("load-1", file, FileFormat.CSV, "crm", "customers", contract);

        assertThat(result.recordsRead()).isEqualTo(5);
        assertThat(result.rowsLanded()).isEqualTo(2);
        assertThat(result.rowsDuplicate()).isEqualTo(1);
        assertThat(result.rowsDeadLettered()).isEqualTo(2);
        assertThat(query("SELECT line_no || ':' || split_part(reason, ':', 1) FROM raw._dead_letter ORDER BY line_no"))
                .containsExactly("4:malformed CSV row", "5:missing id");
        assertThat(query("SELECT raw_text FROM raw._dead_letter WHERE line_no = 4"))
                .containsExactly("c3,c@example.com,2024-01-02T00:00:00Z,silver,extra");
        assertThat(query("SELECT " + jsonField("payload", "loyalty_tier") + " FROM raw.crm__customers "
                + "WHERE source_record_id = 'c1'")).containsExactly("gold");
        assertThat(query("SELECT coalesce(" + jsonField("payload", "loyalty_tier") + ", 'null') FROM raw.crm__customers "
                + "WHERE source_record_id = 'c2'")).as("an empty unquoted field is null").containsExactly("null");
    }

    @Test
    void rawZoneFolderNamesNeverBecomeFields() throws Exception {
        Path folder = dir.resolve("raw/acme/crm/customers/ingest_date=2024-02-01");
        Files.createDirectories(folder);
        Path csv = Files.writeString(folder.resolve("L1.csv"), "customer_id,updated_at\nc1,2024-01-01\n");
        Path array = Files.writeString(folder.resolve("L2.json"), "[{\"id\":\"e1\",\"updated_at\":\"2024-01-01\"}]");
        StreamContract contract = StreamContract.of(List.of("customer_id"), "updated_at");

        land("L1", csv, FileFormat.CSV, "crm", "customers", contract);
        land("L2", array, FileFormat.JSON_ARRAY, "crm", "events", StreamContract.of(List.of("id"), "updated_at"));

        assertThat(query("SELECT " + text("payload") + " FROM raw.crm__customers"))
                .containsExactly(storedPayload("{\"customer_id\":\"c1\",\"updated_at\":\"2024-01-01\"}"));
        assertThat(query("SELECT " + text("payload") + " FROM raw.crm__events"))
                .containsExactly(storedPayload("{\"id\":\"e1\",\"updated_at\":\"2024-01-01\"}"));
    }

    @Test
    void landsJsonArraysWithCompositeIdsAndTombstones() throws Exception {
        Path file = write("levels.json", "[{\"inventory_item_id\":7,\"location_id\":9,\"available\":3,"
                        + "\"updated_at\":\"2024-01-01T00:00:00Z\"},",
                " {\"inventory_item_id\":7,\"location_id\":10,\"available\":1,\"_cairn_deleted\":true,"
                        + "\"updated_at\":\"2024-01-01T00:00:00Z\"}]");
        StreamContract contract = StreamContract.of(List.of("inventory_item_id", "location_id"), "updated_at");

        LoadResult result = land("load-1", file, FileFormat.JSON_ARRAY, "shopify", "inventory_levels", contract);

        assertThat(result.rowsLanded()).isEqualTo(2);
        assertThat(query("SELECT source_record_id || '=' || is_deleted FROM raw.shopify__inventory_levels ORDER BY 1"))
                .containsExactly("7:10=true", "7:9=false");
    }

    @Test
    void jsonArrayElementsThatAreNotObjectsOrHaveNoIdAreDeadLetteredByElementNumber() throws Exception {
        Path file = write("mixed.json", "[{\"id\":1,\"updated_at\":\"2024-01-01T00:00:00Z\"}, 42, {\"x\":1}]");

        LoadResult result = land("load-1", file, FileFormat.JSON_ARRAY, "ecommerce", "orders", ORDERS);

        assertThat(result.recordsRead()).isEqualTo(3);
        assertThat(result.rowsLanded()).isEqualTo(1);
        assertThat(query("SELECT line_no || ':' || reason FROM raw._dead_letter ORDER BY line_no"))
                .containsExactly("2:not a JSON object", "3:missing id: no value in id");
    }

    @Test
    void unparseableChangeTimeLandsWithAWarning() throws Exception {
        Path file = write("orders.jsonl",
                "{\"id\":1,\"updated_at\":\"2024-13-45T10:15:00Z\"}",
                "{\"id\":2,\"updated_at\":\"yesterday\"}",
                "{\"id\":3}");

        LoadResult result = land("load-1", file, FileFormat.JSONL, "shopify", "orders", ORDERS);

        assertThat(result.rowsLanded()).isEqualTo(3);
        assertThat(result.rowsWarned()).isEqualTo(3);
        assertThat(result.maxSourceUpdatedAt()).isNull();
        assertThat(query("SELECT source_record_id || ':' || " + joinArray("dq_errors", ";")
                + " FROM raw.shopify__orders "
                + "ORDER BY source_record_id")).containsExactly(
                "1:unparseable change time updated_at: 2024-13-45T10:15:00Z",
                "2:unparseable change time updated_at: yesterday",
                "3:missing change time updated_at");
    }

    @Test
    void quickBooksFixtureRecordsLandWithNestedIdAndChangeTime() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(externalFixture("quickbooks-api/sandbox_records.jsonl"))) {
            if (line.startsWith("{\"stream\": \"invoices\"")) {
                lines.add(line.substring(line.indexOf("\"data\": ") + 8, line.lastIndexOf(", \"emitted_at\"")));
            }
        }
        Path file = write("invoices.jsonl", lines.toArray(String[]::new));
        StreamContract contract = StreamContract.of(List.of("Id"), "MetaData.LastUpdatedTime")
                .withCurrencyFields(List.of("CurrencyRef.value"));

        LoadResult result = land("load-1", file, FileFormat.JSONL, "quickbooks", "invoices", contract);

        assertThat(result.rowsLanded()).isEqualTo(5);
        assertThat(result.rowsWarned()).isZero();
        assertThat(query("SELECT count(*) FROM raw.quickbooks__invoices WHERE source_updated_at IS NULL"))
                .containsExactly("0");
    }

    @Test
    void malformedJsonArrayFailsNamingTheFileAndLandsNothing() throws Exception {
        Path file = write("bad.json", "[{\"id\":1},");
        assertThatThrownBy(() -> land("load-1", file, FileFormat.JSON_ARRAY, "ecommerce", "orders", ORDERS))
                .isInstanceOf(CairnException.class)
                .hasMessageContaining("Cannot land file bad.json for tenant acme into raw.ecommerce__orders")
                .satisfies(e -> assertThat(((CairnException) e).code()).isEqualTo(ErrorCode.BAD_INPUT));
        assertThat(warehouse.rawLoader().findLanded("load-1")).isEmpty();
        assertThat(count("raw._dead_letter")).isZero();
    }

    protected LoadResult land(String loadId, Path file, FileFormat format, String system, String stream,
            StreamContract contract) {
        return warehouse.rawLoader().land(new LoadRequest(ACME, system, stream, loadId, file,
                file.getFileName().toString(), format, contract, INGESTED_AT));
    }

    protected Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines));
        return file;
    }

    protected long count(String table) throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM " + table).get(0));
    }

    protected List<String> query(String sql) throws SQLException {
        return query(warehouse, sql);
    }

    /** The first column of every row of {@code sql} on a new connection of {@code warehouse}, as text. */
    public static List<String> query(Warehouse warehouse, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Locates {@code shared/fixtures/external} by walking up from the working directory. */
    public static Path externalFixture(String relative) {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared/fixtures/external");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative);
            }
        }
        throw new IllegalStateException("shared/fixtures/external not found above " + Path.of("").toAbsolutePath());
    }
}
