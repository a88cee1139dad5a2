package io.cairn.core.model.artifacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.core.model.NodeResult;
import io.cairn.core.model.RunResult;

/** Writes {@code run_results.json} in dbt's shape. */
public final class RunResultsWriter {
    private RunResultsWriter() {}

    public static void write(Path dir, String project, RunResult run) {
        List<Object> results = new ArrayList<>();
        for (NodeResult r : run.results()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("unique_id", r.uniqueId());
            entry.put("status", r.status().key());
            entry.put("timing", List.of(Map.of("name", "execute", "started_at", r.startedAt().toString(),
                    "completed_at", r.completedAt().toString())));
            entry.put("thread_id", r.threadId());
            entry.put("execution_time", r.executionTime());
            entry.put("message", r.message());
            entry.put("failures", r.resourceType().equals("test") ? r.failures() : null);
            entry.put("adapter_response", r.rowsAffected() >= 0 ? Map.of("rows_affected", r.rowsAffected())
                    : Map.of());
            entry.put("compiled_code", r.compiledCode());
            results.add(entry);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metadata", Json.metadata("https://schemas.getdbt.com/dbt/run-results/v6.json", run.invocationId(),
                run.startedAt(), project));
        out.put("results", results);
        out.put("elapsed_time", run.elapsedSeconds());
        out.put("args", Map.of("which", run.command()));
        Json.write(dir.resolve("run_results.json"), out);
    }
}
