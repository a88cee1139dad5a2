package io.cairn.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.ResultFormatter;
import io.cairn.core.model.RunOptions;
import io.cairn.core.model.RunResult;
import io.cairn.core.model.Selection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model engine's materializations on Spark with Iceberg tables: atomic table replacement, views, the three
 * incremental strategies with schema change, seeds through Spark's CSV reader, ephemeral models, generic and
 * singular tests with stored failures. One warehouse for the class (a Spark session costs seconds).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkMaterializationTest {
    private Path tmp;
    private ModelsFixture fixture;

    @BeforeAll
    void open(@TempDir Path dir) {
        tmp = dir;
        fixture = new ModelsFixture(tmp.resolve("platform"),
                SparkTestContext.open(SparkTestContext.folder("materialization")));
        exec("create schema if not exists app");
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void failingTableKeepsThePreviousTableAndTheTenantGuardRefusesBeforeReplacing() {
        Path project = project("atomic", "vars:\n  cairn_tenant_guard: [marts]\n");
        write(project, "models/t.sql", "{{ config(materialized='table') }}\nselect 42 as answer");
        write(project, "models/v.sql", "select answer + 1 as next from {{ ref('t') }}");
        write(project, "models/marts/m.sql", "{{ config(materialized='table') }}\nselect 'acme' as tenant_id, 1 as n");
        assertThat(run(project, "t v m").success()).isTrue();
        write(project, "models/t.sql", "{{ config(materialized='table') }}\nselect 1 / 0 as answer");
        write(project, "models/marts/m.sql", "{{ config(materialized='table') }}\n"
                + "select cast(null as string) as tenant_id, 2 as n");

        RunResult failed = run(project, "t m");

        assertThat(failed.result("t").orElseThrow().status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.result("t").orElseThrow().message()).contains("models/t.sql").contains("DIVIDE_BY_ZERO");
        assertThat(rows("select answer from main.t")).as("create or replace kept the old table")
                .containsExactly(List.of(42));
        assertThat(failed.result("m").orElseThrow().message()).contains("tenant guard").contains("1 rows have a null");
        assertThat(rows("select tenant_id, n from main.m")).containsExactly(List.of("acme", 1));
        assertThat(rows("show tables in main").stream().map(r -> (String) r.get(1)).filter(n -> n.contains("cairn")))
                .as("no scratch table left").isEmpty();

        write(project, "models/t.sql", "{{ config(materialized='table') }}\nselect 7 as answer");
        write(project, "models/v.sql", "{{ config(materialized='table') }}\nselect answer + 1 as next from "
                + "{{ ref('t') }}");
        assertThat(run(project, "t v").success()).isTrue();
        assertThat(rows("select next from main.v")).as("a view replaced by a table").containsExactly(List.of(8));
        write(project, "models/v.sql", "select answer + 2 as next from {{ ref('t') }}");
        assertThat(run(project, "v").success()).isTrue();
        assertThat(rows("select next from main.v")).as("a table replaced by a view").containsExactly(List.of(9));
        assertThat(rows("show views in main").stream().map(r -> r.get(1)).toList()).contains("v");
        assertThat(rows("show tables in main").stream().map(r -> r.get(1)).toList()).doesNotContain("v");
    }

    @Test
    void incrementalStrategiesApplyBatchesAndSchemaChanges() {
        Path project = project("inc", "");
        exec("create table app.events (id int, status string, amount decimal(10,2), updated_at timestamp)",
                "insert into app.events values (1, 'placed', 10.00, timestamp'2024-01-01 10:00:00'), "
                        + "(2, 'placed', 20.00, timestamp'2024-01-01 11:00:00')");
        String incremental = "{{ config(materialized='incremental', unique_key='id', incremental_strategy='%s', "
                + "on_schema_change='%s') }}\nselect %s from app.events\n{%% if is_incremental() %%}where updated_at "
                + "> (select max(updated_at) from {{ this }}){%% endif %%}";
        write(project, "models/merged.sql", incremental.formatted("merge", "append_new_columns",
                "id, status, amount, updated_at"));
        write(project, "models/replaced.sql", incremental.formatted("delete+insert", "ignore",
                "id, status, updated_at"));
        write(project, "models/appended.sql", "{{ config(materialized='incremental') }}\nselect id, status from "
                + "app.events\n{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}");
        assertThat(run(project, "merged replaced appended").success()).isTrue();
        exec("insert into app.events values (1, 'shipped', 10.00, timestamp'2024-01-02 10:00:00'), "
                + "(3, 'placed', 30.00, timestamp'2024-01-02 11:00:00')");
        write(project, "models/merged.sql", incremental.formatted("merge", "append_new_columns",
                "id, status, amount, updated_at, cast(amount * 2 as decimal(12,2)) as doubled"));

        RunResult second = run(project, "merged replaced appended");

        assertThat(second.results()).as(ResultFormatter.report(second))
                .allMatch(r -> r.status() == NodeStatus.SUCCESS);
        assertThat(second.result("merged").orElseThrow().compiledCode()).contains("max(updated_at)");
        assertThat(rows("select id, status, doubled from main.merged order by id")).containsExactly(
                Arrays.asList(1, "shipped", new BigDecimal("20.00")), Arrays.asList(2, "placed", null),
                Arrays.asList(3, "placed", new BigDecimal("60.00")));
        assertThat(rows("select id, status from main.replaced order by id")).containsExactly(List.of(1, "shipped"),
                List.of(2, "placed"), List.of(3, "placed"));
        assertThat(rows("select id, status from main.appended order by id, status")).containsExactly(
                List.of(1, "placed"), List.of(2, "placed"), List.of(3, "placed"));

        write(project, "models/merged.sql", incremental.formatted("merge", "fail", "id, status"));
        assertThat(run(project, "merged").results().get(0).message()).isEqualTo("Cannot build model merged: "
                + "models/merged.sql: on_schema_change is fail and the columns changed (added [], removed "
                + "[amount, updated_at, doubled])");
        write(project, "models/merged.sql", incremental.formatted("merge", "sync_all_columns", "id, status, "
                + "updated_at"));
        assertThat(run(project, "merged").success()).isTrue();
        assertThat(rows("select * from main.merged order by id")).hasSize(3).allMatch(row -> row.size() == 3);
        assertThat(rows("show tables in main").stream().map(r -> (String) r.get(1)).filter(n -> n.contains("cairn")))
                .as("no batch table left").isEmpty();
    }

    @Test
    void seedsEphemeralModelsAndTestsWithStoredFailures() {
        Path project = project("seeds", "");
        write(project, "seeds/properties.yml", "seeds:\n  - name: rates\n    config:\n      column_types:\n"
                + "        code: varchar\n        rate: decimal(18,8)\n");
        write(project, "seeds/rates.csv", "code,valid_from,rate,note\nEUR,2024-01-01,1.085,\"a, quoted\"\"note\"\"\"\n"
                + "USD,2024-01-01,1,\n");
        write(project, "models/base.sql", "{{ config(materialized='ephemeral') }}\nselect code, rate, note from "
                + "{{ ref('rates') }}");
        write(project, "models/rates_view.sql", "select code, rate, note, '{{ target.type }}' as engine "
                + "from {{ ref('base') }}");
        write(project, "models/schema.yml", "version: 2\nmodels:\n  - name: rates_view\n    columns:\n"
                + "      - name: code\n        tests: [not_null, unique]\n      - name: note\n        tests:\n"
                + "          - not_null:\n              config: {severity: warn, store_failures: true}\n");
        write(project, "tests/no_negative_rates.sql", "select * from {{ ref('rates_view') }} where rate < 0");

        RunResult build = ModelEngine.load(project, options()).build(Selection.all(), runOptions(project));

        assertThat(build.results()).as(ResultFormatter.report(build)).allMatch(r -> r.status() == NodeStatus.SUCCESS
                || r.status() == NodeStatus.PASS || r.name().startsWith("not_null_rates_view_note"));
        assertThat(build.result("not_null_rates_view_note").orElseThrow().status()).isEqualTo(NodeStatus.WARN);
        assertThat(rows("select count(*) from main_dbt_test__audit.not_null_rates_view_note"))
                .as("stored failures").containsExactly(List.of(1L));
        assertThat(rows("select code, cast(valid_from as string), cast(rate as string), note, engine "
                + "from main.rates_view join main.rates using (code, rate, note) order by code")).containsExactly(
                        List.of("EUR", "2024-01-01", "1.08500000", "a, quoted\"note\"", "spark"));
        assertThat(build.result("no_negative_rates").orElseThrow().status()).isEqualTo(NodeStatus.PASS);
        assertThat(rows("show tables in main").stream().map(r -> r.get(1)).toList()).as("ephemeral builds nothing")
                .doesNotContain("base");
    }

    private RunResult run(Path project, String select) {
        ModelEngine engine = ModelEngine.load(project, options());
        RunOptions options = runOptions(project);
        if (Files.isDirectory(project.resolve("seeds"))) {
            engine.seed(Selection.all(), options);
        }
        return engine.run(Selection.of(select), options);
    }

    private EngineOptions options() {
        return EngineOptions.defaults(fixture.warehouse).withEnv(Map.of());
    }

    private static RunOptions runOptions(Path project) {
        return RunOptions.defaults().withThreads(2).withTargetDir(project.resolve("target"));
    }

    private Path project(String name, String extra) {
        Path project = tmp.resolve(name);
        write(project, "dbt_project.yml", "name: " + name + "\n" + extra);
        return project;
    }

    private static void write(Path project, String path, String content) {
        try {
            Path file = project.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void exec(String... sql) {
        fixture.exec(sql);
    }

    private List<List<Object>> rows(String sql) {
        return fixture.rows(sql);
    }
}
