package io.cairn.core.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.spi.CairnException;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;
import io.cairn.warehouse.duckdb.DuckDbWarehouseFactory;

import static io.cairn.core.serving.ServingFixture.ACME;
import static io.cairn.core.serving.ServingFixture.GLOBEX;
import static io.cairn.core.serving.ServingFixture.GLOBEX_MARKERS;
import static io.cairn.core.serving.ServingFixture.assertNoGlobex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Adversarial tenant isolation on DuckDB: as tenant acme, through {@link TenantData#query}, every way we know to
 * read, count or infer tenant globex's rows, reach files, the main warehouse or extensions, or change the session's
 * limits. Each attempt must be refused or return nothing of globex's, and no message may name a server path. What
 * the SQL check refuses is also run directly on a tenant connection, to show the engine refuses it (or it reaches
 * nothing of globex's) without that check. Every attempt and its outcome is printed.
 */
class DuckDbTenantIsolationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> ATTEMPTS = new ArrayList<>();

    @TempDir
    static Path dir;
    private static ControlPlane controlPlane;
    private static DuckDbWarehouse warehouse;
    private static TenantData data;
    private static Path secret;
    private static Path mainFile;
    private static Path globexCopy;

    @BeforeAll
    static void publishTwoTenants() throws Exception {
        controlPlane = ServingFixture.controlPlane(dir);
        mainFile = dir.resolve("warehouse.duckdb");
        warehouse = DuckDbWarehouse.open(mainFile, "2", null, DuckDbWarehouseFactory.publishedFolder(dir));
        ServingFixture.createTables(warehouse);
        ServingFixture.execute(warehouse, List.of(
                "CREATE SCHEMA raw", "CREATE TABLE raw.shopify__orders AS SELECT 'globex' AS tenant_id, "
                        + "'{\"total\": \"777.77\"}' AS payload",
                "CREATE SCHEMA intermediate",
                "CREATE TABLE intermediate.int_orders AS SELECT * FROM marts.fct_sales_by_day",
                "CREATE VIEW marts.v_sales AS SELECT * FROM marts.fct_sales_by_day"));
        warehouse.tenantScope().publish(List.of(ACME, GLOBEX));
        data = new ScopedTenantData(warehouse, controlPlane);
        secret = Files.writeString(dir.resolve("secret.csv"), "tenant_id,net\nglobex,777.77\n");
        Files.writeString(dir.resolve("secret.json"), "{\"tenant_id\": \"globex\", \"net\": 777.77}\n");
        globexCopy = DuckDbWarehouseFactory.publishedFolder(dir).resolve("globex.duckdb");
    }

    @AfterAll
    static void listAttempts() {
        StringBuilder list = new StringBuilder("DuckDB isolation attempts as tenant acme (" + ATTEMPTS.size() + "):\n");
        ATTEMPTS.forEach(line -> list.append("  ").append(line).append('\n'));
        System.out.print(list);
        warehouse.close();
        controlPlane.close();
    }

    @Test
    void readingCountingAndAggregatingShowOnlyOwnRows() {
        assertThat(own("read every row", "SELECT * FROM marts.fct_sales_by_day")).hasSize(4);
        assertThat(own("filter on the other tenant's id",
                "SELECT * FROM marts.fct_sales_by_day WHERE tenant_id = 'globex'")).isEmpty();
        assertThat(own("OR true in the filter",
                "SELECT * FROM marts.fct_sales_by_day WHERE tenant_id = 'globex' OR true")).hasSize(4);
        assertThat(own("count", "SELECT count(*) FROM marts.fct_sales_by_day")).containsExactly("4");
        assertThat(own("aggregate by tenant", "SELECT tenant_id || '=' || sum(net) FROM marts.fct_sales_by_day "
                + "GROUP BY tenant_id")).containsExactly("acme=65.00");
        assertThat(own("max over all rows", "SELECT max(net) FROM marts.fct_sales_by_day")).containsExactly("30.00");
        assertThat(own("second mart", "SELECT email FROM marts.dim_customers")).containsExactly("buyer@acme.example");
        assertThat(own("a view in marts (published as the tenant's rows)", "SELECT count(*) FROM marts.v_sales"))
                .containsExactly("4");
        assertThat(own("quality results", "SELECT count(*) FROM ops.dq_results")).containsExactly("3");
        assertThat(own("quality rows of no tenant", "SELECT count(*) FROM ops.dq_results WHERE tenant_id IS NULL"))
                .containsExactly("0");
        assertThat(own("FROM-first syntax", "FROM marts.fct_sales_by_day SELECT count(*)")).containsExactly("4");
        assertThat(own("table function query()", "SELECT * FROM query('SELECT count(*) FROM marts.fct_sales_by_day')"))
                .containsExactly("4");
    }

    @Test
    void sideChannelsRevealNothing() {
        own("division by zero only on the other tenant's rows",
                "SELECT 1 / (CASE WHEN tenant_id = 'globex' THEN 0 ELSE 1 END) FROM marts.fct_sales_by_day");
        own("cast error keyed on the other tenant's value", "SELECT count(*) FROM marts.fct_sales_by_day "
                + "WHERE CASE WHEN net = 777.77 THEN CAST('x' AS INTEGER) ELSE 1 END = 1");
        refused("error() showing a value of each row", "SELECT error(tenant_id || note) FROM marts.fct_sales_by_day "
                + "WHERE tenant_id <> 'acme' OR note = 'plain'");
        assertThat(own("table statistics (estimated_size)", "SELECT sum(estimated_size) FROM duckdb_tables() "
                + "WHERE table_name = 'fct_sales_by_day'")).containsExactly("4");
        own("every table the session can see", "SELECT database_name || '.' || schema_name || '.' || table_name "
                + "FROM duckdb_tables()");
        own("every column", "SELECT table_name || '.' || column_name FROM duckdb_columns()");
        own("databases attached", "SELECT database_name FROM duckdb_databases()");
        assertThat(own("settings: external access", "SELECT value FROM duckdb_settings() "
                + "WHERE name = 'enable_external_access'")).containsExactly("false");
        assertThat(own("settings: locked", "SELECT current_setting('lock_configuration')")).containsExactly("true");
    }

    @Test
    void otherLayersAndUnpublishedRelationsAreOutOfReach() {
        refused("read a raw table", "SELECT * FROM raw.shopify__orders");
        refused("read intermediate", "SELECT * FROM intermediate.int_orders");
        refused("read a mart without tenant_id", "SELECT * FROM marts.currency_rates");
        refused("read the main database by catalog name", "SELECT * FROM warehouse.marts.fct_sales_by_day");
        refused("read the other tenant's copy by catalog name", "SELECT * FROM globex.marts.fct_sales_by_day");
    }

    @Test
    void filesAreOutOfReach() {
        refused("read_csv of a server file", "SELECT * FROM read_csv('" + secret + "')");
        refused("read_csv_auto of /etc/passwd", "SELECT * FROM read_csv_auto('/etc/passwd')");
        refused("read_json of a server file", "SELECT * FROM read_json('" + dir.resolve("secret.json") + "')");
        refused("read_json_objects", "SELECT * FROM read_json_objects('" + dir.resolve("secret.json") + "')");
        refused("read_parquet", "SELECT * FROM read_parquet('" + dir.resolve("x.parquet") + "')");
        refused("read_text of the other tenant's copy", "SELECT * FROM read_text('" + globexCopy + "')");
        refused("read_blob of the main warehouse", "SELECT * FROM read_blob('" + mainFile + "')");
        refused("a file path as a table", "SELECT * FROM '" + secret + "'");
        refused("glob of the project folder", "SELECT * FROM glob('" + dir + "/*')");
        refused("sniff_csv", "SELECT * FROM sniff_csv('" + secret + "')");
        refused("remote file over HTTP", "SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')");
        refused("getenv", "SELECT getenv('HOME')");
        refused("COPY ... TO a file", "COPY (SELECT * FROM marts.fct_sales_by_day) TO '" + dir.resolve("out.csv") + "'");
        refused("COPY ... FROM a file", "COPY marts.fct_sales_by_day FROM '" + secret + "'");
        refused("EXPORT DATABASE", "EXPORT DATABASE '" + dir.resolve("export") + "'");
        assertThat(dir.resolve("out.csv")).as("COPY TO wrote nothing").doesNotExist();
        assertThat(dir.resolve("export")).as("EXPORT DATABASE wrote nothing").doesNotExist();
    }

    @Test
    void otherDatabasesAndExtensionsAreOutOfReach() {
        refused("ATTACH the main warehouse", "ATTACH '" + mainFile + "' AS w (READ_ONLY)");
        refused("ATTACH the other tenant's copy", "ATTACH '" + globexCopy + "' AS g (READ_ONLY)");
        refused("INSTALL an extension", "INSTALL httpfs");
        refused("LOAD an extension", "LOAD httpfs");
        refused("LOAD an extension from a path", "LOAD '" + dir.resolve("evil.duckdb_extension") + "'");
        refused("CREATE SECRET", "CREATE SECRET s (TYPE s3, KEY_ID 'x', SECRET 'y')");
        assertThat(own("list secrets", "SELECT * FROM duckdb_secrets()")).isEmpty();
    }

    @Test
    void settingsCannotBeChanged() {
        refused("SET enable_external_access", "SET enable_external_access = true");
        refused("RESET enable_external_access", "RESET enable_external_access");
        refused("SET lock_configuration", "SET lock_configuration = false");
        refused("SET memory_limit", "SET memory_limit = '100GB'");
        refused("SET allowed_directories", "SET allowed_directories = ['/']");
        refused("PRAGMA enable_external_access", "PRAGMA enable_external_access");
        refused("PRAGMA database_list", "PRAGMA database_list");
        refused("USE another database", "USE memory");
        refused("DETACH the tenant's copy", "DETACH tenant");
    }

    @Test
    void writingIsRefused() {
        refused("CREATE TABLE", "CREATE TABLE marts.stash AS SELECT 1 AS x");
        refused("CREATE VIEW", "CREATE VIEW marts.all_sales AS SELECT * FROM marts.fct_sales_by_day");
        refused("INSERT a row as the other tenant", "INSERT INTO marts.fct_sales_by_day VALUES "
                + "('globex', DATE '2024-02-01', 'web', 1, NULL)");
        refused("UPDATE", "UPDATE marts.fct_sales_by_day SET net = 0");
        refused("DELETE", "DELETE FROM marts.fct_sales_by_day");
        refused("a data-modifying WITH", "WITH x AS (SELECT 1) DELETE FROM marts.fct_sales_by_day");
        refused("DROP TABLE", "DROP TABLE marts.fct_sales_by_day");
        refused("CHECKPOINT", "CHECKPOINT");
        assertThat(own("the rows are all still there", "SELECT count(*) FROM marts.fct_sales_by_day"))
                .containsExactly("4");
    }

    @Test
    void severalStatementsAreRefused() {
        refused("a read, then a file read", "SELECT 1; SELECT * FROM read_csv('" + secret + "')");
        refused("a read, then ATTACH", "SELECT 1; ATTACH '" + mainFile + "' AS w");
        refused("a comment hiding a second statement", "SELECT 1 /* ; */; SET enable_external_access = true");
    }

    /** Runs the read as acme; asserts nothing of globex's and no server path in the rows. Returns column 1. */
    private static List<String> own(String attempt, String sql) {
        ResultPage page = data.query(ACME, sql, TIMEOUT, 1000);
        List<String> first = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (List<Object> row : page.rows()) {
            first.add(String.valueOf(row.get(0)));
            row.forEach(value -> seen.append(value).append(' '));
        }
        assertNoGlobex(attempt, seen.toString());
        ATTEMPTS.add(String.format(Locale.ROOT, "%-52s returned %d rows, none of globex's", attempt,
                page.rows().size()));
        return first;
    }

    /**
     * Asserts that {@code TenantData.query} refuses the SQL without naming globex's data or a server path; when the
     * refusal came from the SQL check, also runs it straight on a tenant connection.
     */
    private static void refused(String attempt, String sql) {
        String message;
        try {
            data.query(ACME, sql, TIMEOUT, 1000);
            fail("Attempt '%s' as acme was not refused", attempt);
            return;
        }
        catch (CairnException e) {
            message = e.getMessage();
        }
        assertNoGlobex(attempt, withoutInput(message, sql));
        assertThat(message).as("%s: the message names no server path", attempt).doesNotContain(dir.toString());
        String engine = onTheEngineAlone(sql, attempt);
        ATTEMPTS.add(String.format(Locale.ROOT, "%-52s refused: %s%s", attempt,
                message.replace("Cannot run the query of tenant acme: ", "").lines().findFirst().orElse(""), engine));
    }

    /** The statement straight on a tenant connection, without the SQL check: refused, or nothing of globex's. */
    private static String onTheEngineAlone(String sql, String attempt) {
        try (Connection connection = warehouse.tenantScope().connect(ACME, TIMEOUT);
                Statement statement = connection.createStatement()) {
            StringBuilder seen = new StringBuilder();
            int rows = 0;
            if (statement.execute(sql)) {
                try (ResultSet results = statement.getResultSet()) {
                    while (results.next()) {
                        rows++;
                        for (int c = 1; c <= results.getMetaData().getColumnCount(); c++) {
                            seen.append(results.getString(c)).append(' ');
                        }
                    }
                }
            }
            assertNoGlobex(attempt + " (engine)", seen.toString());
            return " | engine alone: ran, " + rows + " rows, none of globex's";
        }
        catch (SQLException e) {
            assertNoGlobex(attempt + " (engine)", withoutInput(e.getMessage().replace(globexCopy.toString(), "<path>"),
                    sql));
            return " | engine alone: refused";
        }
    }

    /** A refusal may repeat what the attacker sent (a catalog name, say): that is its own input, not globex's data. */
    private static String withoutInput(String message, String sql) {
        String rest = message;
        for (String marker : GLOBEX_MARKERS) {
            if (sql.contains(marker)) {
                rest = rest.replace(marker, "<input>");
            }
        }
        return rest;
    }
}
