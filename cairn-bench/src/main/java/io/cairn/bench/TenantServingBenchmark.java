package io.cairn.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;
import io.cairn.warehouse.duckdb.DuckDbWarehouseFactory;

/**
 * Tenant serving on DuckDB, as ratios against baselines measured in the same run:
 * <ul>
 *   <li>publishing every tenant's copy against copying every mart row once into one attached file (the least any
 *       copy-based publish can cost); the ratio grows with the number of tenants, since each copy filters the
 *       marts again;</li>
 *   <li>one tenant read through a tenant connection (a duplicate of the tenant's reader instance, then the query)
 *       against the same query with {@code WHERE tenant_id = ?} on a connection to the main warehouse, and a
 *       tenant's first read, which opens its reader instance (an in-memory DuckDB attaching the copy).</li>
 * </ul>
 *
 * <p>Usage: {@code TenantServingBenchmark [--tenants 100] [--rows 2000000] [--runs 3] [--queries 50] [--dir DIR]}
 */
public final class TenantServingBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int READ_TENANTS = 5;
    private static final String QUERY = "SELECT channel, sum(net), count(*) FROM marts.fct_sales GROUP BY channel";

    private TenantServingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(BenchSupport.option(args, "--tenants", "100"));
        long rows = Long.parseLong(BenchSupport.option(args, "--rows", "2000000"));
        int runs = Integer.parseInt(BenchSupport.option(args, "--runs", "3"));
        int queries = Integer.parseInt(BenchSupport.option(args, "--queries", "50"));
        Path dir = Path.of(BenchSupport.option(args, "--dir", System.getProperty("java.io.tmpdir")
                + "/cairn-bench-serving"));
        BenchSupport.deleteRecursively(dir);
        List<TenantId> ids = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            ids.add(TenantId.of(String.format(Locale.ROOT, "tenant_%04d", t)));
        }
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), null, null,
                DuckDbWarehouseFactory.publishedFolder(dir))) {
            createMarts(warehouse, tenants, rows);
            System.out.printf(Locale.ROOT, "%,d mart rows over %d tenants; %d cores%n", rows, tenants,
                    Runtime.getRuntime().availableProcessors());
            List<Double> publish = new ArrayList<>();
            List<Double> copyOnce = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                warehouse.tenantScope().publish(ids);
                publish.add(BenchSupport.seconds(start));
                copyOnce.add(copyEveryRowOnce(warehouse, dir.resolve("once-" + run + ".duckdb")));
                System.out.printf(Locale.ROOT, "run %d: publish %d tenants %.2fs; copy every row once %.2fs%n", run,
                        tenants, publish.get(run - 1), copyOnce.get(run - 1));
            }
            double[] reads = reads(warehouse, ids, queries);
            System.out.printf(Locale.ROOT, "publish / copy once: %.2fx (median %.2fs vs %.2fs)%n",
                    BenchSupport.median(publish) / BenchSupport.median(copyOnce), BenchSupport.median(publish),
                    BenchSupport.median(copyOnce));
            System.out.printf(Locale.ROOT, "tenant read / filtered read on the warehouse: %.2fx (%.1f ms vs %.1f ms "
                    + "per query, %d queries over %d tenants)%n", reads[0] / reads[1], reads[0], reads[1], queries,
                    READ_TENANTS);
            System.out.printf(Locale.ROOT, "a tenant's first read (opens its reader) / filtered read: %.2fx (%.1f ms)%n",
                    reads[2] / reads[1], reads[2]);
        }
    }

    private static void createMarts(DuckDbWarehouse warehouse, int tenants, long rows) throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA marts");
            statement.execute("CREATE TABLE marts.fct_sales AS SELECT printf('tenant_%04d', (i % " + tenants
                    + ")::INTEGER) AS tenant_id, DATE '2024-01-01' + (i // " + tenants + " % 365)::INTEGER AS sales_date, "
                    + "['web', 'pos', 'b2b'][(i % 3)::INTEGER + 1] AS channel, (i % 10000) / 100.0 AS net "
                    + "FROM range(" + rows + ") r(i) ORDER BY tenant_id, sales_date");
        }
    }

    private static double copyEveryRowOnce(DuckDbWarehouse warehouse, Path file) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ATTACH '" + file + "' AS once");
            statement.execute("CREATE TABLE once.main.fct_sales AS SELECT * FROM marts.fct_sales");
            statement.execute("DETACH once");
        }
        return BenchSupport.seconds(start);
    }

    /**
     * Median milliseconds per query over {@value #READ_TENANTS} tenants: through a tenant connection once its reader
     * instance is open, filtered on the warehouse, and a tenant's first read (which opens its reader instance).
     */
    private static double[] reads(DuckDbWarehouse warehouse, List<TenantId> ids, int queries) throws SQLException {
        TenantScope scope = warehouse.tenantScope();
        List<Double> first = new ArrayList<>();
        List<Double> scoped = new ArrayList<>();
        List<Double> filtered = new ArrayList<>();
        for (int q = 0; q < queries + READ_TENANTS; q++) {
            TenantId tenant = ids.get(q % Math.min(READ_TENANTS, ids.size()));
            long start = System.nanoTime();
            try (Connection connection = scope.connect(tenant, TIMEOUT); Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(QUERY)) {
                drain(result);
            }
            (q < READ_TENANTS ? first : scoped).add(BenchSupport.seconds(start) * 1000);
            start = System.nanoTime();
            try (Connection connection = warehouse.connect(); PreparedStatement statement = connection.prepareStatement(
                    QUERY.replace("GROUP BY", "WHERE tenant_id = ? GROUP BY"))) {
                statement.setString(1, tenant.value());
                try (ResultSet result = statement.executeQuery()) {
                    drain(result);
                }
            }
            filtered.add(BenchSupport.seconds(start) * 1000);
        }
        return new double[] {BenchSupport.median(scoped), BenchSupport.median(filtered), BenchSupport.median(first)};
    }

    private static void drain(ResultSet result) throws SQLException {
        while (result.next()) {
            result.getObject(2);
        }
    }
}
