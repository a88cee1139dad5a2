package io.cairn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.landing.LoadOutcome;
import io.cairn.core.landing.RawInventory;
import io.cairn.core.landing.SyncReport;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.TenantId;

/**
 * Prints a sync per tenant and stream: what this run read, landed, found duplicated and dead-lettered, what the
 * warehouse now holds, and (for generated data) what the generator's ground truth expects it to hold. Streams read
 * through an API (a mock serving the generated files) hold one row per distinct id and no dead letters: an API
 * serves each record's current version, never the duplicates, superseded versions and broken lines of a file drop.
 */
final class SyncSummary {
    private SyncSummary() {}

    static void print(PrintWriter out, SyncRun run, ProjectContext context, Path truthDir, Set<String> apiStreams) {
        SyncReport report = run.report();
        Map<String, SyncReport.StreamTotals> all = new TreeMap<>(report.totals());
        run.streams().forEach(key -> all.putIfAbsent(key, new SyncReport.StreamTotals(0, 0, 0, 0, 0, 0, 0, 0)));
        TextTable table = truthDir == null
                ? new TextTable("tenant", "source/stream", "loads", "read", "landed", "duplicates", "dead-lettered",
                        "warned", "time", "raw rows")
                : new TextTable("tenant", "source/stream", "loads", "read", "landed", "duplicates", "dead-lettered",
                        "warned", "time", "raw rows", "expected", "check");
        Map<String, JsonNode> truths = new HashMap<>();
        all.forEach((key, totals) -> {
            String[] parts = key.split("/", 3);
            TenantId tenant = TenantId.of(parts[0]);
            String system = context.controlPlane().sources().find(tenant, parts[1])
                    .map(SourceDefinition::system).orElse(parts[1]);
            Tenancy tenancy = context.controlPlane().tenants().find(tenant).map(Tenant::tenancy)
                    .orElse(Tenancy.SHARED);
            RawInventory.Counts counts = RawInventory.count(context.warehouse(),
                    TenantLayout.of(tenant, tenancy).rawSchema(), tenant, system, parts[2]);
            String time = String.format("%.2fs", totals.millis() / 1000.0);
            if (truthDir == null) {
                table.row(parts[0], parts[1] + "/" + parts[2], totals.loads(), totals.read(), totals.landed(),
                        totals.duplicates(), totals.deadLettered(), totals.warned(), time, counts.rows());
                return;
            }
            JsonNode expected = truths.computeIfAbsent(parts[0], id -> readTruth(truthDir.resolve(id + ".json")))
                    .path("streams").path(parts[1] + "/" + parts[2]);
            boolean api = apiStreams.contains(key);
            long expectedRows = expected.path(api ? "distinct_ids" : "expected_landed").asLong(-1);
            long expectedDead = api ? 0 : expected.path("expected_dead_letter").asLong(-1);
            boolean ok = expectedRows == counts.rows() && expectedDead == counts.deadLetters();
            table.row(parts[0], parts[1] + "/" + parts[2], totals.loads(), totals.read(), totals.landed(),
                    totals.duplicates(), totals.deadLettered(), totals.warned(), time, counts.rows(),
                    expectedRows, ok ? "ok" : "MISMATCH");
        });
        if (table.isEmpty()) {
            out.println("Nothing to land: no complete drop (a folder with _SUCCESS) in any selected inbox, "
                    + "and no connector source selected.");
            return;
        }
        table.print(out);
        for (LoadOutcome load : report.loads()) {
            if (load.failed()) {
                out.printf("FAILED load %s (%s/%s/%s): %s%n", load.loadId(), load.tenant(), load.source(),
                        load.stream(), load.error());
            }
        }
        out.flush();
    }

    /** The report as JSON: {@code {"loads": [...], "failed": n}}, one object per load with its figures. */
    static String toJson(SyncRun run) {
        SyncReport report = run.report();
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode loads = root.putArray("loads");
        for (LoadOutcome load : report.loads()) {
            com.fasterxml.jackson.databind.node.ObjectNode node = loads.addObject()
                    .put("tenant", load.tenant().value())
                    .put("source", load.source())
                    .put("stream", load.stream())
                    .put("load_id", load.loadId())
                    .put("raw_file", load.rawFile())
                    .put("millis", load.elapsed().toMillis());
            if (load.failed()) {
                node.put("error", load.error());
            }
            else {
                node.put("records_read", load.result().recordsRead())
                        .put("rows_landed", load.result().rowsLanded())
                        .put("rows_duplicate", load.result().rowsDuplicate())
                        .put("rows_dead_lettered", load.result().rowsDeadLettered())
                        .put("rows_warned", load.result().rowsWarned())
                        .put("replayed", load.result().replayed());
            }
        }
        root.put("failed", report.loads().stream().filter(LoadOutcome::failed).count() + run.failures().size());
        com.fasterxml.jackson.databind.node.ArrayNode failures = root.putArray("failures");
        run.failures().forEach(failures::add);
        return root.toPrettyString();
    }

    private static JsonNode readTruth(Path file) {
        try {
            return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : new ObjectMapper().createObjectNode();
        }
        catch (IOException e) {
            return new ObjectMapper().createObjectNode();
        }
    }
}
