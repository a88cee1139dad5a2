package io.cairn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.postgresql.PGConnection;

import io.cairn.core.landing.StreamContracts;
import io.cairn.datagen.ShopifyOrdersFile;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.FileFormat;
import io.cairn.spi.raw.LoadRequest;
import io.cairn.spi.raw.LoadResult;
import io.cairn.warehouse.postgres.PostgresWarehouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Landing throughput on PostgreSQL: Cairn's {@code PostgresRawLoader} (COPY of the lines, JSON validation, contract
 * fields, hash, dead letters, dedup against the table, ledger, one transaction) against a plain {@code COPY} of the
 * same file into a one-column {@code text} table, and into a one-column {@code jsonb} table, in fresh databases on
 * the same server, in the same run. Runs alternate; the median of each is reported.
 *
 * <p>Usage: {@code PostgresLandingBenchmark [--mb 128] [--runs 3] [--dir DIR] [--url URL --user USER]}; without
 * {@code --url} an embedded PostgreSQL is started in {@code DIR}.
 */
public final class PostgresLandingBenchmark {
    /** Reads each line whole: no byte is a delimiter or quote in CSV mode with these control characters. */
    private static final String WHOLE_LINES = "(FORMAT csv, DELIMITER E'\\x1f', QUOTE E'\\x1e')";
    private static int databases;

    private PostgresLandingBenchmark() {}

    public static void main(String[] args) throws Exception {
        long megabytes = Long.parseLong(option(args, "--mb", "128"));
        int runs = Integer.parseInt(option(args, "--runs", "3"));
        Path dir = Path.of(option(args, "--dir", System.getProperty("java.io.tmpdir") + "/cairn-bench-landing"));
        Files.createDirectories(dir);
        Path file = dir.resolve("orders-" + megabytes + "mb.jsonl");
        long records = prepare(file, megabytes * 1024 * 1024);
        String url = option(args, "--url", null);
        String user = option(args, "--user", "postgres");
        EmbeddedPostgres embedded = url == null ? EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(true).start() : null;
        String server = url != null ? url : "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
        try {
            run(server, user, file, records, runs);
        }
        finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void run(String server, String user, Path file, long records, int runs) throws Exception {
        long bytes = Files.size(file);
        try (Connection admin = DriverManager.getConnection(server, user, null)) {
            System.out.printf(Locale.ROOT, "file: %s, %,d records, %,d bytes; %d cores; server %s%n", file, records,
                    bytes, Runtime.getRuntime().availableProcessors(), settings(admin));
        }
        List<Double> text = new ArrayList<>();
        List<Double> jsonb = new ArrayList<>();
        List<Double> cairn = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            text.add(timeCopy(server, user, file, "text"));
            jsonb.add(timeCopy(server, user, file, "jsonb"));
            cairn.add(timeCairn(server, user, file, records));
            System.out.printf(Locale.ROOT, "run %d: COPY text %.2fs, COPY jsonb %.2fs, cairn landing %.2fs%n", run,
                    text.get(run - 1), jsonb.get(run - 1), cairn.get(run - 1));
        }
        double base = median(text);
        double parsed = median(jsonb);
        double ours = median(cairn);
        System.out.printf(Locale.ROOT, "%n%-34s %10s %14s %10s%n", "median of " + runs, "seconds", "rows/s", "MB/s");
        print("COPY into one text column", base, records, bytes);
        print("COPY into one jsonb column", parsed, records, bytes);
        print("cairn landing", ours, records, bytes);
        System.out.printf(Locale.ROOT, "ratio vs plain COPY (text column): %.2f%n", base / ours);
        System.out.printf(Locale.ROOT, "ratio vs COPY into jsonb (same JSON parse): %.2f%n", parsed / ours);
    }

    private static double timeCopy(String server, String user, Path file, String type) throws Exception {
        try (Connection connection = DriverManager.getConnection(freshDatabase(server, user), user, null);
                Statement statement = connection.createStatement();
                InputStream in = Files.newInputStream(file)) {
            statement.execute("CREATE TABLE baseline (line " + type + ")");
            long started = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY baseline FROM STDIN " + WHOLE_LINES, in, 1 << 16);
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static double timeCairn(String server, String user, Path file, long records) {
        try (PostgresWarehouse warehouse = PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(
                freshDatabase(server, user), user, null, null, 2))) {
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

    /**
     * A new database on the server (the previous one is dropped), so every timed run starts from empty tables and
     * the disk holds one copy of the data at a time.
     */
    private static String freshDatabase(String server, String user) {
        String previous = "cairn_bench_" + databases;
        String name = "cairn_bench_" + (++databases);
        try (Connection admin = DriverManager.getConnection(server, user, null);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + previous);
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot create benchmark database " + name + ": " + e.getMessage(), e);
        }
        return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }

    private static String settings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT current_setting('server_version') || ', shared_buffers '"
                        + " || current_setting('shared_buffers') || ', fsync ' || current_setting('fsync') || "
                        + "', synchronous_commit ' || current_setting('synchronous_commit') || ', max_wal_size ' || "
                        + "current_setting('max_wal_size')")) {
            rows.next();
            return rows.getString(1);
        }
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

    private static void print(String name, double seconds, long records, long bytes) {
        System.out.printf(Locale.ROOT, "%-34s %10.2f %,14.0f %10.1f%n", name, seconds, records / seconds,
                bytes / seconds / 1024 / 1024);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
