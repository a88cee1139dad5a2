package io.cairn.core.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.LoadRecord;
import io.cairn.core.controlplane.LoadStatus;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.StreamState;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.landing.LandingListener;
import io.cairn.core.landing.LandingService;
import io.cairn.core.rawzone.RawZone;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.LoadResult;
import io.cairn.spi.raw.StreamContract;
import io.cairn.spi.source.Checkpoint;
import io.cairn.spi.source.RecordSink;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.StreamDescriptor;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's promises with a scripted source: raw layout, load records, and checkpoints behind durable data. */
class ConnectorSyncTest {
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;
    private ControlPlane controlPlane;
    private DuckDbWarehouse warehouse;
    private RawZone rawZone;
    private SourceDefinition definition;

    @BeforeEach
    void open() {
        controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control")));
        warehouse = DuckDbWarehouse.open(dir.resolve("w.duckdb"), "1", null);
        rawZone = new RawZone(dir.resolve("data"));
        controlPlane.tenants().upsert(new Tenant(ACME, "Acme", Tenancy.SHARED, ZoneId.of("UTC"), "USD",
                Instant.parse("2024-01-01T00:00:00Z")));
        definition = new SourceDefinition(ACME, "shop", "scripted", "shopify", true, Map.of());
        controlPlane.sources().upsert(definition);
    }

    @AfterEach
    void close() {
        warehouse.close();
        controlPlane.close();
    }

    /** Emits pages of two orders, a checkpoint after each, and optionally fails after {@code failAfter} pages. */
    private record Scripted(int pages, int failAfter) implements Source {
        @Override
        public List<StreamDescriptor> streams() {
            return List.of(new StreamDescriptor("orders", StreamContract.of(List.of("id"), "updated_at"), true,
                    "scripted"));
        }

        @Override
        public void read(String stream, Checkpoint from, RecordSink sink) {
            for (int page = 1; page <= pages; page++) {
                if (page > failAfter) {
                    throw SourceException.transientFailure("Cannot read page %d: scripted failure", page);
                }
                for (int i = 1; i <= 2; i++) {
                    sink.record("{\"id\":" + (page * 10 + i) + ",\"updated_at\":\"2024-01-0" + page + "T00:00:00Z\"}");
                }
                sink.checkpoint(new Checkpoint("{\"page\":" + page + "}"));
            }
        }
    }

    private ConnectorSync runner(int checkpointsPerFile, LandingListener landingListener) {
        LandingService landing = new LandingService(controlPlane, warehouse, rawZone, 1, Clock.systemUTC(),
                landingListener);
        return new ConnectorSync(controlPlane, landing, rawZone, Clock.systemUTC(),
                new SyncOptions(checkpointsPerFile), SyncListener.NONE);
    }

    private String savedCheckpoint() {
        return controlPlane.state().get(ACME, "shop", "orders").map(StreamState::cursor).orElse(null);
    }

    private List<Path> rawFiles() throws Exception {
        try (Stream<Path> files = Files.walk(rawZone.root().resolve("raw"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void landsClosedFilesInTheRawLayoutAndSavesTheLastCheckpoint() throws Exception {
        List<StreamSyncReport> reports = runner(2, LandingListener.NONE).sync(definition, new Scripted(3, 3));

        StreamSyncReport report = reports.get(0);
        assertThat(report.recordsRead()).isEqualTo(6);
        assertThat(report.rowsLanded()).isEqualTo(6);
        assertThat(report.loads()).as("two pages per file, then the rest at the end").hasSize(2);
        assertThat(savedCheckpoint()).isEqualTo("{\"page\":3}");
        List<String> names = new ArrayList<>();
        for (Path file : rawFiles()) {
            names.add(rawZone.root().relativize(file).toString().replaceAll("[0-9A-Z]{26}", "ID")
                    .replaceAll("ingest_date=[0-9-]+", "ingest_date=D"));
        }
        assertThat(names).containsExactly("raw/acme/shop/orders/ingest_date=D/ID._SUCCESS",
                "raw/acme/shop/orders/ingest_date=D/ID.jsonl", "raw/acme/shop/orders/ingest_date=D/ID._SUCCESS",
                "raw/acme/shop/orders/ingest_date=D/ID.jsonl");
        assertThat(controlPlane.loads().list(ACME, "shop", 10)).extracting(LoadRecord::status)
                .containsOnly(LoadStatus.LANDED);
    }

    @Test
    void aFailingSourceKeepsTheCheckpointOfWhatLandedAndLeavesNoPartialFile() throws Exception {
        StreamSyncReport report = runner(1, LandingListener.NONE).sync(definition, new Scripted(3, 2)).get(0);

        assertThat(report.error()).contains("scripted failure");
        assertThat(report.rowsLanded()).isEqualTo(4);
        assertThat(savedCheckpoint()).isEqualTo("{\"page\":2}");
        assertThat(rawFiles()).noneMatch(file -> file.getFileName().toString().endsWith(".partial"));
    }

    @Test
    void aLoadThatFailsToLandSavesNoCheckpoint() {
        LandingListener failing = new LandingListener() {
            @Override
            public void afterWarehouseCommit(String loadId, LoadResult result) {
                throw new CairnException(ErrorCode.CONTROL_PLANE, "Cannot record load %s: scripted", loadId);
            }
        };

        StreamSyncReport report = runner(1, failing).sync(definition, new Scripted(3, 3)).get(0);

        assertThat(report.error()).contains("Cannot land load", "tenant acme source shop stream orders");
        assertThat(savedCheckpoint()).as("the cursor never moves past data that did not land").isNull();
    }
}
