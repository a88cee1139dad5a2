package io.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.RunOptions;
import io.cairn.core.model.RunResult;
import io.cairn.core.model.Selection;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

/**
 * Engine overhead: {@code build} of a jaffle-like project at scale ({@link ScaledJaffle}, 1M orders by default)
 * with the model engine, against executing the same compiled SQL (from the run's {@code target/manifest.json}, in
 * the order of its {@code run_results.json}) directly over one JDBC connection: seeds with the same
 * {@code read_csv} call, views and tables as plain {@code CREATE VIEW/TABLE AS}, tests as {@code count(*)}. Both
 * run in fresh DuckDB files with the same settings; after a warm-up pair (JIT, page cache), runs alternate, which
 * side goes first alternating too, and the medians are compared, as is each run's pair (engine / direct, with its
 * quartiles and range, the difference in seconds, and the ratio of process CPU time, which moves less with the
 * machine's load than wall time). Target: the engine takes at most 1.10x the direct SQL.
 *
 * <p>Usage: {@code ModelEngineBenchmark [--orders 1000000] [--runs 8] [--warmup 1] [--threads 1] [--dir DIR]}
 */
public final class ModelEngineBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelEngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        int orders = Integer.parseInt(BenchSupport.option(args, "--orders", "1000000"));
        int runs = Integer.parseInt(BenchSupport.option(args, "--runs", "8"));
        int warmups = Integer.parseInt(BenchSupport.option(args, "--warmup", "1"));
        int threads = Integer.parseInt(BenchSupport.option(args, "--threads", "1"));
        Path dir = Path.of(BenchSupport.option(args, "--dir", System.getProperty("java.io.tmpdir")
                + "/cairn-bench-engine"));
        Path project = dir.resolve("jaffle-" + orders);
        ScaledJaffle.write(project, orders);
        long seedBytes = 0;
        try (var files = Files.list(project.resolve("seeds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                seedBytes += Files.size(f);
            }
        }
        System.out.printf(Locale.ROOT, "project: %s, %,d orders, %,d seed bytes; engine threads %d; max heap %d MB; "
                + "%d cores%n", project, orders, seedBytes, threads, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        for (int w = 1; w <= warmups; w++) {
            double[] engine = timeEngine(dir, project, threads);
            double[] base = timeDirect(dir, project);
            System.out.printf(Locale.ROOT, "warm-up %d (not counted): engine %.2fs; direct JDBC %.2fs%n", w,
                    engine[0] + engine[1], base[0]);
        }
        List<Double> loads = new ArrayList<>();
        List<Double> builds = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        List<Double> engineCpu = new ArrayList<>();
        List<Double> directCpu = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            // Who goes first alternates: the first of a pair also pays for the page cache writing back the files the
            // previous pair left, which with a fixed order all lands on one side.
            boolean engineFirst = run % 2 == 1;
            double[] base = engineFirst ? null : timeDirect(dir, project);
            double[] engine = timeEngine(dir, project, threads);
            base = engineFirst ? timeDirect(dir, project) : base;
            loads.add(engine[0]);
            builds.add(engine[1]);
            totals.add(engine[0] + engine[1]);
            engineCpu.add(engine[2]);
            direct.add(base[0]);
            directCpu.add(base[1]);
            System.out.printf(Locale.ROOT, "run %d (%s first): engine load %.2fs + build %.2fs = %.2fs (CPU %.2fs); "
                    + "direct JDBC %.2fs (CPU %.2fs); load average %.1f%n", run, engineFirst ? "engine" : "direct",
                    engine[0], engine[1], engine[0] + engine[1], engine[2], base[0], base[1],
                    BenchSupport.loadAverage());
        }
        double load = BenchSupport.median(loads);
        double build = BenchSupport.median(builds);
        double total = BenchSupport.median(totals);
        double base = BenchSupport.median(direct);
        System.out.printf(Locale.ROOT, "%nmedian of %d: engine load %.2fs, engine build %.2fs, load+build %.2fs, "
                + "direct JDBC %.2fs%n", runs, load, build, total, base);
        List<Double> pairs = new ArrayList<>();
        List<Double> differences = new ArrayList<>();
        List<Double> cpuPairs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            pairs.add(totals.get(i) / direct.get(i));
            differences.add(totals.get(i) - direct.get(i));
            cpuPairs.add(engineCpu.get(i) / directCpu.get(i));
        }
        System.out.printf(Locale.ROOT, "ratio engine build / direct SQL (medians): %.3f  (target <= 1.10)%n",
                build / base);
        System.out.printf(Locale.ROOT, "ratio engine load+build / direct SQL (medians): %.3f%n", total / base);
        System.out.printf(Locale.ROOT, "ratio engine load+build / direct SQL, per-run pairs: median %s; "
                + "(best of each): %.3f%n", spread(pairs), totals.stream().min(Double::compare).orElseThrow()
                / direct.stream().min(Double::compare).orElseThrow());
        System.out.printf(Locale.ROOT, "engine load+build - direct SQL, per-run pairs: median %s seconds%n",
                spread(differences));
        System.out.printf(Locale.ROOT, "process CPU engine / direct SQL, per-run pairs: median %s%n",
                spread(cpuPairs));
        System.out.printf(Locale.ROOT, "system load average at the end: %.2f%n", BenchSupport.loadAverage());
    }

    /** Median, quartiles (nearest rank) and range: {@code 1.050 [IQR 1.010-1.080, range 0.970-1.200]}. */
    private static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return String.format(Locale.ROOT, "%.3f [IQR %.3f-%.3f, range %.3f-%.3f]", BenchSupport.median(values),
                sorted.get((n + 3) / 4 - 1), sorted.get((3 * n + 3) / 4 - 1), sorted.get(0), sorted.get(n - 1));
    }

    private static double[] timeEngine(Path dir, Path project, int threads) {
        Path db = fresh(dir, "engine.duckdb");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(db, null, null)) {
            long cpu0 = BenchSupport.processCpuNanos();
            long t0 = System.nanoTime();
            ModelEngine engine = ModelEngine.load(project, EngineOptions.defaults(warehouse));
            double load = BenchSupport.seconds(t0);
            long t1 = System.nanoTime();
            RunResult result = engine.build(Selection.all(), RunOptions.defaults().withThreads(threads)
                    .withFullRefresh(true).withTargetDir(project.resolve("target")));
            double build = BenchSupport.seconds(t1);
            double cpu = (BenchSupport.processCpuNanos() - cpu0) / 1e9;
            if (!result.success()) {
                throw new IllegalStateException("engine build failed: " + result.results().stream()
                        .filter(r -> r.status().isFailure()).map(r -> r.name() + ": " + r.message()).toList());
            }
            return new double[] {load, build, cpu};
        }
    }

    /**
     * Executes the compiled SQL of the last engine run, node by node in its completion order; returns wall and
     * process CPU seconds.
     */
    private static double[] timeDirect(Path dir, Path project) throws Exception {
        JsonNode manifest = JSON.readTree(project.resolve("target/manifest.json").toFile());
        JsonNode results = JSON.readTree(project.resolve("target/run_results.json").toFile()).get("results");
        Map<String, String> statements = new LinkedHashMap<>();
        TreeSet<String> schemas = new TreeSet<>();
        Map<String, Long> expectedRows = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String id = result.get("unique_id").asText();
            JsonNode node = manifest.get("nodes").get(id);
            statements.put(id, statement(project, node, schemas));
            JsonNode rows = result.get("adapter_response").get("rows_affected");
            if (rows != null && !node.get("resource_type").asText().equals("test")) {
                expectedRows.put(relation(node), rows.asLong());
            }
        }
        Path db = fresh(dir, "direct.duckdb");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(db, null, null);
                Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            long cpu0 = BenchSupport.processCpuNanos();
            long t0 = System.nanoTime();
            for (String schema : schemas) {
                statement.execute("create schema if not exists \"" + schema + "\"");
            }
            for (String sql : statements.values()) {
                if (statement.execute(sql)) {
                    try (ResultSet rs = statement.getResultSet()) {
                        rs.next();
                    }
                }
            }
            double seconds = BenchSupport.seconds(t0);
            double cpu = (BenchSupport.processCpuNanos() - cpu0) / 1e9;
            check(statement, expectedRows);
            return new double[] {seconds, cpu};
        }
    }

    private static String statement(Path project, JsonNode node, TreeSet<String> schemas) {
        String type = node.get("resource_type").asText();
        String relation = relation(node);
        if (type.equals("seed")) {
            schemas.add(node.get("schema").asText());
            return "create table " + relation + " as (select * from read_csv('" + project.resolve(
                    node.get("original_file_path").asText()) + "', header = true, auto_detect = true))";
        }
        String sql = node.get("compiled_code").asText();
        if (type.equals("test")) {
            return "select count(*) from (\n" + sql + "\n) dbt_internal_test";
        }
        schemas.add(node.get("schema").asText());
        String kind = node.get("config").get("materialized").asText().equals("view") ? "view" : "table";
        return "create " + kind + " " + relation + " as (\n" + sql + "\n)";
    }

    private static String relation(JsonNode node) {
        return "\"" + node.get("schema").asText() + "\".\"" + node.get("alias").asText() + "\"";
    }

    /** The direct run must produce the tables the engine produced. */
    private static void check(Statement statement, Map<String, Long> expectedRows) throws SQLException {
        for (Map.Entry<String, Long> table : expectedRows.entrySet()) {
            try (ResultSet rs = statement.executeQuery("select count(*) from " + table.getKey())) {
                rs.next();
                if (rs.getLong(1) != table.getValue()) {
                    throw new IllegalStateException("direct SQL built " + rs.getLong(1) + " rows in " + table.getKey()
                            + ", the engine " + table.getValue());
                }
            }
        }
    }

    private static Path fresh(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            BenchSupport.deleteRecursively(dir.resolve(name));
            BenchSupport.deleteRecursively(dir.resolve(name + ".wal"));
            return dir.resolve(name);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
