package io.cairn.models;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.model.RunResult;

import static org.assertj.core.api.Assertions.assertThat;

/** A crafted tenant's Shopify orders in three loads: exact late-record and schema-drift entries and checks. */
class LateArrivalAndDriftTest {
    private static final String TENANT = "solo";
    private static final String[] MODELS = {"+dq_check_results"};

    @Test
    void lateRecordsAndFieldChangesAreLoggedPerTenantStreamAndLoad(@TempDir Path dir) {
        try (ModelsFixture fixture = new ModelsFixture(dir)) {
            fixture.registerTenant(TENANT, "UTC", "USD");
            SourceDefinition shopify = fixture.addFileSource(TENANT, "shopify");
            fixture.drop(TENANT, "shopify", "orders", "orders-1.jsonl", order(1, "2024-05-08T10:00:00Z", true, false)
                    + order(2, "2024-05-09T10:00:00Z", true, false) + order(3, "2024-05-10T12:00:00Z", true, false));
            fixture.land(List.of(shopify), Instant.parse("2024-05-11T00:00:00Z"));
            // The second load drops 'note', adds 'loyalty_tier' and brings two records the stream had passed.
            fixture.drop(TENANT, "shopify", "orders", "orders-2.jsonl", order(4, "2024-05-12T10:00:00Z", false, true)
                    + order(5, "2024-05-02T00:00:00Z", false, true) + order(6, "2024-05-09T12:00:00Z", false, true)
                    + order(7, "2024-05-10T20:00:00Z", false, true));
            fixture.land(List.of(shopify), Instant.parse("2024-05-13T00:00:00Z"));
            Map<String, Object> vars = new HashMap<>(PlatformInputs.absentStreamVars(fixture.project,
                    fixture.warehouse));
            RunResult second = fixture.run(false, vars, MODELS);
            IncrementalBuildTest.assertSucceeded(second);

            assertThat(fixture.rows("SELECT tenant_id, source_system, stream, source_record_id, days_late, "
                    + "days_behind_stream FROM ops.late_arriving_records ORDER BY source_record_id"))
                    .as("late: 2+ days older than the load and behind the stream; 4 is new, 7 is 2.2 days old but "
                            + "newer than what the stream had")
                    .containsExactly(List.of(TENANT, "shopify", "orders", "5", new BigDecimal("11.00"),
                                    new BigDecimal("8.50")),
                            List.of(TENANT, "shopify", "orders", "6", new BigDecimal("3.50"), new BigDecimal("1.00")));
            assertThat(fixture.rows("SELECT change_type, field, load_seq, records_with_field, records_in_load "
                    + "FROM ops.schema_changes WHERE tenant_id = 'solo' ORDER BY change_type"))
                    .as("fields added and vanished in the second load")
                    .containsExactly(List.of("added", "loyalty_tier", 2L, 4L, 4L), List.of("vanished", "note", 2L, 0L,
                            4L));
            DataQualityReport afterSecond = evaluate(fixture, vars, second, "2024-05-13T01:00:00Z");
            assertThat(check(afterSecond, "late_arriving_records")).as("late check after the second load")
                    .satisfies(r -> {
                        assertThat(r.status()).as("status").isEqualTo(DqStatus.WARN);
                        assertThat(r.observedValue()).as("late records").isEqualByComparingTo("2");
                        assertThat(r.threshold()).as("threshold").isEqualByComparingTo("0");
                    });
            assertThat(check(afterSecond, "schema_drift")).as("drift check after the second load").satisfies(r -> {
                assertThat(r.status()).as("status").isEqualTo(DqStatus.WARN);
                assertThat(r.details()).as("details").isEqualTo("added loyalty_tier, vanished note");
            });

            // A third load two days later with the second load's fields: the log keeps history, the checks clear.
            fixture.drop(TENANT, "shopify", "orders", "orders-3.jsonl", order(8, "2024-05-14T10:00:00Z", false, true));
            fixture.land(List.of(shopify), Instant.parse("2024-05-15T00:00:00Z"));
            RunResult third = fixture.run(false, vars, MODELS);
            IncrementalBuildTest.assertSucceeded(third);
            assertThat(fixture.rows("SELECT count(*) FROM ops.schema_changes")).as("changes logged so far")
                    .containsExactly(List.of(2L));
            assertThat(fixture.rows("SELECT count(*) FROM ops.dq_stream_loads")).as("loads profiled once each")
                    .containsExactly(List.of(3L));
            DataQualityReport afterThird = evaluate(fixture, vars, third, "2024-05-15T01:00:00Z");
            assertThat(check(afterThird, "late_arriving_records").status()).as("late check after the third load")
                    .isEqualTo(DqStatus.PASS);
            assertThat(check(afterThird, "schema_drift").status()).as("drift check after the third load")
                    .isEqualTo(DqStatus.PASS);
        }
    }

    private static DataQualityReport evaluate(ModelsFixture fixture, Map<String, Object> vars, RunResult run,
            String now) {
        return new DataQuality(fixture.warehouse, Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
                .record(fixture.engine(vars), run, run.invocationId());
    }

    private static DqResult check(DataQualityReport report, String name) {
        return report.find(TENANT, name).stream().filter(r -> r.model().equals("raw.shopify__orders")).findFirst()
                .orElseThrow();
    }

    private static String order(int id, String updatedAt, boolean note, boolean loyalty) {
        return "{\"id\": " + id + ", \"updated_at\": \"" + updatedAt + "\", \"created_at\": \"" + updatedAt
                + "\", \"currency\": \"USD\", \"total_price\": \"10.00\"" + (note ? ", \"note\": \"gift\"" : "")
                + (loyalty ? ", \"loyalty_tier\": \"gold\"" : "") + "}\n";
    }
}
