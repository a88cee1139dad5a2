package io.cairn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.tenancy.IsolationLayout;
import io.cairn.warehouse.postgres.tenancy.ReaderLogins;
import io.cairn.warehouse.postgres.tenancy.RowLevelSecurity;
import io.cairn.warehouse.postgres.tenancy.TenantRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static io.cairn.bench.BenchSupport.median;
import static io.cairn.bench.BenchSupport.option;

/**
 * The cost of row-level security on mart reads: one tenant's queries on a shared {@code marts.fct_sales_by_day}
 * (N rows over T tenants, indexed on {@code (tenant_id, sales_date)}) run as the tenant's reader login under Cairn's
 * generated policy, against the same queries run by the table owner with an explicit {@code WHERE tenant_id = ?}.
 * Same server, same run, alternating; medians reported. The reader's plans are printed, to show the policy is an
 * index condition.
 *
 * <p>Usage: {@code RlsBenchmark [--rows 3000000] [--tenants 200] [--runs 21] [--dir DIR] [--url URL --user USER]};
 * without {@code --url} an embedded PostgreSQL is started in {@code DIR}.
 */
public final class RlsBenchmark {
    private static final String DATABASE = "cairn_bench_rls";
    private static final String TABLE = "marts.fct_sales_by_day";
    private static final int DAYS = 730;
    private static final String MONTH = "sales_date >= DATE '2025-03-01' AND sales_date < DATE '2025-04-01'";
    private static final List<Query> QUERIES = List.of(
            new Query("sales by day for a month", "SELECT sales_date, sum(orders), sum(net) FROM " + TABLE
                    + " WHERE " + MONTH + "%s GROUP BY 1 ORDER BY 1"),
            new Query("totals by channel, all history", "SELECT channel, count(*), sum(net) FROM " + TABLE
                    + " WHERE true%s GROUP BY 1 ORDER BY 1"),
            new Query("one day, one channel (point read)", "SELECT net FROM " + TABLE
                    + " WHERE sales_date = DATE '2025-03-15' AND channel = 'web'%s"));

    private RlsBenchmark() {}

    /** A measured query; {@code %s} takes the owner's explicit tenant filter (empty for the reader). */
    record Query(String name, String sql) {
        String reader() {
            return String.format(Locale.ROOT, sql, "");
        }

        String owner() {
            return String.format(Locale.ROOT, sql, " AND tenant_id = ?");
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(option(args, "--rows", "3000000"));
        int tenants = Integer.parseInt(option(args, "--tenants", "200"));
        int runs = Integer.parseInt(option(args, "--runs", "21"));
        Path dir = Path.of(option(args, "--dir", System.getProperty("java.io.tmpdir") + "/cairn-bench-rls"));
        String url = option(args, "--url", null);
        String user = option(args, "--user", "postgres");
        Files.createDirectories(dir);
        EmbeddedPostgres embedded = url == null ? EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(true).start() : null;
        String server = url != null ? url : "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
        try {
            String database = prepare(server, user, rows, tenants);
            measure(database, user, TenantId.of(tenantName(tenants / 2)), runs);
        }
        finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String tenantName(int index) {
        return String.format(Locale.ROOT, "t%04d", index);
    }

    private static String prepare(String server, String user, long rows, int tenants) throws SQLException {
        try (Connection admin = DriverManager.getConnection(server, user, null);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        String url = server.substring(0, server.lastIndexOf('/') + 1) + DATABASE;
        long started = System.nanoTime();
        try (Connection owner = DriverManager.getConnection(url, user, null);
                Statement statement = owner.createStatement()) {
            statement.execute("CREATE SCHEMA marts");
            statement.execute("CREATE TABLE " + TABLE + " (tenant_id text NOT NULL, sales_date date NOT NULL, "
                    + "channel text NOT NULL, orders int NOT NULL, net numeric(18, 2) NOT NULL)");
            statement.execute("INSERT INTO " + TABLE + " SELECT 't' || lpad((g % " + tenants + ")::text, 4, '0'), "
                    + "DATE '2024-01-01' + ((g / " + tenants + ") % " + DAYS + ")::int, "
                    + "(ARRAY['web', 'store', 'marketplace', 'phone'])[1 + (g / (" + tenants + " * " + DAYS
                    + ")) % 4], 1 + g % 7, round((g % 9973) / 3.0, 2) FROM generate_series(0, " + (rows - 1)
                    + ") g");
            statement.execute("CREATE INDEX fct_sales_by_day_tenant_date ON " + TABLE + " (tenant_id, sales_date)");
            statement.execute("VACUUM ANALYZE " + TABLE);
            List<TenantId> ids = IntStream.range(0, tenants).mapToObj(i -> TenantId.of(tenantName(i))).toList();
            new RowLevelSecurity(IsolationLayout.DEFAULT).apply(owner, ids);
            System.out.printf(Locale.ROOT, "%,d rows over %d tenants (%,d per tenant) in %s, loaded, indexed and "
                            + "secured in %.1f s; server %s%n", rows, tenants, rows / tenants, TABLE,
                    BenchSupport.seconds(started), scalar(owner, "SELECT current_setting('server_version')"));
        }
        return url;
    }

    private static void measure(String url, String user, TenantId tenant, int runs) throws SQLException {
        String role = TenantRoles.reader(tenant);
        try (Connection owner = DriverManager.getConnection(url, user, null)) {
            ReaderLogins.grant(owner, tenant, "bench".toCharArray());
        }
        System.out.printf(Locale.ROOT, "tenant %s; %d runs per query after 3 warm-up runs, reader and owner "
                + "alternating%n%n", tenant, runs);
        List<String[]> results = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(url, user, null);
                Connection reader = DriverManager.getConnection(url, role, "bench")) {
            for (Query query : QUERIES) {
                check(owner, reader, query, tenant);
                System.out.println("reader's plan, " + query.name() + ":");
                plan(reader, query.reader()).forEach(line -> System.out.println("    " + line));
                List<Double> asReader = new ArrayList<>();
                List<Double> asOwner = new ArrayList<>();
                for (int run = -3; run < runs; run++) {
                    double r = time(reader, query.reader(), null);
                    double o = time(owner, query.owner(), tenant);
                    if (run >= 0) {
                        asReader.add(r);
                        asOwner.add(o);
                    }
                }
                double r = median(asReader);
                double o = median(asOwner);
                results.add(new String[] {query.name(), ms(o), ms(r), String.format(Locale.ROOT, "%.2f", r / o)});
            }
        }
        System.out.printf(Locale.ROOT, "%n%-36s %16s %16s %14s%n", "median", "owner + WHERE", "reader (RLS)",
                "RLS / WHERE");
        for (String[] row : results) {
            System.out.printf(Locale.ROOT, "%-36s %16s %16s %14s%n", (Object[]) row);
        }
    }

    /** Both ways must return the same rows, or the comparison means nothing. */
    private static void check(Connection owner, Connection reader, Query query, TenantId tenant) throws SQLException {
        List<String> mine = rows(reader, query.reader(), null);
        List<String> theirs = rows(owner, query.owner(), tenant);
        if (!mine.equals(theirs) || mine.isEmpty()) {
            throw new IllegalStateException("The reader and the owner disagree on " + query.name() + ": " + mine.size()
                    + " vs " + theirs.size() + " rows");
        }
    }

    private static double time(Connection connection, String sql, TenantId tenant) throws SQLException {
        long started = System.nanoTime();
        rows(connection, sql, tenant);
        return BenchSupport.seconds(started);
    }

    private static List<String> rows(Connection connection, String sql, TenantId tenant) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (tenant != null) {
                statement.setString(1, tenant.value());
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(rows.getString(c)).append('|');
                    }
                    values.add(row.toString());
                }
            }
        }
        return values;
    }

    private static List<String> plan(Connection connection, String sql) throws SQLException {
        return rows(connection, "EXPLAIN (COSTS OFF) " + sql, null).stream()
                .map(line -> line.substring(0, line.length() - 1)).toList();
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        return rows(connection, sql, null).get(0).replace("|", "");
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.2f ms", seconds * 1000);
    }
}
