package io.cairn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.config.ProjectConfig;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.ModelResultRecord;
import io.cairn.core.controlplane.RunRecord;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

/** The model commands on a copy of cairn-core's jaffle fixture project, with jaffle-shop's seeds. */
class ModelCommandsTest {
    /** Nodes {@code cairn build} executes in the fixture: 3 seeds, 6 models (the ephemeral one is inlined), 14 tests. */
    private static final int BUILD_NODES = 23;

    @TempDir
    Path dir;
    private String project;

    @BeforeEach
    void setUp() throws Exception {
        project = dir.toString();
        copyTree(findAbove("cairn-core/src/test/resources/projects/jaffle"), dir.resolve("jaffle"));
        Path seeds = Files.createDirectories(dir.resolve("jaffle/seeds"));
        for (String csv : List.of("raw_customers.csv", "raw_orders.csv", "raw_payments.csv")) {
            Files.copy(findAbove("shared/fixtures/external/jaffle-shop").resolve(csv), seeds.resolve(csv));
        }
        Files.writeString(dir.resolve("cairn.yml"), "warehouse:\n  type: duckdb\n  path: warehouse.duckdb\n"
                + "project: jaffle\n");
        sql("create schema app", "create table app.order_events (tenant_id varchar, order_id integer, status varchar, "
                + "amount decimal(10,2), updated_at timestamp, _loaded_at timestamp)",
                "insert into app.order_events values ('acme', 1, 'placed', 10.00, '2024-01-01 10:00', "
                        + "'2024-01-01 11:00'), ('acme', 2, 'shipped', 20.00, '2024-01-02 10:00', '2024-01-02 11:00')");
    }

    @Test
    void buildPrintsALinePerNodeAndTheSummaryAndRecordsEveryResult() throws Exception {
        CliTest.Run build = cairn("build", "-p", project);

        assertThat(build.exit()).as(build.err()).isZero();
        List<String> lines = nodeLines(build.out());
        assertThat(lines).as("one line per executed node, numbered in completion order").hasSize(BUILD_NODES);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith((i + 1) + " of " + BUILD_NODES + " ");
        }
        long badStatuses = earlyOrderStatusesOutside(List.of("completed", "shipped"));
        assertThat(lines).anyMatch(l -> l.matches(".* OK loaded seed file main\\.raw_orders \\.+ \\[INSERT 99 in "
                + "\\d+\\.\\d\\ds]"));
        assertThat(lines).anyMatch(l -> l.matches(".* OK created sql table model main\\.customers \\.+ \\[SELECT 100 "
                + "in \\d+\\.\\d\\ds]"));
        assertThat(lines).anyMatch(l -> l.matches(".* OK created sql view model main_staging\\.stg_orders \\.+ "
                + "\\[OK in .*"));
        assertThat(lines).anyMatch(l -> l.matches(".* WARN " + badStatuses + " accepted_values_orders_status__"
                + "completed_shipped \\.+ \\[WARN " + badStatuses + " in .*"));
        assertThat(build.out()).contains("Completed with 0 errors and 1 warning:",
                "Done. PASS=" + (BUILD_NODES - 1) + " WARN=1 ERROR=0 SKIP=0 TOTAL=" + BUILD_NODES);

        RunRecord run;
        Map<String, ModelResultRecord> results;
        try (ControlPlane controlPlane = controlPlane()) {
            run = controlPlane.runs().list(10).get(0);
            results = controlPlane.modelResults().list(run.runId()).stream()
                    .collect(Collectors.toMap(ModelResultRecord::uniqueId, Function.identity()));
        }
        assertThat(run.kind()).isEqualTo("build");
        assertThat(run.status()).isEqualTo("success");
        assertThat(build.out()).contains("Recorded as build run " + run.runId() + " in the control plane.");
        JsonNode summary = new ObjectMapper().readTree(run.summary());
        assertThat(summary.get("success").asInt()).as("3 seeds and 6 models").isEqualTo(9);
        assertThat(summary.get("pass").asInt()).isEqualTo(BUILD_NODES - 10);
        assertThat(summary.get("warn").asInt()).isEqualTo(1);
        assertThat(summary.get("total").asInt()).isEqualTo(BUILD_NODES);
        assertThat(results).hasSize(BUILD_NODES);
        assertThat(results.get("seed.jaffle.raw_orders")).satisfies(r -> {
            assertThat(r.status()).isEqualTo("success");
            assertThat(r.rowsAffected()).isEqualTo(99L);
            assertThat(r.relation()).isEqualTo("main.raw_orders");
        });
        assertThat(results.get("model.jaffle.customers").rowsAffected()).isEqualTo(100L);
        assertThat(results.get("model.jaffle.stg_orders").rowsAffected()).as("a view has no row count").isNull();
        assertThat(results.get("test.jaffle.accepted_values_orders_status__completed_shipped")).satisfies(r -> {
            assertThat(r.status()).isEqualTo("warn");
            assertThat(r.failures()).isEqualTo(badStatuses);
        });
        assertThat(results.values()).allSatisfy(r -> assertThat(r.completedAt()).isAfterOrEqualTo(r.startedAt()));
        assertThat(new ObjectMapper().readTree(dir.resolve("jaffle/target/run_results.json").toFile())
                .get("results").size()).isEqualTo(BUILD_NODES);
    }

    @Test
    void failingTestExitsOneAndIsRecordedAsFailed() throws Exception {
        assertThat(cairn("build", "-p", project).exit()).isZero();
        Files.writeString(dir.resolve("jaffle/tests/assert_no_early_orders.sql"),
                "select order_id from {{ ref('orders') }} where order_id <= 3\n");

        CliTest.Run test = cairn("test", "-p", project, "-s", "orders", "--threads", "1");

        assertThat(test.exit()).isEqualTo(Main.DATA_FAILURE);
        List<String> lines = nodeLines(test.out());
        assertThat(lines).anyMatch(l -> l.matches("\\d+ of " + lines.size() + " FAIL 3 assert_no_early_orders \\.+ "
                + "\\[FAIL 3 in .*"));
        assertThat(test.out()).contains("FAIL in test assert_no_early_orders", "ERROR=1", "TOTAL=" + lines.size());
        try (ControlPlane controlPlane = controlPlane()) {
            RunRecord run = controlPlane.runs().list(1).get(0);
            assertThat(run.kind()).isEqualTo("test");
            assertThat(run.status()).isEqualTo("failed");
            assertThat(controlPlane.modelResults().list(run.runId()))
                    .as("only tests ran, and the failing one kept its count").hasSize(lines.size())
                    .allMatch(r -> r.resourceType().equals("test"))
                    .filteredOn(r -> r.name().equals("assert_no_early_orders")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.status()).isEqualTo("fail");
                        assertThat(r.failures()).isEqualTo(3);
                    });
        }
    }

    @Test
    void sqlErrorInOneModelSkipsItsDependentsAndExitsOne() throws Exception {
        assertThat(cairn("build", "-p", project).exit()).isZero();
        Files.writeString(dir.resolve("jaffle/models/broken.sql"), "select\n  no_such_column\nfrom {{ ref('orders') }}\n");
        Files.writeString(dir.resolve("jaffle/models/after_broken.sql"), "select * from {{ ref('broken') }}\n");

        CliTest.Run run = cairn("run", "-p", project, "--select", "broken+", "orders");

        assertThat(run.exit()).isEqualTo(Main.DATA_FAILURE);
        assertThat(nodeLines(run.out())).hasSize(3).anyMatch(l -> l.startsWith("1 of 3 OK created sql table model "
                + "main.orders")).anyMatch(l -> l.startsWith("2 of 3 ERROR creating sql view model main.broken "))
                .anyMatch(l -> l.startsWith("3 of 3 SKIP relation main.after_broken ") && l.endsWith("[SKIP]"));
        assertThat(run.out()).contains("ERROR in model broken", "models/broken.sql", "no_such_column",
                "Done. PASS=1 WARN=0 ERROR=1 SKIP=1 TOTAL=3");
        try (ControlPlane controlPlane = controlPlane()) {
            RunRecord recorded = controlPlane.runs().list(1).get(0);
            assertThat(recorded.status()).isEqualTo("failed");
            assertThat(controlPlane.modelResults().list(recorded.runId()))
                    .extracting(ModelResultRecord::name, ModelResultRecord::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", "success"),
                            org.assertj.core.groups.Tuple.tuple("broken", "error"),
                            org.assertj.core.groups.Tuple.tuple("after_broken", "skipped"));
        }
    }

    @Test
    void seedThenRunWithVarsThreadsAndFullRefresh() throws Exception {
        CliTest.Run seed = cairn("seed", "-p", project);
        assertThat(seed.exit()).as(seed.err()).isZero();
        assertThat(nodeLines(seed.out())).hasSize(3).allMatch(l -> l.contains(" OK loaded seed file main.raw_"));

        CliTest.Run run = cairn("run", "-p", project, "-s", "+customers", "--vars", "{tenant: beta}", "--threads", "2",
                "--full-refresh");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(nodeLines(run.out())).as("3 staging views, orders and customers; the ephemeral model is inlined")
                .hasSize(5).allMatch(l -> l.contains(" of 5 OK created sql "));
        assertThat(run.out()).contains("Concurrency: 2 threads (target='dev')");
        assertThat(sql("select distinct tenant_id from main.customers")).containsExactly(List.of("beta"));
        assertThat(sql("select count(*) from main.customers")).containsExactly(List.of(100L));

        CliTest.Run incremental = cairn("run", "-p", project, "-s", "fct_order_events", "--full-refresh");
        assertThat(incremental.out()).contains("1 of 1 OK created sql incremental model main.fct_order_events");
        assertThat(sql("select order_id, status from main.fct_order_events order by 1"))
                .containsExactly(List.of(1, "placed"), List.of(2, "shipped"));
    }

    @Test
    void lsPrintsUniqueIdsOrJsonAndHonoursStateAndExclude() throws Exception {
        CliTest.Run upstream = cairn("ls", "-p", project, "-s", "+orders", "--resource-type", "model");
        assertThat(upstream.exit()).as(upstream.err()).isZero();
        assertThat(upstream.out().strip().split("\n")).containsExactlyInAnyOrder("model.jaffle.stg_orders",
                "model.jaffle.stg_payments", "model.jaffle.int_order_payments", "model.jaffle.orders");

        CliTest.Run excluded = cairn("ls", "-p", project, "-s", "stg_orders", "stg_customers", "--exclude",
                "stg_customers", "--resource-type", "model");
        assertThat(excluded.out().strip()).isEqualTo("model.jaffle.stg_orders");

        CliTest.Run json = cairn("ls", "-p", project, "-s", "tag:marts", "--resource-type", "model", "--output", "json");
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : json.out().strip().split("\n")) {
            nodes.add(new ObjectMapper().readTree(line));
        }
        assertThat(nodes).extracting(n -> n.get("name").asText()).containsExactlyInAnyOrder("orders", "customers",
                "fct_order_events");
        JsonNode customers = nodes.stream().filter(n -> n.get("name").asText().equals("customers")).findFirst()
                .orElseThrow();
        assertThat(customers.get("unique_id").asText()).isEqualTo("model.jaffle.customers");
        assertThat(customers.get("config").get("materialized").asText()).isEqualTo("table");
        assertThat(customers.get("original_file_path").asText()).isEqualTo("models/marts/customers.sql");
        assertThat(customers.get("depends_on").get("nodes").toString()).contains("model.jaffle.orders",
                "model.jaffle.stg_customers");

        assertThat(cairn("compile", "-p", project).exit()).isZero();
        Path state = dir.resolve("prod-state");
        copyTree(dir.resolve("jaffle/target"), state);
        Path customersSql = dir.resolve("jaffle/models/marts/customers.sql");
        Files.writeString(customersSql, Files.readString(customersSql) + "\nwhere c.customer_id > 0\n");
        CliTest.Run modified = cairn("ls", "-p", project, "-s", "state:modified+", "--state", state.toString(),
                "--resource-type", "model");
        assertThat(modified.out().strip()).isEqualTo("model.jaffle.customers");
    }

    @Test
    void compilePrintsTheSqlOfOneSelectedModel() {
        CliTest.Run compile = cairn("compile", "-p", project, "-s", "customers", "--vars", "{\"tenant\": \"gamma\"}");

        assertThat(compile.exit()).as(compile.err()).isZero();
        assertThat(compile.out()).startsWith("Compiled node 'customers' is:").contains("'gamma' as tenant_id",
                "\"main\".\"orders\"").doesNotContain("{{", "ref(");
    }

    @Test
    void staleSourcesFailFreshnessWithExitOne() throws Exception {
        CliTest.Run freshness = cairn("freshness", "-p", project);

        assertThat(freshness.exit()).isEqualTo(Main.DATA_FAILURE);
        assertThat(nodeLines(freshness.out())).hasSize(2)
                .allMatch(l -> l.contains(" of 2 ERROR checking freshness of app.order_events "));
        assertThat(freshness.out()).contains("error_after PT24H");
        try (ControlPlane controlPlane = controlPlane()) {
            RunRecord run = controlPlane.runs().list(1).get(0);
            assertThat(run.kind()).isEqualTo("freshness");
            assertThat(controlPlane.modelResults().list(run.runId())).extracting(ModelResultRecord::uniqueId)
                    .containsExactlyInAnyOrder("source.jaffle.app.order_events", "source.jaffle.app.order_events_archive");
        }
    }

    @Test
    void usageAndProjectErrorsExitTwo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliTest.Run bundled = cairn("ls", "-p", empty.toString(), "--resource-type", "model");
        assertThat(bundled.exit()).as("without a dbt project the bundled package is used").isZero();
        assertThat(bundled.out()).contains("model.cairn_models.fct_sales_by_day",
                "model.cairn_models.fct_expenses_by_month");
        assertThat(empty.resolve(".cairn/bundled-models/dbt_project.yml")).exists();

        CliTest.Run none = cairn("build", "-p", empty.toString(), "--models", empty.resolve("nothing").toString());
        assertThat(none.exit()).isEqualTo(Main.USAGE);
        assertThat(none.err()).contains("Cannot use --models", "holds no dbt_project.yml");

        CliTest.Run models = cairn("ls", "-p", empty.toString(), "--models", dir.resolve("jaffle").toString(),
                "-s", "stg_orders", "--resource-type", "model");
        assertThat(models.exit()).as("--models overrides the project: key").isZero();
        assertThat(models.out().strip()).isEqualTo("model.jaffle.stg_orders");

        CliTest.Run vars = cairn("run", "-p", project, "--vars", "[1, 2]");
        assertThat(vars.exit()).isEqualTo(Main.USAGE);
        assertThat(vars.err()).contains("Cannot parse --vars '[1, 2]': expected a mapping");

        Files.writeString(dir.resolve("jaffle/models/missing.sql"), "select 1 as x\nfrom {{ ref('nowhere') }}\n");
        CliTest.Run missing = cairn("build", "-p", project);
        assertThat(missing.exit()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("models/missing.sql", "nowhere");
    }

    private static List<String> nodeLines(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> l.matches("\\d+ of \\d+ .*")).toList();
    }

    private ControlPlane controlPlane() {
        return ControlPlane.open(ProjectConfig.load(dir).controlPlane());
    }

    /** How many distinct statuses of orders before 2018-02-01 are outside {@code allowed}, read from the CSV. */
    private static long earlyOrderStatusesOutside(List<String> allowed) throws IOException {
        try (Stream<String> lines = Files.lines(findAbove("shared/fixtures/external/jaffle-shop")
                .resolve("raw_orders.csv"))) {
            return lines.skip(1).map(l -> l.split(",")).filter(f -> f[2].compareTo("2018-02-01") < 0)
                    .map(f -> f[3]).filter(s -> !allowed.contains(s)).distinct().count();
        }
    }

    static Path findAbove(String relative) {
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above the working directory");
    }

    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    private List<List<Object>> sql(String... statements) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), null, null);
             Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                if (statement.execute(sql)) {
                    try (ResultSet rs = statement.getResultSet()) {
                        while (rs.next()) {
                            List<Object> row = new ArrayList<>();
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                row.add(rs.getObject(i));
                            }
                            rows.add(row);
                        }
                    }
                }
            }
        }
        return rows;
    }
}
