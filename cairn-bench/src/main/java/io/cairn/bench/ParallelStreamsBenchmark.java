package io.cairn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.quickbooks.QuickBooksSourceFactory;
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
import io.cairn.datagen.mock.QuickBooksMockServer;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceContext;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

/**
 * A full sync of all 14 streams of one mock QuickBooks company whose every answer takes {@code --latency-ms} (a real
 * API's round trip), with each {@code parallel_streams} value in {@code --parallel}, alternating, each run into a
 * fresh control plane and warehouse, after one unrecorded warm-up round. Prints the median time per setting and its
 * speed-up over the first setting.
 * Usage: {@code --records N --latency-ms L --parallel 1,3,6 --runs R --dir DIR}.
 */
public final class ParallelStreamsBenchmark {
    private static final String REALM = "4620816365";
    private static final String CLIENT = "bench-client";
    private static final String SECRET = "bench-secret";
    private static final String[] ENTITIES = {"Invoice", "Payment", "Purchase", "Bill", "BillPayment",
        "SalesReceipt", "CreditMemo", "RefundReceipt", "Account", "Customer", "Vendor", "Item", "JournalEntry",
        "Deposit"};

    private ParallelStreamsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(BenchSupport.option(args, "--records", "2000"));
        int latency = Integer.parseInt(BenchSupport.option(args, "--latency-ms", "100"));
        int runs = Integer.parseInt(BenchSupport.option(args, "--runs", "3"));
        int[] settings = Arrays.stream(BenchSupport.option(args, "--parallel", "1,3,6").split(","))
                .mapToInt(value -> Integer.parseInt(value.strip())).toArray();
        Path root = Files.createTempDirectory(Path.of(BenchSupport.option(args, "--dir",
                System.getProperty("java.io.tmpdir"))), "cairn-parallel-bench");
        Map<Integer, List<Double>> times = new LinkedHashMap<>();
        try (QuickBooksMockServer server = new QuickBooksMockServer(REALM, CLIENT, SECRET, "rt-bench")) {
            for (String entity : ENTITIES) {
                server.put(entity, records(entity, records));
            }
            server.http().latency(Duration.ofMillis(latency));
            System.out.printf(Locale.ROOT, "14 QuickBooks streams x %,d records, %d ms per answer, page size 1000, "
                    + "max_concurrent 10%n", records, latency);
            for (int run = 0; run <= runs; run++) {
                for (int parallel : settings) {
                    Path dir = root.resolve("run-" + run + "-p" + parallel);
                    double seconds = syncOnce(server, dir, parallel, 14L * records);
                    if (run > 0) {
                        times.computeIfAbsent(parallel, p -> new ArrayList<>()).add(seconds);
                    }
                    BenchSupport.deleteRecursively(dir);
                }
            }
        }
        finally {
            BenchSupport.deleteRecursively(root);
        }
        report(times, 14L * records);
    }

    private static double syncOnce(QuickBooksMockServer server, Path dir, int parallel, long expected) {
        try (ControlPlane controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:"
                + dir.resolve("control")), MasterKeys.of(MasterKeys.generate()));
             DuckDbWarehouse warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), "2", null)) {
            TenantId tenant = TenantId.of("bench");
            controlPlane.tenants().upsert(new Tenant(tenant, "bench", Tenancy.SHARED, ZoneId.of("UTC"), "USD", null));
            Map<String, String> options = new HashMap<>(Map.of("base_url", server.baseUrl().toString(), "token_url",
                    server.tokenUrl().toString(), "realm_id", REALM, "client_id", CLIENT, "client_secret", SECRET,
                    "refresh_token", server.currentRefreshToken(), "requests_per_minute", "100000"));
            options.put(SourceFactories.PARALLEL_STREAMS_OPTION, Integer.toString(parallel));
            controlPlane.sources().upsert(new SourceDefinition(tenant, "books", "quickbooks", "quickbooks", true,
                    options));
            SourceDefinition definition = controlPlane.sources().find(tenant, "books").orElseThrow();
            RawZone rawZone = new RawZone(dir.resolve("data"));
            LandingService landing = new LandingService(controlPlane, warehouse, rawZone, 1, Clock.systemUTC(),
                    LandingListener.NONE);
            ConnectorSync sync = new ConnectorSync(controlPlane, landing, rawZone, Clock.systemUTC(),
                    SyncOptions.DEFAULT, SyncListener.NONE);
            QuickBooksSourceFactory factory = new QuickBooksSourceFactory();
            long started = System.nanoTime();
            List<StreamSyncReport> reports;
            try (Source source = factory.open(SourceFactories.config(definition, factory, controlPlane.credentials()),
                    new SourceContext(controlPlane.credentials()))) {
                reports = sync.sync(definition, source);
            }
            double seconds = BenchSupport.seconds(started);
            long landed = reports.stream().mapToLong(StreamSyncReport::rowsLanded).sum();
            if (landed != expected || reports.stream().anyMatch(StreamSyncReport::failed)) {
                throw new IllegalStateException("parallel_streams " + parallel + " landed " + landed + " of "
                        + expected + " rows: " + reports);
            }
            System.out.printf(Locale.ROOT, "parallel_streams %2d: %,d rows landed in %5.2f s, %d requests%n", parallel,
                    landed, seconds, server.http().requests().size());
            server.http().clearRequests();
            return seconds;
        }
    }

    private static void report(Map<Integer, List<Double>> times, long rows) {
        double baseline = BenchSupport.median(times.values().iterator().next());
        System.out.printf(Locale.ROOT, "%n| parallel_streams | median time | rows/s | speed-up vs %d |%n|---|---|---|---|%n",
                times.keySet().iterator().next());
        times.forEach((parallel, values) -> {
            double median = BenchSupport.median(values);
            System.out.printf(Locale.ROOT, "| %d | %.2f s | %,.0f | %.2fx |%n", parallel, median, rows / median,
                    baseline / median);
        });
    }

    private static List<ObjectNode> records(String entity, int count) {
        ObjectMapper json = new ObjectMapper();
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        List<ObjectNode> records = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ObjectNode record = json.createObjectNode().put("Id", Integer.toString(i)).put("DocNumber", "D-" + i)
                    .put("Active", true).put("TotalAmt", (i % 997) + ".25");
            record.putObject("CustomerRef").put("value", Integer.toString(i % 50)).put("name", entity + " party");
            ArrayNode lines = record.putArray("Line");
            for (int line = 1; line <= 3; line++) {
                lines.addObject().put("Id", Integer.toString(line)).put("Amount", line + ".00")
                        .put("DetailType", "SalesItemLineDetail").put("Description", "line " + line + " of " + i);
            }
            record.putObject("MetaData").put("CreateTime", base.toString()).put("LastUpdatedTime",
                    base.plusSeconds(i).atOffset(ZoneOffset.UTC).toString());
            records.add(record);
        }
        return records;
    }
}
