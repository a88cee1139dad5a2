package io.cairn.bench;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.common.Json;
import io.cairn.datagen.mock.ShopifyMockServer;
import io.cairn.connectors.shopify.ShopifySourceFactory;
import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.core.landing.LandingListener;
import io.cairn.core.landing.LandingService;
import io.cairn.core.rawzone.RawZone;
import io.cairn.core.sync.ConnectorSync;
import io.cairn.core.sync.SourceFactories;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.core.sync.SyncOptions;
import io.cairn.datagen.ShopifyOrdersFile;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceContext;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

/**
 * A full sync of a large Shopify tenant's orders through the mock API: records/s end to end (HTTP, raw files,
 * landing in DuckDB) and requests per 1,000 records against the page-size minimum (1000/250 = 4), then a second
 * sync with no changes (its requests are the incremental floor). Usage: {@code --orders N --dir DIR}.
 */
public final class ConnectorBenchmark {
    private static final String TOKEN = "shpat_bench";

    private ConnectorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int orders = Integer.parseInt(option(args, "--orders", "100000"));
        Path dir = Files.createTempDirectory(Path.of(option(args, "--dir", System.getProperty("java.io.tmpdir"))),
                "cairn-sync-bench");
        List<ObjectNode> records = orders(dir.resolve("orders.jsonl"), orders);
        System.out.printf(Locale.ROOT, "%,d generated Shopify orders (%.0f MB as JSONL)%n", records.size(),
                Files.size(dir.resolve("orders.jsonl")) / 1e6);
        try (ShopifyMockServer shop = new ShopifyMockServer(TOKEN, 1_000_000);
             ControlPlane controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:"
                     + dir.resolve("control")), MasterKeys.of(MasterKeys.generate()));
             DuckDbWarehouse warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), "4", null)) {
            shop.put("orders", records);
            shop.put("events", List.of());
            records.clear();
            TenantId tenant = TenantId.of("bench");
            controlPlane.tenants().upsert(new Tenant(tenant, "bench", Tenancy.SHARED, java.time.ZoneId.of("UTC"),
                    "USD", null));
            SourceDefinition definition = new SourceDefinition(tenant, "shopify", "shopify", "shopify", true,
                    Map.of("shop_url", shop.baseUrl().toString(), "access_token", TOKEN, "requests_per_second",
                            "100000", "bucket_leak_per_second", "1000000", "streams", "orders"));
            controlPlane.sources().upsert(definition);
            LandingService landing = new LandingService(controlPlane, warehouse, new RawZone(dir.resolve("data")), 1,
                    Clock.systemUTC(), LandingListener.NONE);
            ConnectorSync sync = new ConnectorSync(controlPlane, landing, new RawZone(dir.resolve("data")),
                    Clock.systemUTC(), SyncOptions.DEFAULT, SyncListener.NONE);
            run("full sync", controlPlane, sync, definition, shop);
            run("second sync, no changes", controlPlane, sync, definition, shop);
        }
    }

    private static void run(String label, ControlPlane controlPlane, ConnectorSync sync, SourceDefinition stored,
            ShopifyMockServer shop) {
        SourceDefinition definition = controlPlane.sources().find(stored.tenant(), stored.name()).orElseThrow();
        ShopifySourceFactory factory = new ShopifySourceFactory();
        shop.http().clearRequests();
        long started = System.nanoTime();
        StreamSyncReport report;
        try (Source source = factory.open(SourceFactories.config(definition, factory, controlPlane.credentials()),
                new SourceContext(controlPlane.credentials()))) {
            report = sync.syncStream(definition, source, "orders");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int requests = shop.requestCount();
        double perThousand = report.recordsRead() == 0 ? 0 : requests * 1000.0 / report.recordsRead();
        System.out.printf(Locale.ROOT, "%-24s %,9d records read, %,9d landed in %6.1fs = %,8.0f records/s; "
                        + "%,5d requests = %5.2f per 1,000 records (page-size minimum 4.00, ratio %.2f)%s%n", label,
                report.recordsRead(), report.rowsLanded(), seconds, report.recordsRead() / seconds, requests,
                perThousand, perThousand / 4.0, report.error() == null ? "" : " ERROR " + report.error());
    }

    private static List<ObjectNode> orders(Path file, int count) throws Exception {
        ShopifyOrdersFile.write(file, (long) count * 4_000L, 42);
        List<ObjectNode> records = new ArrayList<>(count);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null && records.size() < count; line = reader.readLine()) {
                records.add((ObjectNode) Json.MAPPER.readTree(line));
            }
        }
        return records;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
