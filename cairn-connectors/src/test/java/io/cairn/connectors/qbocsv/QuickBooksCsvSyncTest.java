package io.cairn.connectors.qbocsv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.connectors.testing.SyncFixture;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.SourceContext;

import static org.assertj.core.api.Assertions.assertThat;

class QuickBooksCsvSyncTest {
    private static final Instant EXPORTED = Instant.parse("2025-02-03T04:05:06Z");

    @TempDir
    Path dir;

    private void export(String name, String csv) throws Exception {
        Path file = dir.resolve("exports").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
        Files.setLastModifiedTime(file, FileTime.from(EXPORTED));
    }

    @Test
    void exportsLandInTheQuickBooksStreamsWithApiShapedPayloads() throws Exception {
        export("Customers.csv", "\uFEFFCustomer,Company,Email,Phone,Street,City,State,Zip,Country,Open Balance,Currency\n"
                + "Amy's Bird Sanctuary,Amy's Bird Sanctuary,birds@example.com,(650) 555-3311,4581 Finch St.,"
                + "Bayshore,CA,94326,USA,\"1,239.00\",USD\n"
                + "\"Cool Cars, Inc.\",,cars@example.com,,,,,,,0.00,USD\n");
        export("ProductsServices.csv", "Product/Service Name,Sales Description,SKU,Type,Sales Price / Rate,Taxable,"
                + "Income Account,Purchase Description,Purchase Cost,Expense Account,Quantity On Hand\n"
                + "Rock Fountain,Rock Fountain,RF-01,Inventory,275.00,Yes,Sales of Product Income,,125.00,"
                + "Cost of Goods Sold,2\n"
                + "Design,Custom Design,,Service,75.00,No,Design income,,,,\n");
        export("sales receipts.csv", "Sales Receipt No,Customer,Sales Receipt Date,Payment Method,Deposit To,Memo,"
                + "Product/Service,Item Description,Item Quantity,Item Rate,Item Amount,Taxable,Currency\n"
                + "1008,Amy's Bird Sanctuary,01/15/2025,Check,Undeposited Funds,,Rock Fountain,Rock Fountain,1,"
                + "275.00,275.00,Yes,USD\n"
                + "1008,Amy's Bird Sanctuary,01/15/2025,Check,Undeposited Funds,,Design,\"Design, 2 hours\",2,75.00,"
                + "150.00,No,USD\n");
        export("invoices.csv", "Invoice No,Customer,Invoice Date,Due Date,Terms,Memo,Product/Service,"
                + "Item Description,Item Quantity,Item Rate,Item Amount,Taxable,Currency\n"
                + "1037,\"Cool Cars, Inc.\",2025-01-20,2025-02-19,Net 30,thanks,Design,Design,3,75.00,225.00,No,USD\n");

        try (SyncFixture sync = new SyncFixture(dir)) {
            sync.addSource("acme", "seed", "files", Map.of());
            SourceDefinition exports = new SourceDefinition(TenantId.of("acme"), "qb_exports", "quickbooks_csv",
                    "quickbooks", true, Map.of("path", dir.resolve("exports").toString()));
            sync.controlPlane.sources().upsert(exports);
            QuickBooksCsvSourceFactory factory = new QuickBooksCsvSourceFactory();

            List<StreamSyncReport> first = sync.sync(exports, factory, SourceContext.inMemory(), 20,
                    io.cairn.core.sync.SyncListener.NONE);

            assertThat(first).extracting(StreamSyncReport::stream, StreamSyncReport::rowsLanded).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("customers", 2L),
                    org.assertj.core.groups.Tuple.tuple("items", 2L),
                    org.assertj.core.groups.Tuple.tuple("sales_receipts", 1L),
                    org.assertj.core.groups.Tuple.tuple("invoices", 1L));
            // DuckDB prints JSON numbers as doubles; the raw payload keeps the exact decimals as exported
            assertThat(sync.query("SELECT source_system, source_record_id, CAST(source_updated_at AS VARCHAR), "
                    + "payload->>'$.TotalAmt', payload->>'$.TxnDate', payload->>'$.CustomerRef.name', "
                    + "json_array_length(payload->'$.Line'), payload->'$.Line[1].SalesItemLineDetail' "
                    + "FROM raw.quickbooks__sales_receipts")).containsExactly("quickbooks|csv-1008|"
                    + "2025-02-03 04:05:06+00|425.0|2025-01-15|Amy's Bird Sanctuary|2|"
                    + "{\"ItemRef\":{\"name\":\"Design\"},\"Qty\":2,\"UnitPrice\":75.0,\"TaxCodeRef\":{\"name\":\"NON\"}}");
            assertThat(sync.query("SELECT source_record_id, payload->>'$.DisplayName', payload->>'$.Balance', "
                    + "payload->>'$.BillAddr.City', payload->>'$.PrimaryEmailAddr.Address', dq_status "
                    + "FROM raw.quickbooks__customers ORDER BY 1")).containsExactly(
                    "csv-Amy's Bird Sanctuary|Amy's Bird Sanctuary|1239.0|Bayshore|birds@example.com|ok",
                    "csv-Cool Cars, Inc.|Cool Cars, Inc.|0.0|null|cars@example.com|ok");
            assertThat(sync.query("SELECT source_record_id, payload->>'$.Sku', payload->>'$.UnitPrice', "
                    + "payload->>'$.Taxable', payload->>'$.IncomeAccountRef.name', payload->>'$.QtyOnHand' "
                    + "FROM raw.quickbooks__items ORDER BY 1")).containsExactly(
                    "csv-Design|null|75.0|false|Design income|null",
                    "csv-Rock Fountain|RF-01|275.0|true|Sales of Product Income|2");
            assertThat(sync.query("SELECT payload->>'$.DocNumber', payload->>'$.DueDate', payload->>'$.TotalAmt', "
                    + "payload->>'$.PrivateNote' FROM raw.quickbooks__invoices"))
                    .containsExactly("1037|2025-02-19|225.0|thanks");

            List<StreamSyncReport> second = sync.sync(exports, factory, SourceContext.inMemory(), 20,
                    io.cairn.core.sync.SyncListener.NONE);
            assertThat(second).as("the same exports again land nothing").extracting(StreamSyncReport::rowsLanded)
                    .containsOnly(0L);
        }
    }

    @Test
    void amountsAndDatesAsQuickBooksWritesThem() {
        assertThat(QuickBooksCsvExports.decimal("$1,234.50")).isEqualByComparingTo("1234.50");
        assertThat(QuickBooksCsvExports.decimal("(5.00)")).isEqualByComparingTo("-5.00");
        assertThat(QuickBooksCsvExports.date("1/5/2025")).isEqualTo("2025-01-05");
        assertThat(CsvReader.parse("a,\"b \"\"x\"\", y\"\r\n\r\n1,2")).containsExactly(List.of("a", "b \"x\", y"),
                List.of("1", "2"));
    }
}
