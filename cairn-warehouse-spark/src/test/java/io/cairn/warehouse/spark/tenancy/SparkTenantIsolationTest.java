package io.cairn.warehouse.spark.tenancy;

import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.warehouse.spark.SparkTestWarehouses;
import io.cairn.warehouse.spark.SparkWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adversarial suite for Spark tenant access: tenant acme, on its own tenant connection, tries every way we know
 * to reach tenant beta's rows, the warehouse catalog, files, Java or the session's configuration. Each attempt and
 * its outcome is printed; every one is refused or returns nothing of beta's, and beta's values never appear in any
 * result or error.
 */
class SparkTenantIsolationTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId BETA = new TenantId("beta");
    private static final TenantId GAMMA = new TenantId("gamma");
    /**
     * Values only beta's (and the dedicated gamma's) rows and the private relations hold; an outcome may only
     * contain one the attack itself named.
     */
    private static final List<String> SECRETS = List.of("BETA-SECRET", "9731.55", "7731", "internal_fx",
            "GAMMA-SECRET", "gamma_marts", "1.0873");

    @TempDir
    static Path folder;
    static SparkWarehouse warehouse;
    static TenantScope scope;

    @BeforeAll
    static void createMarts() throws SQLException {
        warehouse = SparkTestWarehouses.open(folder);
        execute("create schema if not exists marts", "create schema if not exists ops",
                "create schema if not exists gamma_marts", "create schema if not exists gamma_ops",
                "create table marts.orders (tenant_id string, id int, amount decimal(12,2), note string, "
                        + "order_date date) using iceberg partitioned by (tenant_id)",
                "insert into marts.orders values ('acme', 1, 12.50, 'first', date'2024-01-02'), "
                        + "('acme', 2, 7.25, 'second', date'2024-01-03'), "
                        + "('beta', 7731, 9731.55, 'BETA-SECRET-7731', date'2024-01-02')",
                "create table marts.beta_ledger (tenant_id string, entry string) using iceberg",
                "insert into marts.beta_ledger values ('beta', 'BETA-SECRET-ledger')",
                "create view marts.order_totals as select tenant_id, sum(amount) as total from marts.orders "
                        + "group by tenant_id",
                "create table marts.internal_fx (currency string, rate double) using iceberg",
                "insert into marts.internal_fx values ('EUR', 1.0873)",
                "create table ops.dq_results (tenant_id string, check_name string, status string) using iceberg",
                "insert into ops.dq_results values ('acme', 'orders_fresh', 'pass'), "
                        + "('beta', 'BETA-SECRET-check', 'fail')",
                "create table ops.run_log (tenant_id string, line string) using iceberg",
                "create table gamma_marts.orders (tenant_id string, id int, note string) using iceberg",
                "insert into gamma_marts.orders values ('gamma', 5, 'GAMMA-SECRET')",
                "create table gamma_ops.dq_results (tenant_id string, check_name string, status string) using iceberg",
                "insert into gamma_ops.dq_results values ('gamma', 'GAMMA-SECRET-check', 'pass')");
        scope = warehouse.tenantScope();
        scope.locate(tenant -> tenant.equals(GAMMA) ? "gamma_" : "");
        scope.publish(List.of(ACME, BETA, GAMMA));
    }

    @AfterAll
    static void close() throws SQLException {
        warehouse.close();
        // Iceberg keeps the H2 catalog open; shut it down so its lock file does not outlive the temporary folder.
        try (Connection catalog = java.sql.DriverManager.getConnection(warehouse.catalogUrl());
                Statement statement = catalog.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void acmeSeesItsOwnRowsOfEveryTenantRelationAndNothingElse() throws SQLException {
        try (Connection connection = scope.connect(ACME, Duration.ofMinutes(1))) {
            assertThat(rows(connection, "select id, amount, note from marts.orders order by id"))
                    .containsExactly("1|12.50|first", "2|7.25|second");
            assertThat(rows(connection, "select total from marts.order_totals")).containsExactly("19.75");
            assertThat(rows(connection, "select count(*) from marts.beta_ledger")).containsExactly("0");
            assertThat(rows(connection, "select check_name, status from ops.dq_results"))
                    .containsExactly("orders_fresh|pass");
            assertThat(rows(connection, "with o as (select * from marts.orders) select count(*) from o "
                    + "where id in (select id from marts.orders where amount > 10)")).containsExactly("1");
            assertThat(tables(connection.getMetaData())).containsExactly("marts.beta_ledger", "marts.order_totals",
                    "marts.orders", "ops.dq_results");
        }
        assertThat(scope.accessObjects(ACME)).containsExactly("published copy " + folder.resolve("published/acme"));
    }

    @Test
    void everyAttemptToReachAnotherTenantFilesJavaOrTheConfigurationFails() throws SQLException {
        String warehouseData = folder.resolve("data").toUri().toString();
        List<String> attacks = List.of(
                // other tenants' rows through the relations acme can read
                "select * from marts.orders where tenant_id = 'beta'",
                "select count(*), sum(amount) from marts.orders where tenant_id <> 'acme'",
                "select tenant_id, count(*) from marts.orders group by tenant_id",
                "select * from marts.beta_ledger",
                "select * from ops.dq_results where status = 'fail'",
                // relations that are not acme's: missing-table messages must not list them
                "select * from marts.nope",
                "select * from marts.internal_fx",
                "select * from gamma_marts.orders",
                "select * from ops.run_log",
                // the warehouse catalog, Spark's own catalogs, global temporary views
                "select * from cairn.marts.orders",
                "select * from cairn.gamma_marts.orders",
                "select * from marts.orders where id in (select id from cairn.marts.orders)",
                "select * from spark_catalog.default.orders",
                "select * from global_temp.orders",
                "select * from identifier('cairn.marts.orders')",
                "USE cairn", "USE spark_catalog", "USE published.marts",
                "SHOW TABLES IN cairn.marts", "SHOW CATALOGS", "SHOW NAMESPACES", "DESCRIBE cairn.marts.orders",
                // configuration
                "SET spark.sql.catalog.evil=org.apache.iceberg.spark.SparkCatalog",
                "SET spark.sql.catalog.evil.uri=" + warehouse.catalogUrl(),
                "SET spark.sql.runSQLOnFiles=true", "SET spark.sql.defaultCatalog=cairn", "SET", "SET -v", "RESET",
                "RESET spark.sql.runSQLOnFiles", "select set_config('search_path', 'cairn', false)",
                // files
                "select * from json.`/etc/passwd`", "select * from csv.`/etc/passwd`", "select * from text.`/etc/passwd`",
                "select * from binaryFile.`/etc`", "select * from parquet.`" + warehouseData + "`",
                "select * from iceberg.`" + warehouseData + "marts/orders`",
                "select * from read_files('/etc/passwd')",
                "select * from marts.`../../beta`", "select * from `..`.`..`.`beta`",
                "CREATE TABLE stolen USING parquet LOCATION '" + warehouseData + "marts/orders/data'",
                // Java, the environment, script transforms
                "select reflect('java.lang.System', 'getenv', 'HOME')",
                "select java_method('java.lang.System', 'getProperty', 'user.home')",
                "select try_reflect('java.lang.Runtime', 'getRuntime')",
                "select current_user()", "select input_file_name() from marts.orders",
                "select xpath_string('<a>x</a>', 'a')",
                "select transform(note) using 'cat' as (x) from marts.orders",
                "CREATE TEMPORARY FUNCTION evil AS 'java.lang.String'",
                "CREATE FUNCTION evil AS 'java.lang.String'",
                // writes and DDL
                "CREATE TEMPORARY VIEW v AS select 1", "CREATE TABLE marts.x (a int)",
                "CREATE TABLE marts.x USING iceberg AS select * from marts.orders",
                "INSERT INTO marts.orders values ('beta', 99, 1.00, 'x', date'2024-01-01')",
                "with x as (select 1) insert into marts.orders select 'acme', 3, 1.00, 'x', date'2024-01-01'",
                "DELETE FROM marts.orders", "UPDATE marts.orders SET note = 'x'",
                "MERGE INTO marts.orders t USING marts.orders s ON t.id = s.id WHEN MATCHED THEN DELETE",
                "DROP TABLE marts.orders", "DROP SCHEMA marts CASCADE", "ALTER TABLE marts.orders ADD COLUMN z int",
                "TRUNCATE TABLE marts.orders", "CACHE TABLE marts.orders", "UNCACHE TABLE marts.orders",
                "CLEAR CACHE", "REFRESH TABLE marts.orders", "ANALYZE TABLE marts.orders COMPUTE STATISTICS",
                "ADD JAR /tmp/evil.jar", "ADD FILE /etc/passwd", "LIST FILES",
                "EXPLAIN select * from cairn.marts.orders",
                // Iceberg procedures, metadata tables and time travel
                "CALL published.system.rollback_to_snapshot('marts.orders', 1)",
                "CALL cairn.system.expire_snapshots('marts.orders')",
                "CALL system.remove_orphan_files(table => 'marts.orders')",
                "select * from marts.orders.snapshots", "select * from marts.orders.files",
                "select * from cairn.marts.orders.snapshots", "select * from cairn.marts.orders.files",
                "select * from cairn.marts.orders version as of 1",
                "select * from cairn.marts.orders timestamp as of '2000-01-01 00:00:00'",
                // metadata columns name the copy's files
                "select _file from marts.orders", "select _pos, _spec_id, _partition from marts.orders",
                "select count(*) from marts.orders where _file like '%beta%'");
        String publishedFolder = folder.resolve("published").toString();
        List<String> refusedOrEmpty = new ArrayList<>();
        try (Connection connection = scope.connect(ACME, Duration.ofMinutes(1))) {
            for (String attack : attacks) {
                String outcome;
                boolean harmless;
                try {
                    List<String> result = rows(connection, attack);
                    outcome = "rows " + result;
                    harmless = result.stream().noneMatch(row -> row.contains("beta"));
                }
                catch (SQLException e) {
                    outcome = "refused: " + e.getMessage().replace('\n', ' ');
                    harmless = true;
                }
                System.out.println("[acme] " + attack + "\n    -> " + outcome);
                String said = outcome;
                assertThat(SECRETS).as("%s -> %s", attack, outcome)
                        .noneMatch(secret -> !attack.contains(secret) && said.contains(secret));
                assertThat(said).as("%s -> %s", attack, outcome).doesNotContain(publishedFolder);
                assertThat(harmless).as("%s -> %s", attack, outcome).isTrue();
                refusedOrEmpty.add(attack);
            }
            assertThat(rows(connection, "select count(*) from marts.orders")).containsExactly("2");
        }
        assertThat(refusedOrEmpty).hasSameSizeAs(attacks);
        try (Connection root = warehouse.connect()) {
            assertThat(rows(root, "select count(*) from marts.orders where tenant_id in ('acme', 'beta')"))
                    .as("nothing was written").containsExactly("3");
            assertThat(rows(root, "show tables in marts")).noneMatch(row -> row.contains("|x|"));
        }
    }

    @Test
    void statementsThatMayChangeSomethingNeverRun() throws SQLException {
        try (Connection connection = scope.connect(ACME, Duration.ofMinutes(1))) {
            for (String sql : List.of("SET spark.sql.runSQLOnFiles=true", "SET spark.sql.defaultCatalog=cairn",
                    "CREATE TEMPORARY VIEW mine AS select 1 as one", "DELETE FROM marts.orders",
                    "CALL published.system.rollback_to_snapshot('marts.orders', 1)", "EXPLAIN select 1",
                    "select reflect('java.lang.System', 'getenv', 'HOME')", "select * from cairn.marts.orders")) {
                assertThatThrownBy(() -> rows(connection, sql)).isInstanceOf(SQLException.class);
            }
            var session = io.cairn.warehouse.spark.jdbc.SparkJdbc.session(connection);
            assertThat(session.conf().get("spark.sql.runSQLOnFiles")).isEqualTo("false");
            assertThat(session.conf().get("spark.sql.defaultCatalog")).isEqualTo(TenantSessions.CATALOG);
            assertThat(session.catalog().tableExists("mine")).isFalse();
            assertThat(rows(connection, "select count(*) from marts.orders")).containsExactly("2");
            assertThatThrownBy(() -> rows(connection, "select cairn_nope(1)"))
                    .hasMessageContaining("UNRESOLVED_ROUTINE");
        }
    }

    @Test
    void aDedicatedTenantReadsItsOwnSchemasAsMartsAndOps() throws SQLException {
        try (Connection connection = scope.connect(GAMMA, Duration.ofMinutes(1))) {
            assertThat(rows(connection, "select id, note from marts.orders")).containsExactly("5|GAMMA-SECRET");
            assertThat(rows(connection, "select check_name from ops.dq_results"))
                    .containsExactly("GAMMA-SECRET-check");
            assertThat(tables(connection.getMetaData())).containsExactly("marts.orders", "ops.dq_results");
        }
        try (Connection connection = scope.connect(ACME, Duration.ofMinutes(1))) {
            assertThat(rows(connection, "select count(*) from marts.orders where note like 'GAMMA%'"))
                    .containsExactly("0");
        }
        TenantScope wrong = new SparkTenantScope(warehouse, folder.resolve("published-wrong"));
        wrong.locate(tenant -> "gamma_");
        assertThatThrownBy(() -> wrong.connect(ACME, Duration.ofMinutes(1))).isInstanceOf(CairnException.class)
                .hasMessageContaining("neither the shared layout's nor the tenant's own");
    }

    @Test
    void aReaderSeesTheOldCopyOrTheNewOneWholeAndOldVersionsGoOnceUnused() throws Exception {
        TenantId delta = new TenantId("delta");
        execute("insert into marts.orders values ('delta', 1, 1.00, 'd1', date'2024-02-01'), "
                + "('delta', 2, 1.00, 'd2', date'2024-02-01')");
        scope.publish(List.of(delta));
        try (Connection old = scope.connect(delta, Duration.ofMinutes(1))) {
            assertThat(rows(old, "select count(*) from marts.orders")).containsExactly("2");
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                for (int i = 3; i <= 4; i++) {
                    execute("insert into marts.orders values ('delta', " + i + ", 1.00, 'd', date'2024-02-01'), "
                            + "('delta', " + (i + 10) + ", 1.00, 'd', date'2024-02-01')");
                    scope.publish(List.of(delta));
                }
            });
            List<String> seen = new ArrayList<>();
            while (!publishing.isDone()) {
                try (Connection reader = scope.connect(delta, Duration.ofMinutes(1))) {
                    seen.add(rows(reader, "select count(*) from marts.orders").get(0));
                }
            }
            publishing.get();
            System.out.println("[delta] counts seen while publishing: " + seen);
            assertThat(seen).allMatch(count -> List.of("2", "4", "6").contains(count));
            assertThat(rows(old, "select count(*), sum(amount) from marts.orders")).containsExactly("2|2.00");
            assertThat(versions(delta)).hasSize(3); // current, the one before it, and the one still read
        }
        try (Connection fresh = scope.connect(delta, Duration.ofMinutes(1))) {
            assertThat(rows(fresh, "select count(*) from marts.orders")).containsExactly("6");
        }
        assertThat(versions(delta)).hasSize(2);
        execute("insert into marts.orders values ('delta', 20, 1.00, 'unpublished', date'2024-02-02')");
        try (Connection stale = scope.connect(delta, Duration.ofMinutes(1))) {
            assertThat(rows(stale, "select count(*) from marts.orders")).containsExactly("7");
        }
        assertThat(scope.removeAccess(delta)).containsExactly("published copy " + folder.resolve("published/delta"));
        assertThat(folder.resolve("published/delta")).doesNotExist();
        assertThat(scope.accessObjects(delta)).isEmpty();
    }

    private static List<Path> versions(TenantId tenant) throws java.io.IOException {
        try (Stream<Path> entries = Files.list(folder.resolve("published").resolve(tenant.value()))) {
            return entries.filter(Files::isDirectory).toList();
        }
    }

    private static void execute(String... statements) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return rows;
            }
            try (ResultSet rs = statement.getResultSet()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(rs.getString(i));
                    }
                    rows.add(String.join("|", values));
                }
            }
        }
        return rows;
    }

    private static List<String> tables(DatabaseMetaData meta) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", null)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
            }
        }
        tables.sort(null);
        return tables;
    }

}
