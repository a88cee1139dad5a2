package io.cairn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn build} with {@code warehouse.type: postgres} in cairn.yml: a dbt project and the bundled package. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresModelCliTest {
    private EmbeddedPostgres postgres;
    private int databases;

    @BeforeAll
    void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    void stop() throws IOException {
        postgres.close();
    }

    private String newDatabase() throws SQLException {
        String name = "cli_" + ++databases;
        execute("postgres", "create database " + name);
        return name;
    }

    @Test
    void buildsTheJaffleProjectOnPostgres(@TempDir Path dir) throws Exception {
        ModelCommandsTest.copyTree(ModelCommandsTest.findAbove("cairn-core/src/test/resources/projects/jaffle"),
                dir.resolve("jaffle"));
        Path seeds = Files.createDirectories(dir.resolve("jaffle/seeds"));
        for (String csv : List.of("raw_customers.csv", "raw_orders.csv", "raw_payments.csv")) {
            Files.copy(ModelCommandsTest.findAbove("shared/fixtures/external/jaffle-shop").resolve(csv),
                    seeds.resolve(csv));
        }
        String database = newDatabase();
        execute(database, "create schema app", "create table app.order_events (tenant_id varchar, order_id integer, "
                + "status varchar, amount decimal(10,2), updated_at timestamp, _loaded_at timestamp)",
                "insert into app.order_events values ('acme', 1, 'placed', 10.00, '2024-01-01 10:00', "
                        + "'2024-01-01 11:00')");
        writeConfig(dir, database, "project: jaffle\n");

        CliTest.Run build = cairn("build", "-p", dir.toString());

        assertThat(build.exit()).as(build.out() + build.err()).isZero();
        assertThat(build.out()).contains("Done. PASS=22 WARN=1 ERROR=0 SKIP=0 TOTAL=23");
        assertThat(query(database, "select count(*) from main.customers")).isEqualTo("100");
        assertThat(query(database, "select status from main.fct_order_events")).isEqualTo("placed");
    }

    @Test
    void buildsTheBundledPackageOnAnEmptyPostgresWarehouse(@TempDir Path dir) throws Exception {
        String database = newDatabase();
        writeConfig(dir, database, "");
        Files.writeString(dir.resolve("tenants.yml"), "tenants:\n  - id: acme\n    timezone: America/New_York\n"
                + "    currency: USD\n");

        CliTest.Run build = cairn("build", "-p", dir.toString());

        assertThat(build.exit()).as(build.out() + build.err()).isZero();
        assertThat(build.out()).contains("ERROR=0 SKIP=0").contains("Data quality:");
        assertThat(query(database, "select count(*) from marts.fct_sales_by_day")).isEqualTo("0");
        assertThat(query(database, "select reporting_currency from staging.stg_platform__tenants")).isEqualTo("USD");
    }

    @Test
    void aPipelineBuildLeavesNoTableWithTenantIdUnsecuredInEitherLayout(@TempDir Path dir) throws Exception {
        String database = newDatabase();
        writeConfig(dir, database, "");
        for (String tenancy : List.of("shared", "dedicated")) {
            String tenant = tenancy.equals("shared") ? "acme" : "initech";
            CliTest.Run add = cairn("tenants", "add", tenant, "-p", dir.toString(), "--name", tenant, "--timezone",
                    "UTC", "--currency", "USD", "--tenancy", tenancy);
            assertThat(add.exit()).as(add.err()).isZero();
        }
        Files.createDirectories(dir.resolve("pipelines"));
        Files.writeString(dir.resolve("pipelines/nightly.yml"), "steps:\n  - name: build\n    processor: build\n");

        for (int run = 1; run <= 2; run++) {
            CliTest.Run pipeline = cairn("pipeline", "run", "nightly", "-p", dir.toString());
            assertThat(pipeline.exit()).as("run %d: %s%s", run, pipeline.out(), pipeline.err()).isZero();
        }

        assertThat(query(database, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where c.relkind = 'r' and n.nspname in ('marts', 'initech_marts') and c.relrowsecurity "
                + "and c.relforcerowsecurity")).as("secured marts of both layouts").isNotEqualTo("0");
        assertThat(query(database, "select string_agg(n.nspname || '.' || c.relname, ', ') from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid "
                + "and a.attname = 'tenant_id' and not a.attisdropped where c.relkind in ('r', 'p') "
                + "and n.nspname ~ '^(initech_)?(raw|staging|intermediate|marts|ops)$' and not (c.relrowsecurity "
                + "and c.relforcerowsecurity and 2 = (select count(*) from pg_policy p where p.polrelid = c.oid "
                + "and p.polname in ('cairn_pipeline', 'cairn_tenant_reader')))"))
                .as("tables with tenant_id swapped in by the second run, without forced RLS and both policies")
                .isNull();
        assertThat(query(database, "select string_agg(distinct schemaname, ',' order by schemaname) from pg_views "
                + "where schemaname like '%marts_masked'")).as("PII masking views of both layouts")
                .isEqualTo("initech_marts_masked,marts_masked");
        assertThat(query(database, "select count(*) from initech_ops.dq_results where tenant_id = 'initech'"))
                .as("the dedicated tenant's quality results in its own ops schema").isNotEqualTo("0");
    }

    private void writeConfig(Path dir, String database, String extra) throws IOException {
        Files.writeString(dir.resolve("cairn.yml"), "warehouse:\n  type: postgres\n  url: " + url(database) + "\n"
                + "  user: postgres\n" + extra);
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private void execute(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", null);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private String query(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", null);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
