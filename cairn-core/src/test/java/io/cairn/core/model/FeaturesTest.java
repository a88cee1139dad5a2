package io.cairn.core.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.warehouse.duckdb.DuckDbWarehouse;

import static io.cairn.core.model.ModelTestHelper.exec;
import static io.cairn.core.model.ModelTestHelper.rows;
import static io.cairn.core.model.ModelTestHelper.scalar;
import static io.cairn.core.model.ModelTestHelper.write;
import static org.assertj.core.api.Assertions.assertThat;

class FeaturesTest {
    @TempDir
    Path project;
    private DuckDbWarehouse warehouse;

    @BeforeEach
    void setUp() {
        warehouse = DuckDbWarehouse.open(null, null, null);
        write(project, "dbt_project.yml", "name: feat\nvars:\n  region: eu\n  feat:\n    scoped: inner\n");
    }

    @AfterEach
    void tearDown() {
        warehouse.close();
    }

    private ModelEngine load(EngineOptions options) {
        return ModelEngine.load(project, options);
    }

    private RunResult run(String select) {
        return load(ModelTestHelper.options(warehouse)).run(Selection.of(select), ModelTestHelper.runOptions(project));
    }

    @Test
    void varsEnvVarsAndTargetRender() {
        write(project, "models/ctx.sql", "select '{{ var(\"region\") }}' as region, '{{ var(\"scoped\") }}' as scoped,"
                + " '{{ var(\"absent\", \"fallback\") }}' as absent, '{{ env_var(\"CAIRN_TEST_ENV\", \"none\") }}' as env,"
                + " '{{ target.name }}/{{ target.schema }}' as target, '{{ this }}' as me");
        EngineOptions options = ModelTestHelper.options(warehouse).withVars(Map.of("region", "us"))
                .withEnv(Map.of("CAIRN_TEST_ENV", "set")).withTarget("prod", "analytics");
        RunResult run = load(options).run(Selection.all(), ModelTestHelper.runOptions(project));

        assertThat(run.success()).as(ResultFormatter.report(run)).isTrue();
        assertThat(rows(warehouse, "select * from analytics.ctx")).containsExactly(
                List.of("us", "inner", "fallback", "set", "prod/analytics", "\"analytics\".\"ctx\""));
    }

    @Test
    void projectMacroOverridesSchemaNaming() {
        write(project, "macros/generate_schema_name.sql", "{% macro generate_schema_name(custom_schema_name, node) "
                + "-%}\n{%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}"
                + "{%- endif -%}\n{%- endmacro %}");
        write(project, "models/a.sql", "{{ config(schema='reporting') }} select 1 as id");
        write(project, "models/b.sql", "select * from {{ ref('a') }}");
        RunResult run = run("a b");

        assertThat(run.success()).as(ResultFormatter.report(run)).isTrue();
        assertThat(scalar(warehouse, "select count(*) from reporting.a")).isEqualTo(1L);
        assertThat(scalar(warehouse, "select count(*) from main.b")).isEqualTo(1L);
    }

    @Test
    void defaultSchemaNamingPrefixesTheTargetSchema() {
        write(project, "models/a.sql", "{{ config(schema='reporting') }} select 1 as id");
        assertThat(run("a").success()).isTrue();
        assertThat(scalar(warehouse, "select count(*) from main_reporting.a")).isEqualTo(1L);
    }

    @Test
    void onSchemaChangeAppendNewColumnsAddsThem() {
        exec(warehouse, "create table src (id integer, v varchar)", "insert into src values (1, 'a')");
        write(project, "models/inc.sql", "{{ config(materialized='incremental', unique_key='id', "
                + "on_schema_change='append_new_columns') }} select id, v from src");
        run("inc");
        exec(warehouse, "insert into src values (2, 'b')");
        write(project, "models/inc.sql", "{{ config(materialized='incremental', unique_key='id', "
                + "on_schema_change='append_new_columns') }} select id, v, id * 10 as extra from src"
                + "{% if is_incremental() %} where id > (select max(id) from {{ this }}){% endif %}");
        RunResult run = run("inc");

        assertThat(run.success()).as(ResultFormatter.report(run)).isTrue();
        assertThat(rows(warehouse, "select id, v, extra from main.inc order by id"))
                .containsExactly(java.util.Arrays.asList(1, "a", null), List.of(2, "b", 20));
    }

    @Test
    void onSchemaChangeSyncDropsAndFailRefuses() {
        exec(warehouse, "create table src (id integer, v varchar, w varchar)", "insert into src values (1, 'a', 'x')");
        String model = "{{ config(materialized='incremental', unique_key='id', on_schema_change='%s') }} select %s "
                + "from src";
        write(project, "models/inc.sql", model.formatted("sync_all_columns", "id, v, w"));
        run("inc");
        write(project, "models/inc.sql", model.formatted("fail", "id, v"));
        RunResult failed = run("inc");
        assertThat(failed.results().get(0).message()).isEqualTo("Cannot build model inc: models/inc.sql: "
                + "on_schema_change is fail and the columns changed (added [], removed [w])");

        write(project, "models/inc.sql", model.formatted("sync_all_columns", "id, v"));
        assertThat(run("inc").success()).isTrue();
        assertThat(rows(warehouse, "select column_name from information_schema.columns where table_name = 'inc' "
                + "order by ordinal_position")).containsExactly(List.of("id"), List.of("v"));
    }

    @Test
    void appendStrategyAndFullRefresh() {
        exec(warehouse, "create table src (id integer)", "insert into src values (1), (2)");
        write(project, "models/log.sql", "{{ config(materialized='incremental') }} select id from src");
        run("log");
        run("log");
        assertThat(scalar(warehouse, "select count(*) from main.log")).as("append adds the batch again").isEqualTo(4L);
        load(ModelTestHelper.options(warehouse)).run(Selection.of("log"), ModelTestHelper.runOptions(project)
                .withFullRefresh(true));
        assertThat(scalar(warehouse, "select count(*) from main.log")).isEqualTo(2L);
    }

    @Test
    void seedsRespectColumnTypesAndCompileShowsSql() {
        write(project, "seeds/codes.csv", "code,label,day\n007,seven,2024-01-02\n010,ten,2024-01-03\n");
        write(project, "seeds/properties.yml", "seeds:\n  - name: codes\n    config:\n      column_types:\n"
                + "        code: varchar\n");
        write(project, "models/labels.sql", "select code, label from {{ ref('codes') }} where day > date '2024-01-01'");
        ModelEngine engine = load(ModelTestHelper.options(warehouse));
        RunResult build = engine.build(Selection.all(), ModelTestHelper.runOptions(project).withThreads(1));

        assertThat(build.success()).as(ResultFormatter.report(build)).isTrue();
        assertThat(rows(warehouse, "select code, label from main.labels order by code"))
                .containsExactly(List.of("007", "seven"), List.of("010", "ten"));
        assertThat(ResultFormatter.line(1, 2, build.result("codes").orElseThrow()))
                .matches("1 of 2 OK loaded seed file main\\.codes \\.+ \\[INSERT 2 in \\d+\\.\\d\\ds\\]");
        assertThat(ResultFormatter.line(2, 2, build.result("labels").orElseThrow()))
                .matches("2 of 2 OK created sql view model main\\.labels \\.+ \\[OK in \\d+\\.\\d\\ds\\]");

        RunResult compiled = engine.compile(Selection.of("labels"), ModelTestHelper.runOptions(project));
        assertThat(compiled.results()).singleElement().satisfies(r -> assertThat(r.compiledCode())
                .isEqualTo("select code, label from \"main\".\"codes\" where day > date '2024-01-01'"));
    }
}
