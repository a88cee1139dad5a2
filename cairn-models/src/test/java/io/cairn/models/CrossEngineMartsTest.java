package io.cairn.models;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.RunResult;
import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.TenantProfile;
import io.cairn.spi.warehouse.Warehouse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same generated tenants landed into DuckDB and into PostgreSQL, the first week then the rest (updates, late
 * records): the whole package and its data-quality models build on both, the second build incremental, the data
 * tests pass on both, and every mart is identical row for row (numbers at the DuckDB column's scale, instants in
 * UTC).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossEngineMartsTest {
    private static final Instant CHECKED = Instant.parse("2024-06-02T00:00:00Z");
    private static final List<String> LOAD_ORDER_CHECKS = List.of("late_arriving_records", "schema_drift");

    private ModelsFixture duck;
    private ModelsFixture postgres;
    private GenerationSummary generated;
    private RunResult duckBuild;
    private RunResult postgresFirstBuild;
    private RunResult postgresBuild;
    private DataQualityReport duckQuality;
    private DataQualityReport postgresQuality;

    @BeforeAll
    void generateLandAndBuildOnBothEngines(@TempDir Path dir) {
        duck = new ModelsFixture(dir.resolve("duckdb"));
        postgres = new ModelsFixture(dir.resolve("postgres"), TestPostgres.newWarehouse("marts"));
        generated = duck.generateOnly(3, 21, 11, LocalDate.of(2024, 3, 1));
        postgres.generateOnly(3, 21, 11, LocalDate.of(2024, 3, 1));
        land(name -> name.contains("-001."));
        postgresFirstBuild = postgres.build(false);
        duck.build(false);
        land(name -> !name.contains("-001."));
        postgresBuild = postgres.build(false);
        duckBuild = duck.build(false);
        duckQuality = new DataQuality(duck.warehouse, Clock.fixed(CHECKED, ZoneOffset.UTC))
                .record(duck.engine(Map.of()), duckBuild, "duckdb-run");
        postgresQuality = new DataQuality(postgres.warehouse, Clock.fixed(CHECKED, ZoneOffset.UTC))
                .record(postgres.engine(Map.of()), postgresBuild, "postgres-run");
    }

    /** Lands the generated files whose name matches on both engines. */
    private void land(java.util.function.Predicate<String> files) {
        for (ModelsFixture fixture : List.of(duck, postgres)) {
            fixture.dropGenerated(files);
            fixture.land(fixture.sources(generated));
        }
    }

    @AfterAll
    void close() {
        duck.close();
        postgres.close();
    }

    @Test
    void everyModelAndDataTestSucceedsOnPostgres() {
        assertThat(problems(postgresFirstBuild)).as("nodes that did not succeed on PostgreSQL").isEmpty();
        assertThat(problems(postgresBuild)).as("nodes that did not succeed in PostgreSQL's incremental run").isEmpty();
        assertThat(postgresBuild.result("fct_sales_by_day").orElseThrow().compiledCode())
                .as("the second build ran the incremental branch").contains("watermarks");
        assertThat(postgresBuild.result("fct_sales_by_day").orElseThrow().rowsAffected())
                .as("the second week's days were inserted").isPositive();
        assertThat(problems(duckBuild)).as("nodes that did not succeed on DuckDB").isEmpty();
        assertThat(postgresBuild.results()).as("the same nodes ran").hasSameSizeAs(duckBuild.results());
        assertThat(postgresBuild.results().stream().filter(r -> r.resourceType().equals("test")).count())
                .as("data tests ran").isGreaterThan(50);
    }

    @Test
    void everyMartIsIdenticalRowByRow() {
        List<String> marts = tables(duck.warehouse, "marts");
        assertThat(marts).as("marts of the package").contains("fct_sales_by_day", "fct_expenses_by_month",
                "customer_360", "dim_customers", "dim_products", "inventory_kpi", "daily_store_sales",
                "fct_revenue_attribution", "fct_customer_lifetime_value");
        assertThat(tables(postgres.warehouse, "marts")).as("the same marts on PostgreSQL")
                .containsExactlyInAnyOrderElementsOf(marts);
        for (String mart : marts) {
            Comparison compared = compare(duck.warehouse, postgres.warehouse, mart);
            assertThat(compared.rows()).as("rows of marts.%s", mart).isPositive();
            assertThat(compared.onlyDuckDb()).as("rows of marts.%s only on DuckDB", mart).isEmpty();
            assertThat(compared.onlyPostgres()).as("rows of marts.%s only on PostgreSQL", mart).isEmpty();
        }
    }

    /** DuckDB's rows of a mart against PostgreSQL's: what each has that the other lacks. */
    record Comparison(int rows, List<String> onlyDuckDb, List<String> onlyPostgres) {}

    static Comparison compare(Warehouse duckDb, Warehouse postgres, String mart) {
        List<String> columns = columns(duckDb, "marts", mart);
        String sql = "select " + String.join(", ", columns.stream().map(c -> '"' + c + '"').toList())
                + " from marts." + mart;
        Table expected = Table.read(duckDb, sql, null);
        Table actual = Table.read(postgres, sql, expected.scales());
        List<String> onlyDuckDb = new ArrayList<>(expected.rows());
        actual.rows().forEach(onlyDuckDb::remove);
        List<String> onlyPostgres = new ArrayList<>(actual.rows());
        expected.rows().forEach(onlyPostgres::remove);
        return new Comparison(expected.rows().size(), onlyDuckDb, onlyPostgres);
    }

    /**
     * Late records and schema drift are left out of the comparison: they depend on which load a record version
     * repeated in two files landed with, and the landing runs files in parallel (on either engine).
     */
    @Test
    void dataQualityGivesEveryTenantTheSameOutcomes() {
        assertThat(outcomes(postgresQuality)).as("check, relation, tenant and status on PostgreSQL")
                .isEqualTo(outcomes(duckQuality));
        assertThat(postgresQuality.results()).extracting(DqResult::checkName)
                .contains("late_arriving_records", "schema_drift", "source_freshness", "order_volume_anomaly");
        for (TenantProfile tenant : generated.tenants()) {
            assertThat(postgresQuality.find(tenant.id(), "reconcile_sales_net")).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(DqStatus.PASS));
        }
        assertThat(DqResultsTable.read(postgres.warehouse, "postgres-run")).as("ops.dq_results on PostgreSQL")
                .hasSameSizeAs(postgresQuality.results());
    }

    static List<String> outcomes(DataQualityReport report) {
        return report.results().stream().filter(r -> !LOAD_ORDER_CHECKS.contains(r.checkName()))
                .map(r -> String.join(" ", r.checkName(), r.model(),
                String.valueOf(r.tenantId()), r.status().key())).sorted().toList();
    }

    static List<String> problems(RunResult build) {
        return build.results().stream().filter(r -> r.status() == NodeStatus.ERROR || r.status() == NodeStatus.FAIL
                || r.status() == NodeStatus.SKIPPED).map(r -> r.name() + " " + r.status() + ": " + r.message())
                .toList();
    }

    static List<String> tables(Warehouse warehouse, String schema) {
        return Table.read(warehouse, "select table_name from information_schema.tables where table_schema = '"
                + schema + "' order by table_name", null).rows().stream()
                .map(row -> row.substring(1, row.length() - 1)).toList();
    }

    private static List<String> columns(Warehouse warehouse, String schema, String table) {
        List<String> out = new ArrayList<>();
        try (Connection c = warehouse.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from " + schema + "." + table + " limit 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getMetaData().getColumnLabel(i));
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return out;
    }

    /** A query's rows as normalized text, sorted (engines order text differently); the scale of each column. */
    private record Table(List<String> rows, Map<Integer, Integer> scales) {
        static Table read(Warehouse warehouse, String sql, Map<Integer, Integer> scales) {
            List<String> rows = new ArrayList<>();
            Map<Integer, Integer> own = new TreeMap<>();
            try (Connection c = warehouse.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    own.put(i, meta.getScale(i));
                }
                Map<Integer, Integer> use = scales == null ? own : scales;
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(value(rs, i, meta.getColumnTypeName(i), meta.getColumnType(i), use.get(i)));
                    }
                    rows.add(row.toString());
                }
            }
            catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
            rows.sort(null);
            return new Table(rows, own);
        }

        private static String value(ResultSet rs, int i, String type, int sqlType, int scale) throws SQLException {
            Object value = rs.getObject(i);
            if (value == null) {
                return "null";
            }
            String kind = type.toLowerCase(Locale.ROOT);
            if (kind.contains("timestamptz") || kind.contains("with time zone")
                    || sqlType == java.sql.Types.TIMESTAMP_WITH_TIMEZONE) {
                return rs.getObject(i, OffsetDateTime.class).toInstant().toString();
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString()).setScale(scale, RoundingMode.HALF_UP).toPlainString();
            }
            if (value instanceof Array array) {
                return Arrays.toString((Object[]) array.getArray());
            }
            return value instanceof java.util.Date ? rs.getString(i) : value.toString();
        }
    }
}
