package io.cairn.core.landing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.Generator;
import io.cairn.datagen.GeneratorOptions;
import io.cairn.datagen.TenantProfile;
import io.cairn.spi.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated tenants, seeded with every kind of defect, land exactly as the generator's ground truth says. */
class GeneratedTenantsReconcileTest {
    @TempDir
    Path dir;

    @Test
    void everyStreamReconcilesWithTheGroundTruth() throws Exception {
        try (LandingFixture fixture = new LandingFixture(dir)) {
            Path truthDir = dir.resolve("truth");
            GenerationSummary generated = new Generator(new GeneratorOptions(2, 10, 7, LocalDate.of(2024, 3, 1)))
                    .generate(fixture.rawZone.root().resolve("inbox"), truthDir);
            List<SourceDefinition> sources = new ArrayList<>();
            for (TenantProfile tenant : generated.tenants()) {
                tenant.sources().forEach(source -> sources.add(fixture.addFileSource(tenant.id(), source)));
            }

            SyncReport report = fixture.service(LandingListener.NONE).sync(sources);

            assertThat(report.hasFailures()).isFalse();
            Map<String, SyncReport.StreamTotals> totals = report.totals();
            int streamsChecked = 0;
            for (TenantProfile tenant : generated.tenants()) {
                JsonNode truth = new ObjectMapper().readTree(truthDir.resolve(tenant.id() + ".json").toFile());
                for (Iterator<Map.Entry<String, JsonNode>> it = truth.path("streams").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> stream = it.next();
                    String[] parts = stream.getKey().split("/");
                    JsonNode expected = stream.getValue();
                    SyncReport.StreamTotals landed = totals.get(tenant.id() + "/" + stream.getKey());
                    RawInventory.Counts counts = RawInventory.count(fixture.warehouse, TenantId.of(tenant.id()),
                            parts[0], parts[1]);
                    String where = tenant.id() + "/" + stream.getKey();
                    assertThat(landed.read()).as("records read, %s", where)
                            .isEqualTo(expected.path("records_written").asLong());
                    assertThat(counts.rows()).as("raw rows, %s", where)
                            .isEqualTo(expected.path("expected_landed").asLong());
                    assertThat(landed.duplicates()).as("duplicates, %s", where)
                            .isEqualTo(expected.path("expected_duplicates").asLong());
                    assertThat(counts.deadLetters()).as("dead letters, %s", where)
                            .isEqualTo(expected.path("expected_dead_letter").asLong());
                    assertThat(landed.warned()).as("warned rows, %s", where)
                            .isEqualTo(expected.path("expected_warn").asLong());
                    assertThat(fixture.query("SELECT count(DISTINCT source_record_id) FROM raw."
                            + parts[0] + "__" + parts[1] + " WHERE tenant_id = '" + tenant.id() + "'"))
                            .as("distinct ids, %s", where)
                            .containsExactly(expected.path("distinct_ids").asText());
                    streamsChecked++;
                }
            }
            assertThat(streamsChecked).isGreaterThanOrEqualTo(2 * 14);
        }
    }
}
