package io.cairn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.audit.AuditEntry;
import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code cairn access} and the isolation hook of {@code cairn build} on a real PostgreSQL warehouse: a user's own
 * models get row-level security and PII masking on the build that creates them.
 */
class AccessCliTest {
    private static final Pattern PASSWORD = Pattern.compile("password: +(\\S+)");
    private static EmbeddedPostgres postgres;
    private static int databases;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void grantShowRevokeManageTheTenantsLoginAndAreAudited() throws Exception {
        Path project = postgresProject();
        execute(project, "CREATE SCHEMA marts", "CREATE TABLE marts.fct_sales (tenant_id text, revenue numeric)",
                "INSERT INTO marts.fct_sales VALUES ('acme', 10), ('globex', 777.77)");

        CliTest.Run grant = cairn("access", "grant", "acme", "-p", project.toString());

        assertThat(grant.exit()).as(grant.err()).isZero();
        assertThat(grant.out()).contains("user:      cairn_reader_acme", "port:      " + postgres.getPort(),
                "sslmode:   prefer", "schemas:   marts_masked, marts", "PII masked");
        String password = password(grant.out());
        try (Connection reader = reader(project, password)) {
            assertThat(query(reader, "SELECT tenant_id || ':' || revenue FROM fct_sales")).containsExactly("acme:10");
        }

        CliTest.Run show = cairn("access", "show", "-p", project.toString());
        assertThat(show.out()).contains("acme", "cairn_reader_acme", "masked", "cli:").doesNotContain(password);

        CliTest.Run regrant = cairn("access", "grant", "acme", "--pii", "-p", project.toString());
        assertThat(regrant.out()).contains("PII in clear");
        assertThat(password(regrant.out())).as("a new password every grant").isNotEqualTo(password);
        assertThat(cairn("access", "show", "acme", "--history", "-p", project.toString()).out().lines()
                .filter(line -> line.startsWith("acme"))).as("the replaced grant is kept").hasSize(2);

        CliTest.Run revoke = cairn("access", "revoke", "acme", "-p", project.toString());
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("Revoked BI access of tenant acme (cairn_reader_acme); 0 open sessions");
        assertThatThrownBy(() -> reader(project, password(regrant.out())).close())
                .hasMessageContaining("not permitted to log in");
        assertThat(cairn("access", "show", "-p", project.toString()).out()).contains("No BI access in force");

        try (ControlPlane controlPlane = ControlPlane.open(ControlPlaneSettings.of(
                "jdbc:h2:file:" + project.resolve(".cairn/control")))) {
            assertThat(controlPlane.audit().list(null, null, "access.", 10)).extracting(AuditEntry::action)
                    .containsExactly("access.revoke", "access.grant", "access.grant");
        }
    }

    @Test
    void aDedicatedTenantsLoginReadsItsOwnSchemasOnlyAndOffboardingDropsIt() throws Exception {
        Path project = postgresProject();
        cairn("tenants", "add", "initech", "-p", project.toString(), "--tenancy", "dedicated");
        execute(project, "CREATE SCHEMA marts", "CREATE TABLE marts.fct_sales (tenant_id text, revenue numeric)",
                "INSERT INTO marts.fct_sales VALUES ('acme', 10), ('initech', 777.77)",
                "CREATE SCHEMA initech_marts", "CREATE TABLE initech_marts.fct_sales (tenant_id text, revenue numeric)",
                "INSERT INTO initech_marts.fct_sales VALUES ('initech', 5)");

        CliTest.Run grant = cairn("access", "grant", "initech", "-p", project.toString());

        assertThat(grant.exit()).as(grant.err()).isZero();
        assertThat(grant.out()).contains("user:      cairn_reader_initech",
                "schemas:   initech_marts_masked, initech_marts");
        String password = password(grant.out());
        try (Connection reader = DriverManager.getConnection(url(project.getFileName().toString()),
                "cairn_reader_initech", password)) {
            assertThat(query(reader, "SELECT tenant_id || ':' || revenue FROM fct_sales"))
                    .as("its own schema, through the search_path").containsExactly("initech:5");
            assertThatThrownBy(() -> query(reader, "SELECT * FROM marts.fct_sales"))
                    .as("the shared marts, even its stray row there").hasMessageContaining("permission denied");
        }

        CliTest.Run offboard = cairn("tenants", "offboard", "initech", "-p", project.toString(), "--confirm",
                "initech");

        assertThat(offboard.exit()).as(offboard.err()).isZero();
        assertThat(offboard.out()).contains("Warehouse access dropped: role cairn_reader_initech, "
                + "role cairn_pii_initech, schema initech_marts_masked");
        assertThatThrownBy(() -> DriverManager.getConnection(url(project.getFileName().toString()),
                "cairn_reader_initech", password).close()).hasMessageContaining("cairn_reader_initech");
    }

    @Test
    void unknownTenantsAreRefused() throws Exception {
        Path project = postgresProject();

        CliTest.Run grant = cairn("access", "grant", "nobody", "-p", project.toString());

        assertThat(grant.exit()).isEqualTo(Main.USAGE);
        assertThat(grant.err()).contains("Cannot change BI access of tenant nobody: no such tenant");
    }

    @Test
    void aDuckDbWarehouseExplainsThatBiAccessNeedsPostgres() throws Exception {
        Path project = Files.createDirectories(dir.resolve("duck"));
        cairn("tenants", "add", "acme", "-p", project.toString());

        CliTest.Run grant = cairn("access", "grant", "acme", "-p", project.toString());

        assertThat(grant.exit()).isEqualTo(Main.USAGE);
        assertThat(grant.err()).contains("direct SQL access for BI tools needs a PostgreSQL warehouse",
                "this project's warehouse is duckdb");
    }

    @Test
    void aUserModelWithTenantIdGetsPoliciesAndMaskingOnTheBuildThatCreatesIt() throws Exception {
        Path project = postgresProject();
        Path models = userProject(project);
        CliTest.Run grant = cairn("access", "grant", "acme", "-p", project.toString(), "--models", models.toString());
        String password = password(grant.out());

        CliTest.Run build = cairn("build", "-p", project.toString(), "--models", models.toString());

        assertThat(build.exit()).as(build.out() + build.err()).isZero();
        try (Connection reader = reader(project, password)) {
            assertThat(query(reader, "SELECT tenant_id || ':' || email || ':' || amount FROM customer_spend"))
                    .as("own rows, PII masked, through the search_path").singleElement().asString()
                    .matches("acme:masked:[0-9a-f]{16}:10");
            assertThatThrownBy(() -> query(reader, "SELECT email FROM marts.customer_spend"))
                    .hasMessageContaining("permission denied");
        }

        write(models, "models/marts/refunds.sql", "{{ config(materialized='table') }}\n"
                + "select 'acme' as tenant_id, 1 as amount union all select 'globex', 888");
        CliTest.Run rebuild = cairn("build", "-p", project.toString(), "--models", models.toString());

        assertThat(rebuild.exit()).as(rebuild.out() + rebuild.err()).isZero();
        try (Connection reader = reader(project, password)) {
            assertThat(query(reader, "SELECT tenant_id || ':' || amount FROM marts.refunds"))
                    .as("a model added later is secured on the next build").containsExactly("acme:1");
            assertThat(query(reader, "SELECT email FROM customer_spend")).as("masking restored after the rebuild")
                    .singleElement().asString().startsWith("masked:");
        }
    }

    @Test
    void aGrantMasksPiiInTablesBuiltBeforeMaskingExisted() throws Exception {
        Path project = postgresProject();
        Path models = userProject(project);
        execute(project, "CREATE SCHEMA marts", "CREATE TABLE marts.customer_spend AS SELECT 'acme'::text AS tenant_id, "
                + "'ann@acme.example'::text AS email, 10 AS amount");

        CliTest.Run grant = cairn("access", "grant", "acme", "-p", project.toString(), "--models", models.toString());

        assertThat(grant.exit()).as(grant.err()).isZero();
        try (Connection reader = reader(project, password(grant.out()))) {
            assertThat(query(reader, "SELECT email FROM customer_spend")).singleElement().asString()
                    .startsWith("masked:");
            assertThatThrownBy(() -> query(reader, "SELECT email FROM marts.customer_spend"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void landingSecuresANewRawTable() throws Exception {
        Path project = postgresProject();
        cairn("tenants", "add", "acme", "-p", project.toString(), "--source", "pos");
        Path inbox = Files.createDirectories(project.resolve("data/inbox/acme/pos/transactions"));
        Files.writeString(inbox.resolve("t.jsonl"), "{\"transaction_id\":\"t1\",\"updated_at\":\"2024-01-01T10:00:00Z\"}\n");
        Files.writeString(inbox.resolve("_SUCCESS"), "");

        CliTest.Run sync = cairn("sync", "-p", project.toString());

        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        try (Connection admin = DriverManager.getConnection(url(project.getFileName().toString()), "postgres", null)) {
            assertThat(query(admin, "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class "
                    + "WHERE oid = 'raw.pos__transactions'::regclass")).containsExactly("t");
            assertThat(query(admin, "SELECT polname FROM pg_policy WHERE polrelid = 'raw.pos__transactions'::regclass "
                    + "ORDER BY 1")).containsExactly("cairn_pipeline", "cairn_tenant_reader");
        }
    }

    private Path postgresProject() throws Exception {
        String database = "access_" + (++databases);
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", null);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Path project = Files.createDirectories(dir.resolve(database));
        Files.writeString(project.resolve("cairn.yml"), "warehouse:\n  type: postgres\n  url: " + url(database)
                + "\n  user: postgres\n  pool_size: 1\n");
        cairn("tenants", "add", "acme", "-p", project.toString());
        cairn("tenants", "add", "globex", "-p", project.toString());
        return project;
    }

    private static Path userProject(Path project) throws IOException {
        Path models = project.resolve("shop");
        write(models, "dbt_project.yml", "name: shop\nmodels:\n  shop:\n    marts:\n      +schema: marts\n");
        write(models, "macros/generate_schema_name.sql", "{% macro generate_schema_name(custom_schema_name, node) "
                + "-%}{{ custom_schema_name or target.schema }}{%- endmacro %}\n");
        write(models, "models/marts/customer_spend.sql", "{{ config(materialized='table') }}\n"
                + "select 'acme' as tenant_id, 'ann@acme.example' as email, 10 as amount\n"
                + "union all select 'globex', 'gus@globex.example', 777");
        write(models, "models/marts/_marts.yml", "version: 2\nmodels:\n  - name: customer_spend\n    columns:\n"
                + "      - name: email\n        tags: [pii]\n");
        return models;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private static void execute(Path project, String... statements) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url(project.getFileName().toString()), "postgres", null);
                Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection reader(Path project, String password) throws SQLException {
        return DriverManager.getConnection(url(project.getFileName().toString()), "cairn_reader_acme", password);
    }

    private static String password(String out) {
        Matcher matcher = PASSWORD.matcher(out);
        assertThat(matcher.find()).as("a password in %s", out).isTrue();
        return matcher.group(1);
    }

    private static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
