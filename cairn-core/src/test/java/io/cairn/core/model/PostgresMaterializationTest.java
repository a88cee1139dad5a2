package io.cairn.core.model;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.TestPostgres;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;
import io.cairn.warehouse.postgres.PostgresWarehouse;

import static io.cairn.core.model.ModelTestHelper.exec;
import static io.cairn.core.model.ModelTestHelper.rows;
import static io.cairn.core.model.ModelTestHelper.scalar;
import static io.cairn.core.model.ModelTestHelper.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The materializations, seeds and tests on a real PostgreSQL, and the jaffle project giving DuckDB's results. */
class PostgresMaterializationTest {
    private static final String EVENTS = "create schema if not exists app; create table app.order_events ("
            + "tenant_id varchar, order_id integer, status varchar, amount decimal(10,2), updated_at timestamp, "
            + "_loaded_at timestamp); insert into app.order_events values "
            + "('acme', 1, 'placed', 10.00, '2024-01-01 10:00', '2024-01-01 11:00'),"
            + "('acme', 2, 'placed', 20.00, '2024-01-01 10:00', '2024-01-01 11:00'),"
            + "('acme', 2, 'shipped', 20.00, '2024-01-02 10:00', '2024-01-02 11:00'),"
            + "('acme', 3, 'completed', 30.00, '2024-01-02 09:00', '2024-01-02 11:00')";

    @TempDir
    Path tmp;
    private PostgresWarehouse warehouse;

    @BeforeEach
    void setUp() throws SQLException {
        warehouse = PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(
                TestPostgres.newDatabase("models").url(), "postgres", null, null, 2));
    }

    @AfterEach
    void tearDown() {
        warehouse.close();
    }

    private RunResult run(Path project, String select) {
        return ModelEngine.load(project, ModelTestHelper.options(warehouse)).run(Selection.of(select),
                ModelTestHelper.runOptions(project));
    }

    @Test
    void jaffleProjectBuildsWithTheSameMartsAsOnDuckDb() {
        Path project = ModelTestHelper.jaffleProject(tmp.resolve("pg"));
        exec(warehouse, EVENTS);
        RunResult build = ModelEngine.load(project, ModelTestHelper.options(warehouse)).build(Selection.all(),
                ModelTestHelper.runOptions(project).withThreads(4));

        assertThat(build.results()).as(ResultFormatter.report(build)).allMatch(r -> r.status() == NodeStatus.SUCCESS
                || r.status() == NodeStatus.PASS || r.name().startsWith("accepted_values_orders_status"));
        assertThat(build.result("accepted_values_orders_status__completed_shipped").orElseThrow().status())
                .isEqualTo(NodeStatus.WARN);
        assertThat(scalar(warehouse, "select count(*) from main_dbt_test__audit."
                + "accepted_values_orders_status__completed_shipped")).as("store_failures kept the failing rows")
                .isEqualTo(build.result("accepted_values_orders_status__completed_shipped").orElseThrow().failures());
        assertThat(scalar(warehouse, "select table_type from information_schema.tables where table_schema = "
                + "'main_staging' and table_name = 'stg_orders'")).isEqualTo("VIEW");
        RunResult fresh = ModelEngine.load(project, ModelTestHelper.options(warehouse)).freshness(Selection.all(),
                ModelTestHelper.runOptions(project).withClock(java.time.Clock.fixed(
                        java.time.Instant.parse("2024-01-02T20:00:00Z"), java.time.ZoneOffset.UTC)));
        assertThat(fresh.result("order_events").orElseThrow().status()).as("9h old: under warn_after 12h")
                .isEqualTo(NodeStatus.PASS);
        assertThat(fresh.result("order_events_archive").orElseThrow().status()).isEqualTo(NodeStatus.WARN);

        Path duckProject = ModelTestHelper.jaffleProject(tmp.resolve("duck"));
        try (DuckDbWarehouse duck = DuckDbWarehouse.open(null, null, null)) {
            exec(duck, EVENTS);
            ModelEngine.load(duckProject, ModelTestHelper.options(duck)).build(Selection.all(),
                    ModelTestHelper.runOptions(duckProject));
            for (String sql : List.of(
                    "select customer_id, first_name, last_name, cast(first_order as varchar), number_of_orders, "
                            + "customer_lifetime_value from main.customers order by customer_id",
                    "select order_id, customer_id, cast(order_date as varchar), status, credit_card_amount, amount "
                            + "from main.orders order by order_id",
                    "select order_id, status, amount from main.fct_order_events order by order_id")) {
                assertThat(text(rows(warehouse, sql))).as(sql).isNotEmpty().isEqualTo(text(rows(duck, sql)));
            }
        }
    }

    @Test
    void failingTableKeepsThePreviousTableAndARebuildSwapsAtomically() {
        Path project = tmp.resolve("p");
        write(project, "dbt_project.yml", "name: p\n");
        write(project, "models/t.sql", "{{ config(materialized='table') }}\nselect 42 as answer");
        write(project, "models/v.sql", "select answer + 1 as next from {{ ref('t') }}");
        assertThat(run(project, "t v").success()).isTrue();
        write(project, "models/t.sql", "{{ config(materialized='table') }}\nselect 1 / 0 as answer");

        RunResult failed = run(project, "t");

        assertThat(failed.results().get(0).status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.results().get(0).message()).contains("models/t.sql").contains("division by zero");
        assertThat(rows(warehouse, "select answer from main.t")).containsExactly(List.of(42));
        assertThat(scalar(warehouse, "select count(*) from information_schema.tables where table_name like "
                + "'%cairn_tmp%'")).as("no temporary table left").isEqualTo(0L);

        write(project, "models/t.sql", "{{ config(materialized='table') }}\nselect 7 as answer");
        RunResult rebuilt = run(project, "t v");
        assertThat(rebuilt.success()).as(ResultFormatter.report(rebuilt)).isTrue();
        assertThat(rows(warehouse, "select next from main.v")).as("the dependent view is rebuilt on the new table")
                .containsExactly(List.of(8));
    }

    @Test
    void incrementalMergeAppliesLateUpdatesAndDeleteInsertReplacesKeys() {
        Path project = ModelTestHelper.jaffleProject(tmp);
        exec(warehouse, EVENTS);
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        engine.build(Selection.all(), ModelTestHelper.runOptions(project));
        exec(warehouse, "insert into app.order_events values "
                + "('acme', 1, 'shipped', 10.00, '2024-01-03 10:00', '2024-01-03 11:00'),"
                + "('acme', 2, 'placed', 25.00, '2024-01-01 12:00', '2024-01-03 11:00'),"
                + "('acme', 4, 'placed', 40.00, '2024-01-03 08:00', '2024-01-03 11:00')");

        RunResult run = engine.run(Selection.of("fct_order_events"), ModelTestHelper.runOptions(project));

        assertThat(run.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).as(r.message()).isEqualTo(NodeStatus.SUCCESS);
            assertThat(r.compiledCode()).contains("max(last_loaded_at)");
        });
        assertThat(rows(warehouse, "select order_id, status, amount::varchar from main.fct_order_events order by 1"))
                .containsExactly(List.of(1, "shipped", "10.00"), List.of(2, "shipped", "20.00"),
                        List.of(3, "completed", "30.00"), List.of(4, "placed", "40.00"));

        Path other = tmp.resolve("di");
        write(other, "dbt_project.yml", "name: di\n");
        exec(warehouse, "create table public.src (k integer, v integer)", "insert into public.src values (1, 1), "
                + "(1, 2), (2, 5)");
        write(other, "models/di.sql", "{{ config(materialized='incremental', unique_key=['k'], "
                + "incremental_strategy='delete+insert') }} select k, v from public.src"
                + "{% if is_incremental() %} where k = 1{% endif %}");
        run(other, "di");
        exec(warehouse, "update public.src set v = v * 10");
        assertThat(run(other, "di").success()).isTrue();
        assertThat(rows(warehouse, "select k, v from main.di order by k, v")).as("key 1 replaced whole, key 2 kept")
                .containsExactly(List.of(1, 10), List.of(1, 20), List.of(2, 5));
    }

    @Test
    void schemaChangesKeepNumericTypesAndFailRefuses() {
        Path project = tmp.resolve("sc");
        write(project, "dbt_project.yml", "name: sc\n");
        exec(warehouse, "create table public.src (id integer, v varchar, w varchar)",
                "insert into public.src values (1, 'a', 'x')");
        String model = "{{ config(materialized='incremental', unique_key='id', on_schema_change='%s') }} select %s "
                + "from public.src{%% if is_incremental() %%} where id > (select max(id) from {{ this }}){%% endif %%}";
        write(project, "models/inc.sql", model.formatted("append_new_columns", "id, v, w"));
        run(project, "inc");
        exec(warehouse, "insert into public.src values (2, 'b', 'y')");
        write(project, "models/inc.sql", model.formatted("append_new_columns",
                "id, v, w, cast(id * 1.5 as decimal(18, 2)) as extra"));
        assertThat(run(project, "inc").success()).isTrue();
        assertThat(rows(warehouse, "select id, v, extra from main.inc order by id")).containsExactly(
                Arrays.asList(1, "a", null), List.of(2, "b", new BigDecimal("3.00")));
        assertThat(scalar(warehouse, "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = "
                + "'main.inc'::regclass and attname = 'extra'")).isEqualTo("numeric(18,2)");

        write(project, "models/inc.sql", model.formatted("fail", "id, v"));
        assertThat(run(project, "inc").results().get(0).message()).isEqualTo("Cannot build model inc: models/inc.sql:"
                + " on_schema_change is fail and the columns changed (added [], removed [w, extra])");
        exec(warehouse, "insert into public.src values (3, 'c', 'z')");
        write(project, "models/inc.sql", model.formatted("sync_all_columns", "id, v"));
        assertThat(run(project, "inc").success()).isTrue();
        assertThat(rows(warehouse, "select * from main.inc order by id")).containsExactly(List.of(1, "a"),
                List.of(2, "b"), List.of(3, "c"));
    }

    @Test
    void viewWithChangedColumnsIsReplacedSeedsKeepDeclaredTypesAndTargetTypeIsPostgres() {
        Path project = tmp.resolve("vw");
        write(project, "dbt_project.yml", "name: vw\n");
        write(project, "seeds/properties.yml", "seeds:\n  - name: rates\n    config:\n      column_types:\n"
                + "        rate: decimal(18,8)\n");
        write(project, "seeds/rates.csv", "code,valid_from,rate,note\nEUR,2024-01-01,1.085,\"a, quoted\"\"note\"\"\"\n"
                + "USD,2024-01-01,1,\n");
        write(project, "models/v.sql", "select code, rate from {{ ref('rates') }}");
        write(project, "models/engine.sql", "select '{{ target.type }}' as engine");
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        assertThat(engine.seed(Selection.all(), ModelTestHelper.runOptions(project)).success()).isTrue();
        assertThat(run(project, "v engine").success()).isTrue();
        assertThat(scalar(warehouse, "select engine from main.engine")).as("target.type").isEqualTo("postgres");
        write(project, "models/v.sql", "select rate, code from {{ ref('rates') }}");
        assertThat(run(project, "v").success()).isTrue();

        assertThat(rows(warehouse, "select code, cast(valid_from as varchar), cast(rate as varchar), note "
                + "from main.rates order by code")).containsExactly(
                        List.of("EUR", "2024-01-01", "1.08500000", "a, quoted\"note\""),
                        Arrays.asList("USD", "2024-01-01", "1.00000000", null));
        assertThat(rows(warehouse, "select * from main.v order by code")).containsExactly(
                List.of(new BigDecimal("1.08500000"), "EUR"), List.of(new BigDecimal("1.00000000"), "USD"));
    }

    private static List<String> text(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(v -> v == null ? "null" : v instanceof Number n
                ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : v.toString()).toList().toString())
                .toList();
    }
}
