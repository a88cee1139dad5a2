package io.cairn.core.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.warehouse.duckdb.DuckDbWarehouse;

import static io.cairn.core.model.ModelTestHelper.exec;
import static io.cairn.core.model.ModelTestHelper.rows;
import static io.cairn.core.model.ModelTestHelper.scalar;
import static org.assertj.core.api.Assertions.assertThat;

class JaffleProjectTest {
    private static final String EVENTS_DDL = "create schema if not exists app; create table app.order_events ("
            + "tenant_id varchar, order_id integer, status varchar, amount decimal(10,2), updated_at timestamp, "
            + "_loaded_at timestamp)";

    @TempDir
    Path tmp;
    private DuckDbWarehouse warehouse;
    private Path project;

    @BeforeEach
    void setUp() {
        warehouse = DuckDbWarehouse.open(null, null, null);
        project = ModelTestHelper.jaffleProject(tmp);
        exec(warehouse, EVENTS_DDL, "insert into app.order_events values "
                + "('acme', 1, 'placed', 10.00, '2024-01-01 10:00', '2024-01-01 11:00'),"
                + "('acme', 2, 'placed', 20.00, '2024-01-01 10:00', '2024-01-01 11:00'),"
                + "('acme', 2, 'shipped', 20.00, '2024-01-02 10:00', '2024-01-02 11:00'),"
                + "('acme', 3, 'completed', 30.00, '2024-01-02 09:00', '2024-01-02 11:00')");
    }

    @AfterEach
    void tearDown() {
        warehouse.close();
    }

    @Test
    void buildsEveryNodeWithDbtSemantics() {
        List<String> lines = new ArrayList<>();
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        RunResult run = engine.build(Selection.all(), ModelTestHelper.runOptions(project).withThreads(4)
                .withListener(r -> lines.add(r.name())));

        assertThat(run.results()).as("every node except warn tests succeeds or passes: %s",
                ResultFormatter.report(run)).allMatch(r -> r.status() == NodeStatus.SUCCESS
                || r.status() == NodeStatus.PASS || r.name().startsWith("accepted_values_orders_status"));
        assertThat(run.exitCode()).isZero();
        assertThat(lines).as("the listener sees every node").hasSize(run.results().size());
        assertThat(run.result("int_order_payments")).as("ephemeral models are not executed").isEmpty();
        assertThat(run.results()).extracting(NodeResult::name).contains("raw_orders", "stg_orders", "orders",
                "customers", "fct_order_events", "is_positive_stg_payments_amount",
                "assert_order_amount_matches_payments", "relationships_stg_orders_customer_id__ref_stg_customers___customer_id");
        assertThat(scalar(warehouse, "select table_type from information_schema.tables where table_schema = "
                + "'main_staging' and table_name = 'stg_orders'")).as("staging gets the custom schema").isEqualTo("VIEW");
        assertThat(scalar(warehouse, "select table_type from information_schema.tables where table_schema = 'main' "
                + "and table_name = 'customers'")).isEqualTo("BASE TABLE");
        assertThat(scalar(warehouse, "select count(*) from information_schema.tables where table_name like "
                + "'%int_order_payments%'")).as("ephemeral leaves no relation").isEqualTo(0L);
    }

    @Test
    void customerLifetimeValuesMatchAnIndependentComputation() throws IOException {
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        engine.build(Selection.all(), ModelTestHelper.runOptions(project));

        Map<Integer, BigDecimal> expected = expectedLifetimeValues();
        Map<Integer, BigDecimal> actual = new TreeMap<>();
        for (List<Object> row : rows(warehouse, "select customer_id, customer_lifetime_value, tenant_id "
                + "from main.customers")) {
            actual.put(((Number) row.get(0)).intValue(), (BigDecimal) row.get(1));
            assertThat(row.get(2)).isEqualTo("acme");
        }
        assertThat(actual).as("one row per customer").hasSameSizeAs(expected);
        expected.forEach((id, value) -> assertThat(actual.get(id)).as("CLV of customer %d", id)
                .isEqualByComparingTo(value));
        assertThat(scalar(warehouse, "select count(*) from main.orders")).isEqualTo(
                (long) csv("raw_orders.csv").size());
        assertThat(scalar(warehouse, "select sum(credit_card_amount + coupon_amount + bank_transfer_amount + "
                + "gift_card_amount - amount) from main.orders")).as("the looped pivot adds up")
                .satisfies(v -> assertThat((BigDecimal) v).isEqualByComparingTo("0"));
    }

    @Test
    void warnTestWithWhereStoresItsFailures() throws IOException {
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        RunResult run = engine.build(Selection.all(), ModelTestHelper.runOptions(project));

        Set<String> bad = new HashSet<>();
        for (String[] order : csv("raw_orders.csv")) {
            if (order[2].compareTo("2018-02-01") < 0 && !Set.of("completed", "shipped").contains(order[3])) {
                bad.add(order[3]);
            }
        }
        NodeResult warn = run.result("accepted_values_orders_status__completed_shipped").orElseThrow();
        assertThat(warn.status()).isEqualTo(NodeStatus.WARN);
        assertThat(warn.failures()).as("one failing row per unexpected value").isEqualTo(bad.size());
        assertThat(scalar(warehouse, "select count(*) from main_dbt_test__audit."
                + "accepted_values_orders_status__completed_shipped")).isEqualTo((long) bad.size());
        assertThat(ResultFormatter.line(1, 1, warn)).startsWith("1 of 1 WARN " + bad.size() + " accepted_values")
                .contains("[WARN " + bad.size() + " in ");
    }

    @Test
    void incrementalMergeAppliesUpdatesAndIgnoresLateRecords() {
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        engine.build(Selection.all(), ModelTestHelper.runOptions(project));
        exec(warehouse, "insert into app.order_events values "
                + "('acme', 1, 'shipped', 10.00, '2024-01-03 10:00', '2024-01-03 11:00'),"
                + "('acme', 2, 'placed', 25.00, '2024-01-01 12:00', '2024-01-03 11:00'),"
                + "('acme', 4, 'placed', 40.00, '2024-01-03 08:00', '2024-01-03 11:00')");

        RunResult run = engine.run(Selection.of("fct_order_events"), ModelTestHelper.runOptions(project));

        assertThat(run.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).as(r.message()).isEqualTo(NodeStatus.SUCCESS);
            assertThat(r.compiledCode()).as("the incremental branch was rendered").contains("max(last_loaded_at)");
        });
        assertThat(rows(warehouse, "select order_id, status, amount::varchar from main.fct_order_events order by 1"))
                .containsExactly(List.of(1, "shipped", "10.00"), List.of(2, "shipped", "20.00"),
                        List.of(3, "completed", "30.00"), List.of(4, "placed", "40.00"));
    }

    @Test
    void freshnessComparesTheLatestLoadWithTheRules() {
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        Clock clock = Clock.fixed(Instant.parse("2024-01-02T20:00:00Z"), ZoneOffset.UTC);
        RunResult run = engine.freshness(Selection.all(), ModelTestHelper.runOptions(project).withClock(clock));

        assertThat(run.result("order_events").orElseThrow().status()).as("9h old: under warn_after 12h")
                .isEqualTo(NodeStatus.PASS);
        assertThat(run.result("order_events_archive").orElseThrow().status())
                .as("completed rows are 9h old: over the table's own warn_after 1h").isEqualTo(NodeStatus.WARN);

        RunResult late = engine.freshness(Selection.of("source:app.order_events"), ModelTestHelper.runOptions(project)
                .withClock(Clock.fixed(Instant.parse("2024-01-04T00:00:00Z"), ZoneOffset.UTC)));
        assertThat(late.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
            assertThat(r.message()).contains("error_after");
        });
        assertThat(late.exitCode()).isEqualTo(1);
    }

    @Test
    void writesManifestAndRunResultsInDbtShape() throws IOException {
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        engine.build(Selection.of("+customers"), ModelTestHelper.runOptions(project));

        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(project.resolve("target/manifest.json").toFile());
        JsonNode customers = manifest.path("nodes").path("model.jaffle.customers");
        assertThat(customers.path("depends_on").path("nodes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("model.jaffle.orders", "model.jaffle.stg_customers");
        assertThat(customers.path("config").path("materialized").asText()).isEqualTo("table");
        assertThat(customers.path("config").path("tags")).extracting(JsonNode::asText).contains("marts", "clv");
        assertThat(customers.path("compiled_code").asText()).contains("\"main\".\"orders\"").doesNotContain("{{");
        assertThat(manifest.path("nodes").path("model.jaffle.orders").path("compiled_code").asText())
                .as("the ephemeral model is inlined as a CTE").contains("with __cairn_ephemeral__int_order_payments as (");
        assertThat(manifest.path("sources").has("source.jaffle.app.order_events")).isTrue();

        JsonNode results = json.readTree(project.resolve("target/run_results.json").toFile());
        assertThat(results.path("elapsed_time").asDouble()).isPositive();
        List<String> ids = new ArrayList<>();
        results.path("results").forEach(r -> {
            ids.add(r.path("unique_id").asText());
            assertThat(r.path("status").asText()).isIn("success", "pass", "warn");
            assertThat(r.path("timing").get(0).path("name").asText()).isEqualTo("execute");
        });
        assertThat(ids).contains("seed.jaffle.raw_orders", "model.jaffle.customers", "model.jaffle.stg_payments")
                .doesNotContain("model.jaffle.fct_order_events");
    }

    @Test
    void selectorsPickTheDocumentedNodes() {
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        RunOptions opts = ModelTestHelper.runOptions(project);

        assertThat(names(engine.ls(Selection.of("tag:staging,resource_type:model")
                .excluding("resource_type:test"), opts)))
                .containsExactlyInAnyOrder("stg_customers", "stg_orders", "stg_payments");
        assertThat(names(engine.ls(Selection.of("stg_orders+1").excluding("resource_type:test"), opts)))
                .containsExactlyInAnyOrder("stg_orders", "orders");
        assertThat(names(engine.ls(Selection.of("2+orders").excluding("resource_type:test"), opts)))
                .containsExactlyInAnyOrder("orders", "stg_orders", "int_order_payments", "raw_orders", "stg_payments");
        assertThat(names(engine.ls(Selection.of("path:models/marts,config.materialized:table")
                .excluding("resource_type:test"), opts)))
                .containsExactlyInAnyOrder("orders", "customers");
        assertThat(names(engine.ls(Selection.of("source:app+").excluding("resource_type:test"), opts)))
                .containsExactlyInAnyOrder("order_events", "order_events_archive", "fct_order_events");
        assertThat(names(engine.ls(Selection.of("stg_customers stg_payments", "raw_customers")
                .excluding("resource_type:test"), opts)))
                .containsExactlyInAnyOrder("stg_customers", "stg_payments", "raw_customers");
        assertThat(names(engine.ls(Selection.of("stg_customers"), opts))).as("tests follow their model")
                .contains("unique_stg_customers_customer_id", "not_null_stg_customers_customer_id");
    }

    @Test
    void stateModifiedSelectsChangedNodesAndTheirChildren() throws IOException {
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        RunOptions opts = ModelTestHelper.runOptions(project);
        engine.compile(Selection.all(), opts);
        Path state = tmp.resolve("state");
        Files.createDirectories(state);
        Files.copy(project.resolve("target/manifest.json"), state.resolve("manifest.json"));

        ModelTestHelper.write(project, "models/staging/stg_payments.sql",
                Files.readString(project.resolve("models/staging/stg_payments.sql")) + "\n-- edited\n");
        ModelTestHelper.write(project, "models/marts/customers.sql", Files.readString(
                project.resolve("models/marts/customers.sql")).replace("tags=['clv']", "tags=['clv', 'vip']"));
        ModelEngine edited = ModelEngine.load(project, ModelTestHelper.options(warehouse));

        assertThat(names(edited.ls(Selection.of("state:modified").excluding("resource_type:test"), opts
                .withState(state)))).containsExactlyInAnyOrder("stg_payments", "customers");
        assertThat(names(edited.ls(Selection.of("state:modified+").excluding("resource_type:test"), opts
                .withState(state)))).containsExactlyInAnyOrder("stg_payments", "int_order_payments", "orders",
                "customers");
    }

    private static List<String> names(List<io.cairn.core.model.graph.Node> nodes) {
        return nodes.stream().map(io.cairn.core.model.graph.Node::name).toList();
    }

    private static Map<Integer, BigDecimal> expectedLifetimeValues() throws IOException {
        Map<Integer, Integer> customerOfOrder = new HashMap<>();
        for (String[] order : csv("raw_orders.csv")) {
            customerOfOrder.put(Integer.parseInt(order[0]), Integer.parseInt(order[1]));
        }
        Map<Integer, BigDecimal> clv = new TreeMap<>();
        for (String[] customer : csv("raw_customers.csv")) {
            clv.put(Integer.parseInt(customer[0]), BigDecimal.ZERO);
        }
        for (String[] payment : csv("raw_payments.csv")) {
            int customer = customerOfOrder.get(Integer.parseInt(payment[1]));
            clv.merge(customer, new BigDecimal(payment[3]).movePointLeft(2), BigDecimal::add);
        }
        return clv;
    }

    private static List<String[]> csv(String name) throws IOException {
        List<String> lines = Files.readAllLines(ModelTestHelper.jaffleShopDir().resolve(name));
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
    }
}
