package io.cairn.core.serving;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.LoadRecord;
import io.cairn.core.controlplane.LoadStatus;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.LoadResult;
import io.cairn.spi.warehouse.Warehouse;

import static io.cairn.core.serving.ServingFixture.ACME;
import static io.cairn.core.serving.ServingFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link TenantData} does for a tenant, the same on every engine: each implementation opens the warehouse and
 * names a statement that never ends on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantDataContract {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    ControlPlane controlPlane;
    Warehouse warehouse;
    TenantData data;

    /** A warehouse for the fixture, with a tenant scope. */
    abstract Warehouse openWarehouse(Path dir) throws Exception;

    /** A read that runs far longer than any test waits. */
    abstract String endlessQuery();

    /** The fixture's SQL in the engine's spelling; as written (DuckDB and PostgreSQL) by default. */
    String adapt(String sql) {
        return sql;
    }

    @BeforeAll
    void createMarts(@TempDir Path dir) throws Exception {
        controlPlane = ServingFixture.controlPlane(dir);
        controlPlane.tenants().upsert(new Tenant(UMBRELLA, "Umbrella", Tenancy.DEDICATED, ZoneId.of("UTC"), "USD",
                Instant.parse("2024-01-01T00:00:00Z")));
        warehouse = openWarehouse(dir);
        ServingFixture.execute(warehouse, ServingFixture.TABLES.stream().map(this::adapt).toList());
        ServingFixture.execute(warehouse, DEDICATED_TABLES.stream().map(this::adapt).toList());
        assertThat(TenantPublishing.publishAll(warehouse, controlPlane)).startsWith("Published the data of 3 tenants");
        data = new ScopedTenantData(warehouse, controlPlane);
    }

    /** Dedicated tenant umbrella's marts and quality results in its own schemas, and a stray row in the shared ones. */
    private static final TenantId UMBRELLA = TenantId.of("umbrella");
    private static final List<String> DEDICATED_TABLES = List.of(
            "CREATE SCHEMA umbrella_marts", "CREATE SCHEMA umbrella_ops",
            "CREATE TABLE umbrella_marts.fct_sales_by_day (tenant_id VARCHAR NOT NULL, sales_date DATE NOT NULL, "
                    + "net DECIMAL(18, 2) NOT NULL)",
            "INSERT INTO umbrella_marts.fct_sales_by_day VALUES ('umbrella', DATE '2024-01-05', 42.00)",
            "CREATE TABLE umbrella_ops.dq_results AS SELECT * FROM ops.dq_results WHERE tenant_id = 'acme' "
                    + "AND run_id = 'r1'",
            "UPDATE umbrella_ops.dq_results SET tenant_id = 'umbrella', details = 'umbrella check'",
            "INSERT INTO marts.dim_customers VALUES ('umbrella', 'stray@umbrella.example')");

    @Test
    void aDedicatedTenantIsServedFromItsOwnSchemas() {
        assertThat(data.marts(UMBRELLA)).as("the marts of umbrella_marts").containsExactly("fct_sales_by_day");
        assertThat(data.readMart(UMBRELLA, "fct_sales_by_day", null, null, 0, 10).rows())
                .containsExactly(row("umbrella", LocalDate.parse("2024-01-05"), new BigDecimal("42.00")));
        assertThat(data.quality(UMBRELLA).rows()).extracting(r -> r.get(1) + ":" + r.get(7))
                .containsExactly("not_null:umbrella check");
        String marts = warehouse.tenantScope().martsSchema(UMBRELLA);
        assertThat(data.query(UMBRELLA, "SELECT tenant_id, count(*) AS n FROM " + marts + ".fct_sales_by_day "
                + "GROUP BY tenant_id", TIMEOUT, 10).rows()).containsExactly(row("umbrella", 1L));
        assertThatThrownBy(() -> data.readMart(UMBRELLA, "dim_customers", null, null, 0, 10))
                .as("the shared marts are not the dedicated tenant's, not even its stray row there")
                .hasMessageContaining("no such mart");
        assertThat(data.marts(ACME)).as("the shared tenant's marts").containsExactly("dim_customers",
                "fct_expenses_by_month", "fct_sales_by_day");
    }

    @AfterAll
    void close() {
        warehouse.close();
        controlPlane.close();
    }

    @Test
    void martsAreTheTenantsMartsWithATenantId() {
        assertThat(data.marts(ACME)).containsExactly("dim_customers", "fct_expenses_by_month", "fct_sales_by_day");
    }

    @Test
    void martPagesFollowTheDateThenEveryColumn() {
        ResultPage first = data.readMart(ACME, "fct_sales_by_day", null, null, 0, 2);
        assertThat(first.columns()).containsExactly("tenant_id", "sales_date", "channel", "net", "note");
        assertThat(first.rows()).containsExactly(
                row("acme", LocalDate.parse("2024-01-01"), "web", new BigDecimal("10.00"), "plain"),
                row("acme", LocalDate.parse("2024-01-02"), "pos", new BigDecimal("20.00"), "has, comma"));
        assertThat(first.hasMore()).isTrue();
        ResultPage second = data.readMart(ACME, "fct_sales_by_day", null, null, 2, 2);
        assertThat(second.rows()).containsExactly(
                row("acme", LocalDate.parse("2024-01-03"), "pos", new BigDecimal("5.00"), "multi\nline"),
                row("acme", LocalDate.parse("2024-01-03"), "web", new BigDecimal("30.00"), "has \"quote\""));
        assertThat(second.hasMore()).as("the fourth row was the last").isFalse();
        assertThat(data.readMart(ACME, "fct_sales_by_day", null, null, 4, 2).rows()).isEmpty();
    }

    @Test
    void fromAndToAreInclusiveOnTheDateColumn() {
        assertThat(data.readMart(ACME, "fct_sales_by_day", LocalDate.parse("2024-01-02"),
                LocalDate.parse("2024-01-03"), 0, 10).rows()).hasSize(3);
        assertThat(data.readMart(ACME, "fct_sales_by_day", LocalDate.parse("2024-01-03"), null, 0, 10).rows())
                .hasSize(2);
        assertThat(data.readMart(ACME, "fct_sales_by_day", null, LocalDate.parse("2024-01-01"), 0, 10).rows())
                .extracting(r -> r.get(3)).containsExactly(new BigDecimal("10.00"));
    }

    @Test
    void aTextMonthIsPassedOverForADateTypedMonthColumn() {
        ResultPage february = data.readMart(ACME, "fct_expenses_by_month", LocalDate.parse("2024-02-01"), null, 0,
                10);
        assertThat(february.rows()).containsExactly(row("acme", LocalDate.parse("2024-02-01"), "2024-02",
                new BigDecimal("200.00")));
    }

    @Test
    void unknownMartsTenantlessRelationsAndUnknownTenantsAreNotFound() {
        assertThatThrownBy(() -> data.readMart(ACME, "fct_nothing", null, null, 0, 10))
                .isInstanceOf(CairnException.class).extracting(e -> ((CairnException) e).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> data.readMart(ACME, "currency_rates", null, null, 0, 10))
                .as("a relation without tenant_id is not served").isInstanceOf(CairnException.class)
                .extracting(e -> ((CairnException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> data.marts(TenantId.of("initech")))
                .isInstanceOf(CairnException.class).hasMessageContaining("initech")
                .extracting(e -> ((CairnException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> data.readMart(ACME, "fct_sales_by_day", LocalDate.parse("2024-01-03"),
                LocalDate.parse("2024-01-01"), 0, 10)).isInstanceOf(CairnException.class)
                .extracting(e -> ((CairnException) e).code()).isEqualTo(ErrorCode.BAD_INPUT);
    }

    @Test
    void csvIsRfc4180WithEveryRowOfTheTenant() throws Exception {
        StringWriter out = new StringWriter();
        data.writeMartCsv(ACME, "fct_sales_by_day", null, null, out);
        assertThat(out.toString()).isEqualTo("tenant_id,sales_date,channel,net,note\r\n"
                + "acme,2024-01-01,web,10.00,plain\r\n"
                + "acme,2024-01-02,pos,20.00,\"has, comma\"\r\n"
                + "acme,2024-01-03,pos,5.00,\"multi\nline\"\r\n"
                + "acme,2024-01-03,web,30.00,\"has \"\"quote\"\"\"\r\n");
        StringWriter january = new StringWriter();
        data.writeMartCsv(GLOBEX, "fct_sales_by_day", null, LocalDate.parse("2024-01-01"), january);
        assertThat(january.toString()).isEqualTo("tenant_id,sales_date,channel,net,note\r\n"
                + "globex,2024-01-01,web,777.77,secret plan\r\n");
    }

    @Test
    void queriesSeeOnlyTheTenantsRows() {
        ResultPage counts = data.query(ACME, "SELECT tenant_id, count(*) AS n FROM marts.fct_sales_by_day "
                + "GROUP BY tenant_id", TIMEOUT, 100);
        assertThat(counts.columns()).containsExactly("tenant_id", "n");
        assertThat(counts.rows()).containsExactly(row("acme", 4L));
        assertThat(data.query(ACME, "SELECT * FROM marts.fct_sales_by_day WHERE tenant_id = 'globex'", TIMEOUT, 100)
                .rows()).isEmpty();
        assertThat(data.query(GLOBEX, "SELECT net FROM marts.fct_sales_by_day ORDER BY net", TIMEOUT, 100).rows())
                .containsExactly(row(new BigDecimal("777.77")), row(new BigDecimal("888.88")));
        assertThat(data.query(ACME, "  -- a comment\nselect email from marts.dim_customers;  ", TIMEOUT, 100).rows())
                .containsExactly(row("buyer@acme.example"));
    }

    @Test
    void aQueryIsCutAtMaxRowsAndSaysSo() {
        String sql = "SELECT net FROM marts.fct_sales_by_day ORDER BY net";
        ResultPage cut = data.query(ACME, sql, TIMEOUT, 3);
        assertThat(cut.rows()).hasSize(3);
        assertThat(cut.hasMore()).isTrue();
        ResultPage whole = data.query(ACME, sql, TIMEOUT, 4);
        assertThat(whole.rows()).hasSize(4);
        assertThat(whole.hasMore()).isFalse();
    }

    @Test
    void aQueryPastItsTimeoutIsStopped() {
        assertThatThrownBy(() -> data.query(ACME, endlessQuery(), Duration.ofMillis(300), 10))
                .isInstanceOf(CairnException.class).hasMessageContaining("ran longer than")
                .extracting(e -> ((CairnException) e).code()).isEqualTo(ErrorCode.BAD_INPUT);
        assertThat(data.query(ACME, "SELECT 1 AS one", TIMEOUT, 1).rows()).as("the tenant can query again")
                .containsExactly(row(1));
    }

    @Test
    void writesSeveralStatementsAndBrokenSqlAreBadInput() {
        assertThatThrownBy(() -> data.query(ACME, "DELETE FROM marts.fct_sales_by_day", TIMEOUT, 10))
                .isInstanceOf(CairnException.class).hasMessageContaining("only a read");
        assertThatThrownBy(() -> data.query(ACME, "SELECT 1; SELECT 2", TIMEOUT, 10))
                .isInstanceOf(CairnException.class).hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> data.query(ACME, "SELECT no_such_column FROM marts.fct_sales_by_day", TIMEOUT, 10))
                .isInstanceOf(CairnException.class).hasMessageContaining("no_such_column")
                .extracting(e -> ((CairnException) e).code()).isEqualTo(ErrorCode.BAD_INPUT);
        assertThat(data.query(ACME, "SELECT count(*) FROM marts.fct_sales_by_day", TIMEOUT, 10).rows())
                .as("nothing was deleted").containsExactly(row(4L));
    }

    @Test
    void qualityIsTheLatestResultOfEachCheckNewestFirst() {
        ResultPage quality = data.quality(ACME);
        assertThat(quality.columns()).containsExactlyElementsOf(ScopedTenantData.QUALITY_COLUMNS);
        assertThat(quality.rows()).extracting(r -> r.get(1) + "/" + r.get(2) + "=" + r.get(3))
                .containsExactly("reconciliation/fct_sales_by_day=pass", "not_null/fct_sales_by_day=pass");
        assertThat(quality.rows().get(0).get(0)).isEqualTo(OffsetDateTime.parse("2024-01-02T00:00:01Z"));
        assertThat(data.quality(GLOBEX).rows()).extracting(r -> r.get(1)).containsExactly("anomaly");
    }

    @Test
    void freshnessComesFromTheTenantsLandedLoads() {
        land("acme-1", ACME, "orders", 5, "2024-01-01T10:00:00Z");
        land("acme-2", ACME, "orders", 3, "2024-01-02T09:00:00Z");
        land("acme-3", ACME, "customers", 7, null);
        land("globex-1", GLOBEX, "orders", 99, "2024-03-01T00:00:00Z");
        controlPlane.loads().insert(new LoadRecord("acme-4", ACME, "shop", "orders", null, "raw/x.jsonl", "jsonl",
                LoadStatus.STAGED, 10, null, Instant.now(), null, null));
        ResultPage freshness = data.freshness(ACME);
        assertThat(freshness.columns()).containsExactlyElementsOf(ScopedTenantData.FRESHNESS_COLUMNS);
        assertThat(freshness.rows()).extracting(r -> r.get(0) + "/" + r.get(1) + " last=" + r.get(2) + " loads="
                + r.get(4) + " rows=" + r.get(5) + " newest=" + r.get(6)).containsExactly(
                "shop/customers last=acme-3 loads=1 rows=7 newest=null",
                "shop/orders last=acme-2 loads=2 rows=8 newest=2024-01-02T09:00:00Z");
    }

    private void land(String loadId, TenantId tenant, String stream, long rows, String newest) {
        controlPlane.loads().insert(new LoadRecord(loadId, tenant, "shop", stream, null, "raw/" + loadId + ".jsonl",
                "jsonl", LoadStatus.STAGED, 10, null, Instant.now(), null, null));
        controlPlane.loads().markLanded(loadId, new LoadResult(loadId, rows, rows, 0, 0, 0, newest, false));
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
