package io.cairn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.orchestrate.Pipeline;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.PipelineLoader;
import io.cairn.core.orchestrate.PipelineResult;
import io.cairn.core.orchestrate.Processor;
import io.cairn.core.orchestrate.ProcessorType;
import io.cairn.core.orchestrate.RunStatus;
import io.cairn.core.orchestrate.TaskListener;
import io.cairn.core.orchestrate.TaskRunRecord;
import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.Generator;
import io.cairn.datagen.GeneratorOptions;
import io.cairn.datagen.TenantProfile;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure isolation on real data: generated tenants, real file syncs, the bundled models built on DuckDB. A sync
 * that lands part of a tenant's new data and then fails leaves that tenant's marts as they were, while another
 * tenant's marts take in its new data.
 */
class PipelineIsolationTest {
    private static final String FAILING_SOURCE = "pos";
    private static final String PIPELINE = """
            steps:
              - name: sync
                processor: sync
              - name: build
                processor: build
                depends_on: [sync]
            """;

    @TempDir
    Path dir;

    @Test
    void aSyncThatHalfLandsThenFailsLeavesThatTenantsMartsAsBeforeWhileAnotherTenantsAdvance() throws Exception {
        GenerationSummary before = new Generator(new GeneratorOptions(2, 10, 42, LocalDate.of(2024, 1, 1)))
                .generate(dir.resolve("gen1"), dir.resolve("truth1"));
        new Generator(new GeneratorOptions(2, 20, 42, LocalDate.of(2024, 1, 1)))
                .generate(dir.resolve("gen2"), dir.resolve("truth2"));
        String failing = before.tenants().stream().filter(t -> t.sources().contains(FAILING_SOURCE))
                .map(TenantProfile::id).findFirst().orElseThrow();
        String healthy = before.tenants().stream().map(TenantProfile::id).filter(id -> !id.equals(failing))
                .findFirst().orElseThrow();
        Files.writeString(dir.resolve("cairn.yml"), DemoCommand.DEFAULT_CAIRN_YML);
        Files.writeString(dir.resolve(ProjectContext.TENANTS_FILE), tenantsYaml(before.tenants()));
        copyTree(dir.resolve("gen1"), dir.resolve("data/inbox"));

        try (ProjectContext context = ProjectContext.open(dir)) {
            PipelineResult first = run(context, null);
            assertThat(first.run().status()).as(lines(first)).isEqualTo(RunStatus.SUCCEEDED);
            Map<String, List<String>> failingMarts = marts(context, failing);
            Map<String, List<String>> healthyMarts = marts(context, healthy);
            long failingRawRows = rawRows(context, failing);
            assertThat(failingMarts).as("the marts hold the failing tenant's data").isNotEmpty();

            copyTree(dir.resolve("gen2").resolve(failing).resolve(FAILING_SOURCE),
                    dir.resolve("data/inbox").resolve(failing).resolve(FAILING_SOURCE));
            copyTree(dir.resolve("gen2").resolve(healthy), dir.resolve("data/inbox").resolve(healthy));
            PipelineResult second = run(context, failing);

            assertThat(second.tasks()).filteredOn(task -> task.status() == RunStatus.FAILED)
                    .extracting(TaskRunRecord::taskId).containsExactly("sync/" + failing + "/" + FAILING_SOURCE);
            assertThat(rawRows(context, failing)).as("the failed sync did land new rows").isGreaterThan(failingRawRows);
            assertThat(marts(context, failing)).as("the failing tenant's marts are exactly as before the run")
                    .isEqualTo(failingMarts);
            assertThat(marts(context, healthy)).as("the healthy tenant's marts advanced")
                    .isNotEqualTo(healthyMarts);
            List<TaskRunRecord> skipped = context.controlPlane().pipelineRuns().tasks(second.run().runId()).stream()
                    .filter(task -> task.status() == RunStatus.SKIPPED).toList();
            assertThat(skipped).extracting(TaskRunRecord::taskId).contains(
                    "build/" + failing + "/" + FAILING_SOURCE + "/stg_pos__transactions",
                    "build/" + failing + "/" + FAILING_SOURCE + "/daily_store_sales")
                    .allMatch(id -> id.startsWith("build/" + failing + "/" + FAILING_SOURCE + "/"));
            assertThat(skipped.get(0).errorMessage()).contains("source pos of tenant " + failing
                    + " failed to sync in this run", "as of its last good sync at");
            assertThat(second.count(RunStatus.SUCCEEDED)).as("the build and every other sync succeeded")
                    .isEqualTo(second.tasks().size() - 1 - skipped.size());
        }
    }

    /** Runs the pipeline; the sync of {@code failing}'s pos source lands what it read and then fails. */
    private PipelineResult run(ProjectContext context, String failing) {
        StringWriter out = new StringWriter();
        PipelineProcessors processors = new PipelineProcessors(context, new PrintWriter(out), new PrintWriter(out));
        Map<ProcessorType, Processor> all = new EnumMap<>(processors.all());
        Processor sync = all.get(ProcessorType.SYNC);
        all.put(ProcessorType.SYNC, task -> {
            var outcome = sync.run(task);
            if (task.tenant().value().equals(failing) && task.source().equals(FAILING_SOURCE)) {
                throw new CairnException(ErrorCode.IO, "Cannot sync tenant %s source %s: the connection dropped "
                        + "after %d rows landed", task.tenant(), task.source(), outcome.rowsLanded());
            }
            return outcome;
        });
        Pipeline pipeline = PipelineLoader.parse("isolated", dir.resolve("pipelines/isolated.yml"), PIPELINE,
                java.util.Set.of());
        return new PipelineExecutor(all, processors.fleet(), context.controlPlane().pipelineRuns())
                .run(pipeline, null, Map.of(), TaskListener.NONE);
    }

    /** Every mart's rows of {@code tenant}, sorted, by mart. */
    private static Map<String, List<String>> marts(ProjectContext context, String tenant) throws SQLException {
        Map<String, List<String>> marts = new TreeMap<>();
        try (Connection connection = context.warehouse().connect()) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT table_schema || '.' || table_name FROM "
                         + "information_schema.tables WHERE table_schema LIKE '%marts'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                marts.put(table, rows(connection, "SELECT * FROM " + table + " WHERE tenant_id = ? ORDER BY ALL",
                        tenant));
            }
        }
        return marts;
    }

    private static long rawRows(ProjectContext context, String tenant) throws SQLException {
        try (Connection connection = context.warehouse().connect()) {
            return Long.parseLong(rows(connection, "SELECT count(*) FROM raw.pos__transactions WHERE tenant_id = ?",
                    tenant).get(0).replace("|", ""));
        }
    }

    private static List<String> rows(Connection connection, String sql, String tenant) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(result.getString(i)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    private static String tenantsYaml(List<TenantProfile> tenants) {
        StringBuilder yaml = new StringBuilder("tenants:\n");
        for (TenantProfile tenant : tenants) {
            yaml.append("  - id: ").append(tenant.id()).append("\n    timezone: ").append(tenant.timezone())
                    .append("\n    currency: ").append(tenant.currency()).append("\n    sources:\n");
            tenant.sources().forEach(source -> yaml.append("      ").append(source).append(":\n        type: files\n"
                    + "        system: ").append(source).append('\n'));
        }
        return yaml.toString();
    }

    private static String lines(PipelineResult result) {
        return String.join("\n", result.tasks().stream().map(task -> RunsCommand.taskLine(task, 500)).toList());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
