package io.cairn.core.landing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.LoadRecord;
import io.cairn.core.controlplane.LoadStatus;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.rawzone.RawZone;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.LoadResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LandingServiceTest {
    private static final String ORDERS_1 = """
            {"id":1,"updated_at":"2024-01-03T10:15:00Z","currency":"USD","total":"10.00"}
            {"id":2,"updated_at":"2024-01-03T11:00:00Z","currency":"USD","total":"5.00"}
            {"id":2,"updated_at":"2024-01-03T11:00:00Z","currency":"USD","total":"5.00"}
            {"id":3, "trunc
            """;
    private static final String ORDERS_2 = """
            {"id":2,"updated_at":"2024-01-04T09:00:00Z","currency":"USD","total":"4.00"}
            {"id":4,"updated_at":"2024-01-04T10:00:00Z","currency":"ZZZ","total":"1.00"}
            {"total":"1.00"}
            """;

    @TempDir
    Path dir;

    @Test
    void landsDropsIntoTheRawZoneLayoutAndRecordsEveryLoad() throws Exception {
        try (LandingFixture fixture = new LandingFixture(dir)) {
            SourceDefinition source = fixture.addFileSource("acme", "shopify");
            fixture.drop("acme", "shopify", "orders", "a.jsonl", ORDERS_1);

            SyncReport report = fixture.service(LandingListener.NONE).sync(List.of(source));

            LoadOutcome load = report.loads().get(0);
            assertThat(load.result()).isEqualTo(new LoadResult(load.loadId(), 4, 2, 1, 1, 0,
                    "2024-01-03T11:00Z", false));
            Path rawFile = Path.of(load.rawFile());
            assertThat(fixture.rawZone.root().relativize(rawFile).toString())
                    .isEqualTo("raw/acme/shopify/orders/ingest_date=2024-02-01/" + load.loadId() + ".jsonl");
            assertThat(Files.readString(rawFile)).as("raw files are kept untouched").isEqualTo(ORDERS_1);
            assertThat(RawZone.successMarker(rawFile)).exists();
            assertThat(fixture.rawZone.inbox(TenantId.of("acme"), "shopify").resolve("orders")).isEmptyDirectory();
            LoadRecord record = fixture.controlPlane.loads().find(load.loadId()).orElseThrow();
            assertThat(record.status()).isEqualTo(LoadStatus.LANDED);
            assertThat(record.result().rowsLanded()).isEqualTo(2);
            assertThat(fixture.controlPlane.state().get(TenantId.of("acme"), "shopify", "orders").orElseThrow()
                    .cursor()).contains("\"max_source_updated_at\":\"2024-01-03T11:00Z\"");
            assertThat(fixture.query("SELECT source_file FROM raw._dead_letter"))
                    .containsExactly("raw/acme/shopify/orders/ingest_date=2024-02-01/" + load.loadId() + ".jsonl");
        }
    }

    @Test
    void replayedDropAddsNoRows() throws Exception {
        try (LandingFixture fixture = new LandingFixture(dir)) {
            SourceDefinition source = fixture.addFileSource("acme", "shopify");
            fixture.drop("acme", "shopify", "orders", "a.jsonl", ORDERS_1);
            fixture.service(LandingListener.NONE).sync(List.of(source));
            List<String> before = fixture.warehouseContents();

            fixture.drop("acme", "shopify", "orders", "a.jsonl", ORDERS_1);
            SyncReport replay = fixture.service(LandingListener.NONE).sync(List.of(source));

            assertThat(replay.loads()).hasSize(1);
            LoadResult result = replay.loads().get(0).result();
            assertThat(result.rowsLanded()).isZero();
            assertThat(result.rowsDuplicate()).isEqualTo(3);
            assertThat(result.rowsDeadLettered()).isEqualTo(1);
            List<String> after = fixture.warehouseContents();
            assertThat(after.subList(0, after.indexOf("ledger")))
                    .isEqualTo(before.subList(0, before.indexOf("ledger")));
        }
    }

    @Test
    void crashBetweenLandingAndStateUpdateThenRerunEqualsOneCleanRun() throws Exception {
        List<String> clean;
        try (LandingFixture fixture = new LandingFixture(dir.resolve("clean"))) {
            SourceDefinition source = fixture.addFileSource("acme", "shopify");
            fixture.drop("acme", "shopify", "orders", "a.jsonl", ORDERS_1);
            fixture.drop("acme", "shopify", "orders", "b.jsonl", ORDERS_2);
            fixture.service(LandingListener.NONE).sync(List.of(source));
            clean = fixture.warehouseContents();
        }
        try (LandingFixture fixture = new LandingFixture(dir.resolve("crashed"))) {
            SourceDefinition source = fixture.addFileSource("acme", "shopify");
            fixture.drop("acme", "shopify", "orders", "a.jsonl", ORDERS_1);
            fixture.drop("acme", "shopify", "orders", "b.jsonl", ORDERS_2);
            LandingListener crash = new LandingListener() {
                @Override
                public void afterWarehouseCommit(String loadId, LoadResult result) {
                    throw new IllegalStateException("simulated crash after the warehouse commit of " + loadId);
                }
            };
            assertThatThrownBy(() -> fixture.service(crash).sync(List.of(source)))
                    .hasMessageContaining("simulated crash");
            assertThat(fixture.controlPlane.loads().unfinished(TenantId.of("acme")))
                    .as("the control plane never heard of the landing").isNotEmpty()
                    .allMatch(load -> load.status() == LoadStatus.STAGED);
            assertThat(fixture.controlPlane.state().get(TenantId.of("acme"), "shopify", "orders"))
                    .as("the cursor did not move").isEmpty();

            SyncReport rerun = fixture.service(LandingListener.NONE).sync(List.of(source));

            assertThat(fixture.warehouseContents()).isEqualTo(clean);
            assertThat(fixture.controlPlane.loads().unfinished(TenantId.of("acme"))).isEmpty();
            assertThat(rerun.loads()).extracting(LoadOutcome::failed).containsOnly(false);
            assertThat(fixture.controlPlane.state().get(TenantId.of("acme"), "shopify", "orders").orElseThrow()
                    .cursor()).contains("\"max_source_updated_at\":\"2024-01-04T10:00Z\"");
        }
    }

    @Test
    void crashAfterRecordingAMoveIsFinishedOnTheNextSync() throws Exception {
        try (LandingFixture fixture = new LandingFixture(dir)) {
            SourceDefinition source = fixture.addFileSource("acme", "shopify");
            fixture.drop("acme", "shopify", "orders", "a.jsonl", ORDERS_1);
            Path inboxFile = fixture.rawZone.inbox(TenantId.of("acme"), "shopify").resolve("orders/a.jsonl");
            Path rawFile = fixture.rawZone.root().resolve("raw/acme/shopify/orders/ingest_date=2024-02-01/L1.jsonl");
            fixture.controlPlane.loads().insert(new LoadRecord("L1", TenantId.of("acme"), "shopify", "orders",
                    inboxFile.toString(), rawFile.toString(), "JSONL", LoadStatus.MOVING, 100, null,
                    Instant.parse("2024-02-01T00:00:00Z"), null, null));

            SyncReport report = fixture.service(LandingListener.NONE).sync(List.of(source));

            assertThat(report.loads()).extracting(LoadOutcome::loadId).containsExactly("L1");
            assertThat(rawFile).exists();
            assertThat(fixture.query("SELECT count(*) FROM raw.shopify__orders")).containsExactly("2");
        }
    }

    @Test
    void aLoadThatFailedForAPassingReasonLandsWhenRestaged() throws Exception {
        try (LandingFixture fixture = new LandingFixture(dir)) {
            SourceDefinition source = fixture.addFileSource("acme", "shopify");
            fixture.drop("acme", "shopify", "orders", "a.jsonl", ORDERS_1);
            LandingListener warehouseDown = new LandingListener() {
                @Override
                public void afterWarehouseCommit(String loadId, LoadResult result) {
                    throw new io.cairn.spi.CairnException(io.cairn.spi.ErrorCode.WAREHOUSE, "warehouse went away");
                }
            };
            SyncReport failed = fixture.service(warehouseDown).sync(List.of(source));
            assertThat(failed.loads()).singleElement().satisfies(load ->
                    assertThat(load.error()).isEqualTo("warehouse went away"));
            assertThat(fixture.service(LandingListener.NONE).sync(List.of(source)).loads())
                    .as("a failed load is not retried on its own").isEmpty();

            int restaged = fixture.service(LandingListener.NONE).restageFailed(source);
            SyncReport retried = fixture.service(LandingListener.NONE).sync(List.of(source));

            assertThat(restaged).isEqualTo(1);
            assertThat(retried.loads()).singleElement().satisfies(load -> {
                assertThat(load.failed()).isFalse();
                assertThat(load.result().rowsLanded() + load.result().rowsDuplicate()).isEqualTo(3);
            });
            assertThat(fixture.query("SELECT count(*) FROM raw.shopify__orders")).containsExactly("2");
            assertThat(fixture.controlPlane.loads().failed(TenantId.of("acme"), "shopify")).isEmpty();
        }
    }

    @Test
    void aBrokenFileFailsItsLoadOnlyAndStaysInTheRawZone() throws Exception {
        try (LandingFixture fixture = new LandingFixture(dir)) {
            SourceDefinition source = fixture.addFileSource("acme", "ecommerce");
            fixture.drop("acme", "ecommerce", "orders", "broken.json", "[{\"order_id\":1},");
            fixture.drop("acme", "ecommerce", "returns", "ok.json", "[{\"id\":1,\"updated_at\":\"2024-01-01\"}]");

            SyncReport report = fixture.service(LandingListener.NONE).sync(List.of(source));

            assertThat(report.loads()).hasSize(2);
            LoadOutcome broken = report.loads().stream().filter(LoadOutcome::failed).findFirst().orElseThrow();
            assertThat(broken.error()).contains("tenant acme", "raw.ecommerce__orders", "not one well-formed JSON array");
            assertThat(Path.of(broken.rawFile())).exists();
            assertThat(fixture.controlPlane.loads().find(broken.loadId()).orElseThrow().status())
                    .isEqualTo(LoadStatus.FAILED);
            assertThat(fixture.query("SELECT count(*) FROM raw.ecommerce__returns")).containsExactly("1");
        }
    }
}
