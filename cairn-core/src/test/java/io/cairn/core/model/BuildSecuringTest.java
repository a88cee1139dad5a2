package io.cairn.core.model;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.TestPostgres;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresWarehouse;

import static io.cairn.core.model.ModelTestHelper.scalar;
import static io.cairn.core.model.ModelTestHelper.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model engine secures what a build made before it returns ({@code TenantScope.secureBuild}), on PostgreSQL. */
class BuildSecuringTest {
    @TempDir
    Path project;
    private PostgresWarehouse warehouse;

    @BeforeEach
    void setUp() throws SQLException {
        warehouse = PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(
                TestPostgres.newDatabase("secured").url(), "postgres", null, null, 2));
        write(project, "dbt_project.yml", "name: secured\n");
        write(project, "macros/generate_schema_name.sql", "{% macro generate_schema_name(custom_schema_name, node) "
                + "-%}{{ var('cairn_schema_prefix', '') }}{{ custom_schema_name | trim }}{%- endmacro %}\n");
        write(project, "models/orders.sql", "{{ config(materialized='table', schema='marts') }}\n"
                + "select * from (values ('sec_acme', 1, 'a@x.io'), ('sec_globex', 2, 'g@x.io'), "
                + "('sec_initech', 3, 'i@x.io'), ('sec_hooli', 4, 'h@x.io')) t(tenant_id, amount, email)");
        write(project, "models/orders.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n"
                + "      - name: email\n        tags: [pii]\n");
    }

    @AfterEach
    void tearDown() {
        warehouse.close();
    }

    @Test
    void aTableSwappedInByARebuildIsSecuredAndReadableBeforeTheBuildReturns() throws SQLException {
        build(Map.of());
        warehouse.tenantScope().publish(List.of(TenantId.of("sec_acme"), TenantId.of("sec_globex")));

        RunResult rebuild = build(Map.of());

        assertThat(rebuild.success()).as(ResultFormatter.report(rebuild)).isTrue();
        assertThat(scalar(warehouse, "select relrowsecurity and relforcerowsecurity from pg_class "
                + "where oid = 'marts.orders'::regclass")).as("forced RLS on the swapped-in table").isEqualTo(true);
        assertThat(sumAs("cairn_reader_sec_acme", "marts.orders")).as("sec_acme's rows").isEqualTo(1);
        assertThat(sumAs("cairn_reader_sec_globex", "marts.orders")).as("sec_globex's rows").isEqualTo(2);
        assertThatThrownBy(() -> queryAs("cairn_reader_sec_acme", "select email from marts.orders"))
                .as("a PII column").hasMessageContaining("permission denied");
        assertThat(queryAs("cairn_reader_sec_acme", "select email from marts_masked.orders"))
                .as("the PII column through the masking view the build made").startsWith("masked:");
    }

    @Test
    void aDedicatedLayoutsBuildIsReadableByItsTenantsReaderAlone() throws SQLException {
        warehouse.tenantScope().publish(List.of(TenantId.of("sec_hooli")));

        RunResult build = build(Map.of("cairn_schema_prefix", "sec_initech_"));

        assertThat(build.success()).as(ResultFormatter.report(build)).isTrue();
        assertThat(sumAs("cairn_reader_sec_initech", "sec_initech_marts.orders")).as("sec_initech's rows")
                .isEqualTo(3);
        assertThatThrownBy(() -> sumAs("cairn_reader_sec_hooli", "sec_initech_marts.orders"))
                .as("another tenant's reader").hasMessageContaining("permission denied for schema sec_initech_marts");
    }

    private RunResult build(Map<String, Object> vars) {
        return ModelEngine.load(project, ModelTestHelper.options(warehouse).withVars(vars)).build(Selection.all(),
                ModelTestHelper.runOptions(project));
    }

    private long sumAs(String role, String table) throws SQLException {
        return Long.parseLong(queryAs(role, "select coalesce(sum(amount), 0) from " + table));
    }

    private String queryAs(String role, String sql) throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set role " + role);
            try (ResultSet rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            }
            finally {
                statement.execute("reset role");
            }
        }
    }
}
