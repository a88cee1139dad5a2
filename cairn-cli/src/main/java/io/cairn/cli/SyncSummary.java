package io.cairn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.landing.LoadOutcome;
import io.cairn.core.landing.RawInventory;
import io.cairn.core.landing.SyncReport;
import io.cairn.spi.TenantId;

/**
 * Prints a sync per tenant and stream: what this run read, landed, found duplicated and dead-lettered, what the
 * warehouse now holds, and (for generated data) what the generator's ground truth expects it to hold.
 */
final class SyncSummary {
    private SyncSummary() {}

    static void print(PrintWriter out, SyncReport report, ProjectContext context, Path truthDir) {
        TextTable table = truthDir == null
                ? new TextTable("tenant", "source/stream", "loads", "read", "landed", "duplicates", "dead-lettered",
                        "warned", "time", "raw rows")
                : new TextTable("tenant", "source/stream", "loads", "read", "landed", "duplicates", "dead-lettered",
                        "warned", "time", "raw rows", "expected", "check");
        Map<String, JsonNode> truths = new HashMap<>();
        report.totals().forEach((key, totals) -> {
            String[] parts = key.split("/", 3);
            TenantId tenant = TenantId.of(parts[0]);
            String system = context.controlPlane().sources().find(tenant, parts[1])
                    .map(SourceDefinition::system).orElse(parts[1]);
            RawInventory.Counts counts = RawInventory.count(context.warehouse(), tenant, system, parts[2]);
            String time = String.format("%.2fs", totals.millis() / 1000.0);
            if (truthDir == null) {
                table.row(parts[0], parts[1] + "/" + parts[2], totals.loads(), totals.read(), totals.landed(),
                        totals.duplicates(), totals.deadLettered(), totals.warned(), time, counts.rows());
                return;
            }
            JsonNode expected = truths.computeIfAbsent(parts[0], id -> readTruth(truthDir.resolve(id + ".json")))
                    .path("streams").path(parts[1] + "/" + parts[2]);
            long expectedRows = expected.path("expected_landed").asLong(-1);
            long expectedDead = expected.path("expected_dead_letter").asLong(-1);
            boolean ok = expectedRows == counts.rows() && expectedDead == counts.deadLetters();
            table.row(parts[0], parts[1] + "/" + parts[2], totals.loads(), totals.read(), totals.landed(),
                    totals.duplicates(), totals.deadLettered(), totals.warned(), time, counts.rows(),
                    expectedRows, ok ? "ok" : "MISMATCH");
        });
        if (table.isEmpty()) {
            out.println("Nothing to land: no complete drop (a folder with _SUCCESS) in any selected inbox.");
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
    static String toJson(SyncReport report) {
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
        root.put("failed", report.loads().stream().filter(LoadOutcome::failed).count());
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
