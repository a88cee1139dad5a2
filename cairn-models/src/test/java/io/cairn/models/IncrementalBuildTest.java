package io.cairn.models;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.RunResult;
import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.TenantProfile;

import static org.assertj.core.api.Assertions.assertThat;

/** Incremental fact builds after new, updated and late-arriving records equal a full refresh and the truth. */
class IncrementalBuildTest {
    private static final String SALES = "SELECT tenant_id, sales_date, source_system, channel, currency, orders, units, "
            + "gross, discounts, taxes, refunds, net, reporting_currency, net_reporting FROM marts.fct_sales_by_day "
            + "ORDER BY ALL";
    private static final String EXPENSES = "SELECT tenant_id, expense_month, account_name, amount, expense_lines "
            + "FROM marts.fct_expenses_by_month ORDER BY ALL";

    private static final String[] FACTS = {"+fct_sales_by_day", "+fct_expenses_by_month"};

    @Test
    void incrementalBuildAfterNewAndLateDataEqualsAFullRefresh(@TempDir Path dir) {
        try (ModelsFixture fixture = new ModelsFixture(dir)) {
            GenerationSummary generated = fixture.generateOnly(2, 12, 11, LocalDate.of(2024, 10, 20));
            // First week only: files -001 of every stream.
            fixture.dropGenerated(name -> name.contains("-001."));
            fixture.land(fixture.sources(generated));
            assertSucceeded(fixture.run(false, FACTS));
            List<List<Object>> firstWeek = fixture.rows(SALES);
            assertThat(firstWeek).as("sales after the first week").isNotEmpty();

            // The rest: new days, later versions (cancellations, edits) and records late for days already built.
            fixture.dropGenerated(name -> !name.contains("-001."));
            fixture.land(fixture.sources(generated));
            RunResult incremental = fixture.run(false, FACTS);
            assertSucceeded(incremental);
            for (String fact : List.of("fct_sales_by_day", "fct_expenses_by_month")) {
                assertThat(incremental.result(fact).orElseThrow().compiledCode()).as("%s ran incrementally", fact)
                        .contains("watermarks");
            }
            List<List<Object>> incrementalSales = fixture.rows(SALES);
            List<List<Object>> incrementalExpenses = fixture.rows(EXPENSES);
            assertThat(incrementalSales).as("the second week changed the facts").isNotEqualTo(firstWeek);
            assertSucceeded(fixture.run(false, FACTS));
            assertThat(fixture.rows(SALES)).as("an incremental build without new data changes nothing")
                    .containsExactlyElementsOf(incrementalSales);

            assertSucceeded(fixture.run(true, FACTS));
            assertThat(incrementalSales).as("fct_sales_by_day, incremental vs full refresh")
                    .containsExactlyElementsOf(fixture.rows(SALES));
            assertThat(incrementalExpenses).as("fct_expenses_by_month, incremental vs full refresh")
                    .containsExactlyElementsOf(fixture.rows(EXPENSES));
            for (TenantProfile tenant : generated.tenants()) {
                var truth = TruthFiles.read(fixture.truthDir(), tenant.id());
                assertThat(TruthFiles.martSales(fixture, tenant.id())).as("sales of %s", tenant.id())
                        .containsExactlyElementsOf(TruthFiles.salesByDay(truth));
                assertThat(TruthFiles.martExpenses(fixture, tenant.id())).as("expenses of %s", tenant.id())
                        .containsExactlyElementsOf(TruthFiles.expensesByMonth(truth));
            }
        }
    }

    static void assertSucceeded(RunResult result) {
        assertThat(result.results().stream()
                .filter(r -> r.status() != NodeStatus.SUCCESS && r.status() != NodeStatus.PASS)
                .map(r -> r.name() + " " + r.status() + ": " + r.message()).toList())
                .as("nodes that did not succeed").isEmpty();
    }
}
