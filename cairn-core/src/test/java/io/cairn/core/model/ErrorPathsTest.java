package io.cairn.core.model;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

import static io.cairn.core.model.ModelTestHelper.rows;
import static io.cairn.core.model.ModelTestHelper.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorPathsTest {
    @TempDir
    Path project;
    private DuckDbWarehouse warehouse;

    @BeforeEach
    void setUp() {
        warehouse = DuckDbWarehouse.open(null, null, null);
        write(project, "dbt_project.yml", "name: mini\nvars:\n  cairn_tenant_guard: [marts]\n");
    }

    @AfterEach
    void tearDown() {
        warehouse.close();
    }

    private ModelEngine load() {
        return ModelEngine.load(project, ModelTestHelper.options(warehouse));
    }

    @Test
    void cycleIsPrintedWithFilesAndLines() {
        write(project, "models/a.sql", "select 1 as x\nfrom {{ ref('b') }}");
        write(project, "models/b.sql", "select *\n\nfrom {{ ref('a') }}");
        assertThatThrownBy(this::load).isInstanceOf(CairnException.class)
                .hasMessageContaining("dependency cycle")
                .hasMessageMatching("(?s).*(a -> b -> a|b -> a -> b).*")
                .hasMessageContaining("models/a.sql line 2 refs b")
                .hasMessageContaining("models/b.sql line 3 refs a");
    }

    @Test
    void missingRefNamesFileAndLine() {
        write(project, "models/orders.sql", "select 1 as id\nunion all\nselect id from {{ ref('nope') }}");
        assertThatThrownBy(this::load).isInstanceOf(CairnException.class)
                .hasMessage("Cannot resolve ref('nope') in model orders: models/orders.sql line 3: no model or seed "
                        + "of that name exists");
    }

    @Test
    void jinjaSyntaxErrorNamesFileLineAndConstruct() {
        write(project, "models/broken.sql", "select 1 as id\n\n{% if true %}\nwhere 1 = 1\n");
        assertThatThrownBy(this::load).isInstanceOf(CairnException.class)
                .hasMessageContaining("Cannot render model broken: models/broken.sql line 3")
                .hasMessageContaining("{% if true %}")
                .hasMessageContaining("endif");
    }

    @Test
    void unsupportedConstructsFailNamingTheConstruct() {
        write(project, "models/dynamic.sql", "{# run_query in a comment is fine #}\nselect 1 as id\n"
                + "{% set rows = run_query('select 1') %}");
        assertThatThrownBy(this::load).isInstanceOf(CairnException.class)
                .satisfies(e -> assertThat(((CairnException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessage("Cannot render model dynamic: models/dynamic.sql line 3 uses run_query() "
                        + "('run_query('), which Cairn does not support");
    }

    @Test
    void undefinedVarNamesFileAndLine() {
        write(project, "models/v.sql", "select\n{{ var('missing_var') }} as x");
        assertThatThrownBy(this::load).isInstanceOf(CairnException.class)
                .hasMessageContaining("models/v.sql line 2")
                .hasMessageContaining("var('missing_var') is not defined");
    }

    @Test
    void sqlErrorSkipsDependentsAndBuildsTheRest() {
        write(project, "models/good.sql", "select 1 as id");
        write(project, "models/bad.sql", "select id,\n  no_such_column\nfrom {{ ref('good') }}");
        write(project, "models/child_of_bad.sql", "select * from {{ ref('bad') }}");
        write(project, "models/grandchild.sql", "select * from {{ ref('child_of_bad') }}");
        write(project, "models/sibling.sql", "select id + 1 as id from {{ ref('good') }}");

        RunResult run = load().run(Selection.all(), ModelTestHelper.runOptions(project).withThreads(3));

        assertThat(status(run, "good")).isEqualTo(NodeStatus.SUCCESS);
        assertThat(status(run, "sibling")).isEqualTo(NodeStatus.SUCCESS);
        assertThat(status(run, "bad")).isEqualTo(NodeStatus.ERROR);
        assertThat(run.result("bad").orElseThrow().message()).startsWith("Cannot build model bad: models/bad.sql line 2")
                .contains("no_such_column");
        assertThat(status(run, "child_of_bad")).isEqualTo(NodeStatus.SKIPPED);
        assertThat(status(run, "grandchild")).isEqualTo(NodeStatus.SKIPPED);
        assertThat(run.result("grandchild").orElseThrow().message()).contains("model bad did not succeed");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(ResultFormatter.summary(run)).contains("PASS=2 WARN=0 ERROR=1 SKIP=2 TOTAL=5");
    }

    @Test
    void failingTableKeepsThePreviousTable() {
        write(project, "models/t.sql", "{{ config(materialized='table') }}\nselect 42 as answer");
        load().run(Selection.all(), ModelTestHelper.runOptions(project));
        write(project, "models/t.sql", "{{ config(materialized='table') }}\nselect 1 / 0 as answer, cast('x' as int)");

        RunResult run = load().run(Selection.all(), ModelTestHelper.runOptions(project));

        assertThat(status(run, "t")).isEqualTo(NodeStatus.ERROR);
        assertThat(rows(warehouse, "select answer from main.t")).containsExactly(List.of(42));
    }

    @Test
    void tenantGuardRefusesGuardedModelsWithoutTenant() {
        write(project, "models/marts/no_tenant.sql", "select 1 as id");
        write(project, "models/marts/null_tenant.sql", "select null::varchar as tenant_id, 1 as id");
        write(project, "models/marts/ok_tenant.sql", "select 'acme' as tenant_id, 1 as id");
        write(project, "models/staging/unguarded.sql", "select 1 as id");

        RunResult run = load().run(Selection.all(), ModelTestHelper.runOptions(project));

        assertThat(run.result("no_tenant").orElseThrow().message()).isEqualTo("Cannot build model no_tenant: "
                + "models/marts/no_tenant.sql: tenant guard (layers [marts]) requires a non-null tenant_id, but its "
                + "output has no tenant_id column");
        assertThat(run.result("null_tenant").orElseThrow().message()).contains("models/marts/null_tenant.sql")
                .endsWith("1 rows have a null tenant_id");
        assertThat(status(run, "ok_tenant")).isEqualTo(NodeStatus.SUCCESS);
        assertThat(status(run, "unguarded")).isEqualTo(NodeStatus.SUCCESS);
    }

    @Test
    void tenantGuardKeepsThePreviousTableWhenTheNewOneDropsTenant() {
        write(project, "models/marts/facts.sql", "{{ config(materialized='table') }} select 'acme' as tenant_id, 1 as id");
        assertThat(status(load().run(Selection.all(), ModelTestHelper.runOptions(project)), "facts"))
                .isEqualTo(NodeStatus.SUCCESS);
        write(project, "models/marts/facts.sql", "{{ config(materialized='table') }} select 2 as id");

        RunResult run = load().run(Selection.all(), ModelTestHelper.runOptions(project));

        assertThat(status(run, "facts")).isEqualTo(NodeStatus.ERROR);
        assertThat(rows(warehouse, "select tenant_id, id from main.facts")).containsExactly(List.of("acme", 1));
        assertThat(rows(warehouse, "select count(*) from information_schema.tables where table_name like '%cairn_tmp%'"))
                .containsExactly(List.of(0L));
    }

    @Test
    void failingErrorTestSkipsModelsBuiltOnItsModel() {
        write(project, "models/base.sql", "select 1 as id union all select 1");
        write(project, "models/downstream.sql", "select * from {{ ref('base') }}");
        write(project, "models/schema.yml", "models:\n  - name: base\n    columns:\n      - name: id\n"
                + "        tests: [unique]\n");

        RunResult run = load().build(Selection.all(), ModelTestHelper.runOptions(project));

        assertThat(run.result("unique_base_id").orElseThrow().failures()).isEqualTo(1);
        assertThat(status(run, "unique_base_id")).isEqualTo(NodeStatus.FAIL);
        assertThat(status(run, "downstream")).isEqualTo(NodeStatus.SKIPPED);
    }

    @Test
    void unknownGenericTestIsAConfigError() {
        write(project, "models/base.sql", "select 1 as id");
        write(project, "models/schema.yml", "models:\n  - name: base\n    columns:\n      - name: id\n"
                + "        tests: [is_even]\n");
        assertThatThrownBy(this::load).hasMessageContaining("Cannot parse test is_even on model base in "
                + "models/schema.yml: no generic test named 'is_even' is defined");
    }

    private static NodeStatus status(RunResult run, String name) {
        return run.result(name).orElseThrow(() -> new AssertionError("no result for " + name + " in "
                + ResultFormatter.report(run))).status();
    }
}
