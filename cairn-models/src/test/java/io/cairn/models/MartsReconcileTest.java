package io.cairn.models;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.model.NodeResult;
import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.RunResult;
import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.TenantProfile;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated tenants (duplicates, updates, late records, malformed lines) built into marts equal to the truth. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MartsReconcileTest {
    private ModelsFixture fixture;
    private GenerationSummary generated;
    private RunResult build;

    @BeforeAll
    void generateLandAndBuild(@TempDir Path dir) {
        fixture = new ModelsFixture(dir);
        generated = fixture.generateAndLand(3, 12, 7, LocalDate.of(2024, 3, 1));
        build = fixture.build(false);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyModelAndTestOfThePackageSucceeds() {
        List<String> failed = build.results().stream()
                .filter(r -> r.status() == NodeStatus.ERROR || r.status() == NodeStatus.FAIL
                        || r.status() == NodeStatus.SKIPPED)
                .map(r -> r.name() + " " + r.status() + ": " + r.message())
                .collect(Collectors.toList());
        assertThat(failed).as("nodes that did not succeed").isEmpty();
        assertThat(build.results()).extracting(NodeResult::name).contains("fct_sales_by_day",
                "fct_expenses_by_month");
    }

    @Test
    void salesByDayEqualsTheGroundTruthOfEveryTenant() {
        for (TenantProfile tenant : generated.tenants()) {
            JsonNode truth = TruthFiles.read(fixture.truthDir(), tenant.id());
            List<String> expected = TruthFiles.salesByDay(truth);
            assertThat(expected).as("truth rows of %s", tenant.id()).isNotEmpty();
            assertThat(TruthFiles.martSales(fixture, tenant.id())).as("fct_sales_by_day of %s", tenant.id())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void expensesByMonthEqualsTheGroundTruthOfEveryTenant() {
        for (TenantProfile tenant : generated.tenants()) {
            JsonNode truth = TruthFiles.read(fixture.truthDir(), tenant.id());
            List<String> expected = TruthFiles.expensesByMonth(truth);
            assertThat(expected).as("truth rows of %s", tenant.id()).isNotEmpty();
            assertThat(TruthFiles.martExpenses(fixture, tenant.id())).as("fct_expenses_by_month of %s", tenant.id())
                    .containsExactlyElementsOf(expected);
        }
    }
}
