package io.cairn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cairn.core.landing.StreamContracts;
import io.cairn.datagen.ShopifyOrdersFile;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import io.cairn.warehouse.spark.SparkWarehouse;
import org.apache.spark.sql.SparkSession;

import static io.cairn.bench.BenchSupport.median;
import static io.cairn.bench.BenchSupport.option;

/**
 * Landing throughput on Spark: Cairn's {@code SparkRawLoader} (text read, JSON parse into a variant, contract fields,
 * hash, dead letters, dedup against the table, ledger, four Iceberg commits) against a plain
 * {@code spark.read().json(file)} appended to a new Iceberg table, on the same generated Shopify orders file, each run
 * in a fresh warehouse folder on one Spark context. Runs alternate; the median of each is reported.
 *
 * <p>Usage: {@code SparkLandingBenchmark [--mb 64] [--runs 3] [--master local[2]] [--dir DIR]}. Spark and its
 * dependencies are not in {@code cairn-bench.jar}; {@code ./cairn-bench/bench spark-landing} adds them.
 */
public final class SparkLandingBenchmark {
    private SparkLandingBenchmark() {}

    public static void main(String[] args) throws Exception {
        long megabytes = Long.parseLong(option(args, "--mb", "64"));
        int runs = Integer.parseInt(option(args, "--runs", "3"));
        String master = option(args, "--master", "local[2]");
        Path dir = Path.of(option(args, "--dir", System.getProperty("java.io.tmpdir") + "/cairn-bench-spark"));
        Files.createDirectories(dir);
        Path file = dir.resolve("orders-" + megabytes + "mb.jsonl");
        long records = ShopifyOrdersFile.write(file, megabytes * 1024 * 1024, 42);
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "file: %s, %,d records, %,d bytes; master %s, %d cores%n", file, records, bytes,
                master, Runtime.getRuntime().availableProcessors());
        List<Double> plain = new ArrayList<>();
        List<Double> cairn = new ArrayList<>();
        // Holds the Spark context for the whole run: closing the last open warehouse would stop it.
        try (SparkWarehouse holder = warehouse(dir, master, "holder")) {
            // Run 0 warms the Spark context and the JIT; it is not counted.
            for (int run = 0; run <= runs; run++) {
                time(dir, master, file, records, run, plain, cairn);
            }
        }
        report(runs, records, bytes, plain, cairn);
    }

    private static void time(Path dir, String master, Path file, long records, int run, List<Double> plain,
            List<Double> cairn) throws Exception {
        double reader = timePlain(warehouse(dir, master, "plain-" + run), file, records);
        double ours = timeCairn(warehouse(dir, master, "cairn-" + run), file, records);
        System.out.printf(Locale.ROOT, "run %d%s: read().json + Iceberg append %.2fs, cairn landing %.2fs%n", run,
                run == 0 ? " (warm-up)" : "", reader, ours);
        if (run > 0) {
            plain.add(reader);
            cairn.add(ours);
        }
    }

    private static void report(int runs, long records, long bytes, List<Double> plain, List<Double> cairn) {
        double base = median(plain);
        double ours = median(cairn);
        System.out.printf(Locale.ROOT, "%n%-36s %10s %14s %10s%n", "median of " + runs, "seconds", "rows/s", "MB/s");
        print("spark.read().json + Iceberg append", base, records, bytes);
        print("cairn landing (SparkRawLoader)", ours, records, bytes);
        System.out.printf(Locale.ROOT, "ratio (plain reader time / cairn time): %.2f%n", base / ours);
    }

    private static SparkWarehouse warehouse(Path dir, String master, String name) {
        Path folder = dir.resolve(name);
        BenchSupport.deleteRecursively(folder);
        return SparkWarehouse.open(new SparkWarehouse.Options(folder, master, null, Map.of()));
    }

    private static double timePlain(SparkWarehouse warehouse, Path file, long records) throws Exception {
        try (warehouse) {
            SparkSession session = warehouse.newSession();
            session.sql("CREATE NAMESPACE IF NOT EXISTS raw");
            long started = System.nanoTime();
            session.read().json(file.toString()).writeTo("raw.baseline").using("iceberg").create();
            double seconds = BenchSupport.seconds(started);
            long rows = session.table("raw.baseline").count();
            if (rows != records) {
                throw new IllegalStateException("the plain reader wrote " + rows + " rows, expected " + records);
            }
            return seconds;
        }
    }

    private static double timeCairn(SparkWarehouse warehouse, Path file, long records) throws Exception {
        try (warehouse) {
            long started = System.nanoTime();
            LoadResult result = warehouse.rawLoader().land(new LoadRequest(TenantId.of("bench"), "shopify", "orders",
                    "bench-load", file, file.getFileName().toString(), FileFormat.JSONL,
                    StreamContracts.forStream("shopify", "orders"), Instant.now()));
            double seconds = BenchSupport.seconds(started);
            if (result.rowsLanded() != records || !result.balances()) {
                throw new IllegalStateException("landing lost records: " + result + ", expected " + records);
            }
            return seconds;
        }
    }

    private static void print(String name, double seconds, long records, long bytes) {
        System.out.printf(Locale.ROOT, "%-36s %10.2f %,14.0f %10.1f%n", name, seconds, records / seconds,
                bytes / seconds / 1024 / 1024);
    }
}
