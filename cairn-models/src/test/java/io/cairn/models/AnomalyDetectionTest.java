package io.cairn.models;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.model.RunResult;
import io.cairn.datagen.GenerationSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four weeks of generated sales per tenant: weekly seasonality raises nothing; a day with 90 % fewer orders is
 * flagged for its tenant only; a new tenant with one week of history is not evaluated.
 */
class AnomalyDetectionTest {
    private static final String[] CHECKS = {"+dq_check_results"};
    private static final List<String> SALES_STREAMS = List.of("orders", "refunds", "transactions", "sales_receipts");

    @Test
    void aDayWithNinetyPercentFewerOrdersIsFlaggedButWeekdaysAndNewTenantsAreNot(@TempDir Path dir) {
        try (ModelsFixture fixture = new ModelsFixture(dir)) {
            GenerationSummary generated = fixture.generateOnly(2, 28, 3, LocalDate.of(2024, 1, 1));
            // globex: four weeks of sales; acme, a new tenant: only its last week (file -004).
            fixture.dropGeneratedFiles(file -> SALES_STREAMS.stream().anyMatch(stream -> file.getFileName()
                    .toString().startsWith(stream + "-"))
                    && (file.startsWith("globex") || file.getFileName().toString().contains("-004.")));
            fixture.land(fixture.sources(generated));
            Map<String, Object> vars = new HashMap<>(PlatformInputs.absentStreamVars(fixture.project,
                    fixture.warehouse));
            IncrementalBuildTest.assertSucceeded(fixture.run(true, vars, CHECKS));

            assertThat(fixture.rows("SELECT tenant_id, metric, sales_date, value, median_value, mad "
                    + "FROM ops.dq_sales_anomalies WHERE is_anomaly"))
                    .as("anomalies in four weeks of normal sales").isEmpty();
            assertThat(fixture.rows("SELECT tenant_id, metric, count(*) FROM ops.dq_sales_anomalies WHERE evaluated "
                    + "GROUP BY ALL ORDER BY ALL")).as("days evaluated: globex's last week (3 weeks of history before)")
                    .containsExactly(List.of("globex", "orders", 7L), List.of("globex", "revenue", 7L));
            List<List<Object>> weekdays = fixture.rows("SELECT max(avg_orders) / min(avg_orders) FROM (SELECT "
                    + "dayofweek(sales_date), avg(value) AS avg_orders FROM ops.dq_sales_anomalies "
                    + "WHERE tenant_id = 'globex' AND metric = 'orders' GROUP BY 1)");
            assertThat(((Number) weekdays.get(0).get(0)).doubleValue())
                    .as("the busiest weekday over the quietest: there is weekly seasonality to ignore")
                    .isGreaterThan(1.2);

            LocalDate last = (LocalDate) fixture.rows("SELECT max(sales_date) FROM marts.fct_sales_by_day "
                    + "WHERE tenant_id = 'globex'").get(0).get(0);
            LocalDate injected = last.minusDays(2);
            dropOrders(fixture, "globex", "order_date = DATE '" + injected + "'");
            dropOrders(fixture, "acme", "order_date = DATE '" + injected + "'");
            RunResult rebuilt = fixture.run(true, vars, CHECKS);
            IncrementalBuildTest.assertSucceeded(rebuilt);

            assertThat(fixture.rows("SELECT tenant_id, metric, sales_date FROM ops.dq_sales_anomalies "
                    + "WHERE is_anomaly ORDER BY ALL")).as("the injected day, for the tenant with history")
                    .containsExactly(List.of("globex", "orders", injected), List.of("globex", "revenue", injected));
            DataQualityReport report = new DataQuality(fixture.warehouse,
                    Clock.fixed(Instant.parse("2024-06-02T00:00:00Z"), ZoneOffset.UTC))
                    .record(fixture.engine(vars), rebuilt, rebuilt.invocationId());
            long remaining = ((Number) fixture.rows("SELECT sum(orders) FROM marts.fct_sales_by_day WHERE tenant_id "
                    + "= 'globex' AND sales_date = DATE '" + injected + "'").get(0).get(0)).longValue();
            assertThat(report.find("globex", "order_volume_anomaly")).as("globex order volume check")
                    .singleElement().satisfies(r -> {
                        assertThat(r.status()).as("severity warn").isEqualTo(DqStatus.WARN);
                        assertThat(r.observedValue()).as("orders left on the day").isEqualByComparingTo(
                                String.valueOf(remaining));
                        assertThat(r.threshold().doubleValue()).as("lower bound").isGreaterThan(remaining);
                        assertThat(r.details()).as("details").startsWith(injected.toString());
                    });
            assertThat(report.find("globex", "revenue_anomaly")).as("globex revenue check")
                    .extracting(DqResult::status).containsExactly(DqStatus.WARN);
            assertThat(report.find("acme", "order_volume_anomaly")).as("acme: one week of history")
                    .singleElement().satisfies(r -> {
                        assertThat(r.status()).as("not evaluated, so no alert").isEqualTo(DqStatus.PASS);
                        assertThat(r.details()).as("details").startsWith("not evaluated");
                    });
        }
    }

    /**
     * Deletes the raw rows of 9 in 10 of a tenant's orders matching a condition on int_orders, and the refunds of
     * those orders.
     */
    private static void dropOrders(ModelsFixture fixture, String tenant, String condition) {
        fixture.exec("CREATE OR REPLACE TABLE main.dropped AS SELECT source_system, order_id FROM ("
                + "SELECT source_system, order_id, row_number() OVER (ORDER BY order_key) AS n "
                + "FROM intermediate.int_orders WHERE tenant_id = '" + tenant + "' AND " + condition + ") "
                + "WHERE n % 10 <> 0");
        Map<String, String> tables = Map.of("shopify", "shopify__orders", "ecommerce", "ecommerce__orders",
                "pos", "pos__transactions", "quickbooks", "quickbooks__sales_receipts");
        tables.forEach((system, table) -> {
            if (!fixture.rows("SELECT 1 FROM information_schema.tables WHERE table_schema = 'raw' AND table_name = '"
                    + table + "'").isEmpty()) {
                fixture.exec("DELETE FROM raw." + table + " WHERE tenant_id = '" + tenant + "' AND source_record_id "
                        + "IN (SELECT order_id FROM main.dropped WHERE source_system = '" + system + "')");
            }
        });
        fixture.exec("DELETE FROM raw.shopify__refunds WHERE tenant_id = '" + tenant + "' AND "
                + "json_extract_string(payload, '$.order_id') IN (SELECT order_id FROM main.dropped "
                + "WHERE source_system = 'shopify')");
    }
}
