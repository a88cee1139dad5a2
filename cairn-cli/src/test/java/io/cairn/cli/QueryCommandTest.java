package io.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn run} publishes every tenant's copy; {@code cairn query} reads a tenant's own rows through it. */
class QueryCommandTest {
    @TempDir
    Path dir;
    private String project;

    @BeforeEach
    void setUp() throws Exception {
        project = dir.toString();
        Files.writeString(dir.resolve("cairn.yml"), "warehouse:\n  type: duckdb\n  path: warehouse.duckdb\n"
                + "project: shop\n");
        Files.writeString(dir.resolve("tenants.yml"), "tenants:\n  - id: acme\n    name: Acme\n"
                + "  - id: globex\n    name: Globex\n");
        Path models = Files.createDirectories(dir.resolve("shop/models/marts"));
        Files.createDirectories(dir.resolve("shop/macros"));
        Files.writeString(dir.resolve("shop/dbt_project.yml"), "name: shop\nversion: \"1.0.0\"\nprofile: cairn\n"
                + "models:\n  shop:\n    marts:\n      +schema: marts\n      +materialized: table\n");
        Files.writeString(dir.resolve("shop/macros/generate_schema_name.sql"),
                "{% macro generate_schema_name(custom_schema_name, node) -%}{{ custom_schema_name or target.schema }}"
                        + "{%- endmacro %}\n");
        Files.writeString(models.resolve("fct_sales.sql"), "select 'acme' as tenant_id, 10.50 as net, 'web' as channel "
                + "union all select 'globex', 777.77, 'secret'\n");
    }

    @Test
    void runPublishesAndQueryShowsOnlyTheTenantsRows() {
        CliTest.Run run = cairn("run", "-p", project);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Published the data of 2 tenants for tenant access (duckdb).");
        assertThat(dir.resolve(".cairn/published/acme.duckdb")).exists();
        assertThat(dir.resolve(".cairn/published/globex.duckdb")).exists();

        CliTest.Run query = cairn("query", "-p", project, "--tenant", "acme",
                "SELECT tenant_id, net, channel FROM marts.fct_sales");
        assertThat(query.exit()).as(query.err()).isZero();
        assertThat(query.out()).isEqualTo("""
                tenant_id  net    channel
                ---------  -----  -------
                acme       10.50  web
                (1 row)
                """);

        CliTest.Run count = cairn("query", "-p", project, "--tenant", "globex", "--max-rows", "1",
                "SELECT * FROM marts.fct_sales, range(3)");
        assertThat(count.out()).contains("(first 1 rows; more exist, raise --max-rows)").doesNotContain("acme");
    }

    @Test
    void aWriteOrAnUnknownTenantIsAUsageError() {
        assertThat(cairn("run", "-p", project).exit()).isZero();
        CliTest.Run write = cairn("query", "-p", project, "--tenant", "acme", "DELETE FROM marts.fct_sales");
        assertThat(write.exit()).isEqualTo(Main.USAGE);
        assertThat(write.err()).contains("Cannot run the query of tenant acme: only a read");
        CliTest.Run unknown = cairn("query", "-p", project, "--tenant", "initech", "SELECT 1");
        assertThat(unknown.exit()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("no such tenant");
    }
}
