package io.cairn.models;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.RunResult;
import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.TenantProfile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated tenants landed week by week (three loads per stream), built, and checked: per-tenant rows in
 * ops.dq_results for tests, reconciliation, freshness, late-arriving records and schema drift.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualityTest {
    private static final LocalDate START = LocalDate.of(2024, 3, 1);
    /** Each week's files land the morning after the week ends. */
    private static final Instant[] LOADED = {Instant.parse("2024-03-08T06:00:00Z"),
            Instant.parse("2024-03-15T06:00:00Z"), Instant.parse("2024-03-17T06:00:00Z")};
    private static final Instant LAST_LOAD = LOADED[2];

    private ModelsFixture fixture;
    private GenerationSummary generated;
    private ModelEngine engine;
    private RunResult build;
    private DataQualityReport report;

    @BeforeAll
    void generateLandWeekByWeekAndBuild(@TempDir Path dir) {
        fixture = new ModelsFixture(dir);
        generated = fixture.generateOnly(3, 16, 5, START);
        for (int week = 1; week <= 3; week++) {
            String part = String.format("-%03d.", week);
            fixture.dropGenerated(name -> name.contains(part));
            fixture.land(fixture.sources(generated), LOADED[week - 1]);
        }
        engine = fixture.engine(Map.of());
        build = fixture.build(false);
        report = dataQuality(LAST_LOAD.plus(Duration.ofHours(1))).record(engine, build, build.invocationId());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyTenantGetsItsOwnRowPerCheckInOpsDqResults() {
        List<DqResult> stored = DqResultsTable.read(fixture.warehouse, build.invocationId());
        assertThat(stored).as("ops.dq_results holds what the report returned").hasSameSizeAs(report.results());
        for (TenantProfile tenant : generated.tenants()) {
            List<DqResult> notNull = report.find(tenant.id(), "not_null_fct_sales_by_day_tenant_id");
            assertThat(notNull).as("one not_null row for %s", tenant.id()).hasSize(1);
            assertThat(notNull.get(0).status()).as("not_null of %s", tenant.id()).isEqualTo(DqStatus.PASS);
            assertThat(notNull.get(0).model()).as("the tested relation").isEqualTo("marts.fct_sales_by_day");
            assertThat(report.find(tenant.id(), "reconcile_sales_net")).as("net reconciliation of %s", tenant.id())
                    .singleElement().satisfies(r -> {
                        assertThat(r.status()).as("status").isEqualTo(DqStatus.PASS);
                        assertThat(r.observedValue()).as("largest difference").isEqualByComparingTo("0");
                        assertThat(r.threshold()).as("tolerance").isEqualByComparingTo("0.00");
                        assertThat(r.severity()).as("severity").isEqualTo("error");
                    });
            for (String check : List.of("reconcile_sales_gross", "reconcile_sales_orders",
                    "reconcile_expenses_amount")) {
                assertThat(report.find(tenant.id(), check)).as("%s of %s", check, tenant.id())
                        .extracting(DqResult::status).containsExactly(DqStatus.PASS);
            }
        }
        assertThat(report.results()).as("every row carries the run id")
                .allSatisfy(r -> assertThat(r.runId()).isEqualTo(build.invocationId()));
        assertThat(report.count(DqStatus.FAIL)).as("failures on clean generated data: %s",
                report.results().stream().filter(r -> r.status() == DqStatus.FAIL).toList()).isZero();
    }

    @Test
    void aWarnSeverityTestWarnsEachTenantWithItsOwnFailingRows() {
        List<List<Object>> expected = fixture.rows("SELECT tenant_id, count(*) FROM marts.fct_sales_by_day "
                + "WHERE currency NOT IN (SELECT currency FROM seeds.fx_rates) GROUP BY 1 ORDER BY 1");
        assertThat(expected).as("the generator seeds unknown currency codes").isNotEmpty();
        for (TenantProfile tenant : generated.tenants()) {
            long failing = expected.stream().filter(row -> row.get(0).equals(tenant.id()))
                    .mapToLong(row -> ((Number) row.get(1)).longValue()).sum();
            DqResult row = report.results().stream().filter(r -> tenant.id().equals(r.tenantId())
                    && r.checkName().startsWith("relationships_fct_sales_by_day_currency")).findFirst().orElseThrow();
            assertThat(row.severity()).as("declared severity").isEqualTo("warn");
            assertThat(row.observedValue()).as("failing rows of %s", tenant.id())
                    .isEqualByComparingTo(BigDecimal.valueOf(failing));
            assertThat(row.status()).as("status of %s", tenant.id())
                    .isEqualTo(failing > 0 ? DqStatus.WARN : DqStatus.PASS);
        }
    }

    @Test
    void reconciliationFailsForTheTenantWhoseMartDriftedByOneCent() {
        String tenant = generated.tenants().get(1).id();
        Object day = fixture.rows("SELECT min(sales_date) FROM marts.fct_sales_by_day WHERE tenant_id = '" + tenant
                + "'").get(0).get(0);
        String where = " WHERE tenant_id = '" + tenant + "' AND sales_date = DATE '" + day + "' AND source_system = "
                + "'shopify'";
        fixture.exec("UPDATE marts.fct_sales_by_day SET net = net + 0.01" + where);
        try {
            RunResult checks = fixture.run(false, "tag:quality");
            DataQualityReport drifted = dataQuality(LAST_LOAD).evaluate(engine, checks, checks.invocationId());
            assertThat(drifted.find(tenant, "reconcile_sales_net")).as("net of %s after the edit", tenant)
                    .singleElement().satisfies(r -> {
                        assertThat(r.status()).as("status").isEqualTo(DqStatus.FAIL);
                        assertThat(r.observedValue()).as("difference").isEqualByComparingTo("0.01");
                        assertThat(r.details()).as("details name the day").contains("1 of ").contains(day.toString());
                    });
            assertThat(drifted.find(tenant, "reconcile_sales_gross")).as("gross was not edited")
                    .extracting(DqResult::status).containsExactly(DqStatus.PASS);
            assertThat(drifted.find(generated.tenants().get(0).id(), "reconcile_sales_net"))
                    .as("another tenant").extracting(DqResult::status).containsExactly(DqStatus.PASS);
        }
        finally {
            fixture.exec("UPDATE marts.fct_sales_by_day SET net = net - 0.01" + where);
            fixture.run(false, "tag:quality");
        }
    }

    @Test
    void sourceFreshnessIsPerTenantAndStreamAgainstTheSourceRule() {
        String tenant = generated.tenants().get(0).id();
        DqResult fresh = freshness(dataQuality(LAST_LOAD.plus(Duration.ofHours(1))), tenant);
        assertThat(fresh.status()).as("1 h after the last load").isEqualTo(DqStatus.PASS);
        assertThat(fresh.observedValue()).as("age in hours").isEqualByComparingTo("1");
        assertThat(fresh.threshold()).as("warn_after").isEqualByComparingTo("24");
        DqResult late = freshness(dataQuality(LAST_LOAD.plus(Duration.ofHours(30))), tenant);
        assertThat(late.status()).as("30 h after: beyond warn_after").isEqualTo(DqStatus.WARN);
        assertThat(late.observedValue()).as("age in hours").isEqualByComparingTo("30");
        DqResult stale = freshness(dataQuality(LAST_LOAD.plus(Duration.ofHours(80))), tenant);
        assertThat(stale.status()).as("80 h after: beyond error_after").isEqualTo(DqStatus.FAIL);
        assertThat(stale.threshold()).as("error_after").isEqualByComparingTo("72");
        List<DqResult> rows = report.results().stream().filter(r -> r.checkName().equals("source_freshness")).toList();
        assertThat(rows).as("one row per tenant and landed stream")
                .hasSize(((Number) fixture.rows("SELECT count(DISTINCT (tenant_id, source_system, stream)) "
                        + "FROM ops.dq_stream_loads").get(0).get(0)).intValue());
    }

    @Test
    void lateArrivingRecordsAreLoggedPerTenantStreamAndRecord() {
        List<List<Object>> late = fixture.rows("SELECT tenant_id, stream, source_record_id, days_late, "
                + "source_updated_at < watermark_before AND source_updated_at < ingested_at - INTERVAL 2 DAY "
                + "FROM ops.late_arriving_records "
                + "WHERE source_system = 'shopify' AND stream = 'orders'");
        assertThat(late).as("generator late records of shopify orders caught").isNotEmpty();
        assertThat(late).as("each logged version is 2+ days older than its load and behind its stream's earlier loads")
                .allSatisfy(row -> assertThat(row.get(4)).isEqualTo(true));
        for (TenantProfile tenant : generated.tenants()) {
            long logged = late.stream().filter(row -> row.get(0).equals(tenant.id())).count();
            long seeded = TruthFiles.read(fixture.truthDir(), tenant.id()).path("defects").path("shopify/orders")
                    .path("late_records").asLong();
            assertThat(logged).as("late shopify orders logged for %s, at most the %d seeded", tenant.id(), seeded)
                    .isBetween(0L, seeded);
        }
        assertThat(fixture.rows("SELECT count(*) FROM ops.late_arriving_records l JOIN ops.dq_stream_loads s "
                + "USING (tenant_id, source_system, stream, load_id) WHERE s.loaded_at = TIMESTAMPTZ '"
                + LOADED[0] + "'")).as("nothing in a stream's first load is late").containsExactly(List.of(0L));
    }

    @Test
    void crmColumnsAddedFromTheThirdFileShowUpAsSchemaDrift() {
        List<List<Object>> changes = fixture.rows("SELECT DISTINCT tenant_id, source_system || '__' || stream, "
                + "change_type, load_seq FROM ops.schema_changes ORDER BY ALL");
        List<String> crmTenants = generated.tenants().stream().filter(t -> t.sources().contains("crm"))
                .map(TenantProfile::id).toList();
        assertThat(crmTenants).as("tenants with a CRM").isNotEmpty();
        for (String tenant : crmTenants) {
            assertThat(changes).as("schema changes of %s", tenant).contains(List.of(tenant, "crm__customers",
                    "added", 3L));
            DqResult drift = report.results().stream().filter(r -> tenant.equals(r.tenantId())
                    && r.checkName().equals("schema_drift") && r.model().equals("raw.crm__customers"))
                    .findFirst().orElseThrow();
            assertThat(drift.status()).as("drift check of %s", tenant).isEqualTo(DqStatus.WARN);
            assertThat(drift.details()).as("drift details of %s", tenant).startsWith("added ");
        }
        assertThat(changes).as("only the CRM files drift").allSatisfy(row -> assertThat(row.get(1))
                .isEqualTo("crm__customers"));
    }

    private DataQuality dataQuality(Instant now) {
        return new DataQuality(fixture.warehouse, Clock.fixed(now, ZoneOffset.UTC));
    }

    private DqResult freshness(DataQuality quality, String tenant) {
        return quality.evaluate(engine, build, "freshness-probe").results().stream()
                .filter(r -> tenant.equals(r.tenantId()) && r.checkName().equals("source_freshness")
                        && r.model().equals("raw.shopify__orders"))
                .findFirst().orElseThrow();
    }
}
