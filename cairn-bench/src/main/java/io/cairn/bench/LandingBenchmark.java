package io.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.cairn.core.landing.StreamContracts;
import io.cairn.datagen.ShopifyOrdersFile;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

/**
 * Landing throughput of one large generated Shopify orders JSONL file: Cairn's landing (envelope, contract checks,
 * dead letters, dedup against the table, ledger) against DuckDB's own
 * {@code CREATE TABLE ... AS SELECT * FROM read_json(...)} on the same file, in the same run, in fresh databases.
 * Runs alternate between the two; the median of each is reported.
 *
 * <p>Usage: {@code LandingBenchmark [--mb 256] [--runs 3] [--dir DIR] [--threads N]}
 */
public final class LandingBenchmark {
    private LandingBenchmark() {}

    public static void main(String[] args) throws Exception {
        long megabytes = Long.parseLong(BenchSupport.option(args, "--mb", "256"));
        int runs = Integer.parseInt(BenchSupport.option(args, "--runs", "3"));
        String threads = BenchSupport.option(args, "--threads", null);
        Path dir = Path.of(BenchSupport.option(args, "--dir",
                System.getProperty("java.io.tmpdir") + "/cairn-bench-landing"));
        Files.createDirectories(dir);
        Path file = dir.resolve("orders-" + megabytes + "mb.jsonl");
        long records = prepare(file, megabytes * 1024 * 1024);
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "file: %s, %,d records, %,d bytes; max heap %d MB; %d cores%n", file, records,
                bytes, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        List<Double> baseline = new ArrayList<>();
        List<Double> rawText = new ArrayList<>();
        List<Double> cairn = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            baseline.add(timeBaseline(dir, file, threads, "SELECT * FROM read_json('" + file + "')"));
            rawText.add(timeBaseline(dir, file, threads, "SELECT json FROM read_json_objects('" + file + "')"));
            cairn.add(timeCairn(dir, file, threads, records));
            System.out.printf(Locale.ROOT, "run %d: read_json CTAS %.2fs, read_json_objects CTAS %.2fs, "
                    + "cairn landing %.2fs%n", run, baseline.get(run - 1), rawText.get(run - 1), cairn.get(run - 1));
        }
        double base = BenchSupport.median(baseline);
        double text = BenchSupport.median(rawText);
        double ours = BenchSupport.median(cairn);
        System.out.printf(Locale.ROOT, "%n%-34s %10s %14s %10s%n", "median of " + runs, "seconds", "rows/s", "MB/s");
        print("duckdb read_json CTAS", base, records, bytes);
        print("duckdb read_json_objects CTAS", text, records, bytes);
        print("cairn landing", ours, records, bytes);
        System.out.printf(Locale.ROOT, "ratio vs read_json CTAS (typed columns): %.2f  (target >= 0.50)%n", base / ours);
        System.out.printf(Locale.ROOT, "ratio vs read_json_objects CTAS (same JSON text stored): %.2f%n", text / ours);
    }

    private static long prepare(Path file, long targetBytes) throws IOException {
        Path counted = file.resolveSibling(file.getFileName() + ".records");
        if (Files.exists(file) && Files.exists(counted)) {
            return Long.parseLong(Files.readString(counted).trim());
        }
        long records = ShopifyOrdersFile.write(file, targetBytes, 42);
        Files.writeString(counted, Long.toString(records));
        return records;
    }

    private static double timeBaseline(Path dir, Path file, String threads, String select)
            throws SQLException, IOException {
        Path db = fresh(dir, "baseline.duckdb");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(db, threads, null);
                Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            statement.execute("CREATE TABLE orders AS " + select);
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static double timeCairn(Path dir, Path file, String threads, long records) throws IOException {
        Path db = fresh(dir, "cairn.duckdb");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(db, threads, null)) {
            long started = System.nanoTime();
            LoadResult result = warehouse.rawLoader().land(new LoadRequest(TenantId.of("bench"), "shopify",
                    "orders", "bench-load", file, file.getFileName().toString(), FileFormat.JSONL,
                    StreamContracts.forStream("shopify", "orders"), Instant.now()));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (result.rowsLanded() != records || !result.balances()) {
                throw new IllegalStateException("landing lost records: " + result + ", expected " + records);
            }
            return seconds;
        }
    }

    private static Path fresh(Path dir, String name) throws IOException {
        Path db = dir.resolve(name);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path old : files.filter(p -> p.getFileName().toString().startsWith(name)).toList()) {
                BenchSupport.deleteRecursively(old);
            }
        }
        return db;
    }

    private static void print(String name, double seconds, long records, long bytes) {
        System.out.printf(Locale.ROOT, "%-34s %10.2f %,14.0f %10.1f%n", name, seconds, records / seconds,
                bytes / seconds / 1024 / 1024);
    }

}
