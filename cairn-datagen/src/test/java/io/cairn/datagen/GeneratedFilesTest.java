package io.cairn.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.datagen.TestHelper.Parsed;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the truth files' counts against what an independent reader finds in the generated files. */
class GeneratedFilesTest {
    private static final GeneratorOptions OPTIONS = TestData.OPTIONS;
    private static final GenerationSummary summary = TestData.summary();

    private static JsonNode truth(String tenant) {
        return TestData.truth(tenant);
    }

    private static Path streamDir(String tenant, String stream) {
        return TestData.streamDir(tenant, stream);
    }

    @Test
    void tenantsDifferInIdSizeZoneCurrencyAndSources() {
        assertThat(summary.tenants()).extracting(TenantProfile::id).containsExactly("acme", "globex", "initech");
        assertThat(summary.tenants()).allSatisfy(t -> assertThat(t.id()).matches("^[a-z][a-z0-9_]{1,62}$"));
        assertThat(summary.tenants()).extracting(TenantProfile::currency).doesNotHaveDuplicates();
        assertThat(summary.tenants()).extracting(TenantProfile::timezone).doesNotHaveDuplicates();
        long big = truth("acme").at("/streams/shopify~1orders/distinct_ids").asLong();
        long small = truth("globex").at("/streams/shopify~1orders/distinct_ids").asLong();
        assertThat(big).as("the first tenant is about ten times the others").isBetween(7 * small, 14 * small);
        assertThat(big / OPTIONS.days()).as("orders per day of the large tenant").isBetween(300L, 500L);
    }

    @Test
    void everyStreamFolderHoldsNumberedFilesAndAnEmptySuccessMarkerWrittenLast() throws IOException {
        for (TenantProfile tenant : summary.tenants()) {
            Iterator<Map.Entry<String, JsonNode>> streams = truth(tenant.id()).get("streams").fields();
            while (streams.hasNext()) {
                var e = streams.next();
                Path dir = streamDir(tenant.id(), e.getKey());
                Path success = dir.resolve("_SUCCESS");
                assertThat(success).exists().isEmptyFile();
                List<Path> files = TestHelper.dataFiles(dir);
                assertThat(files).hasSize(e.getValue().get("files").asInt());
                String stream = e.getKey().substring(e.getKey().indexOf('/') + 1);
                for (int i = 0; i < files.size(); i++) {
                    assertThat(files.get(i).getFileName().toString())
                            .isEqualTo(String.format("%s-%03d.%s", stream, i + 1, e.getValue().get("format").asText()));
                    assertThat(Files.getLastModifiedTime(files.get(i)))
                            .isLessThanOrEqualTo(Files.getLastModifiedTime(success));
                }
            }
        }
    }

    @Test
    void transactionalStreamsGetOneFilePerWeek() {
        assertThat(TestHelper.dataFiles(streamDir("acme", "shopify/orders"))).hasSize(3);
        assertThat(TestHelper.dataFiles(streamDir("acme", "inventory/snapshots"))).hasSize(3);
        assertThat(TestHelper.dataFiles(streamDir("acme", "shopify/products"))).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void truthCountsMatchWhatAnIndependentReaderFinds() {
        long records = 0;
        for (TenantProfile tenant : summary.tenants()) {
            Iterator<Map.Entry<String, JsonNode>> streams = truth(tenant.id()).get("streams").fields();
            while (streams.hasNext()) {
                var e = streams.next();
                JsonNode expected = e.getValue();
                List<Parsed> parsed = TestHelper.read(streamDir(tenant.id(), e.getKey()), TestHelper.idFields(expected));
                Set<List<Object>> versions = new HashSet<>();
                Set<String> ids = new HashSet<>();
                long dead = 0;
                long good = 0;
                for (Parsed p : parsed) {
                    if (p.dead()) {
                        dead++;
                    } else {
                        good++;
                        versions.add(List.of(p.id(), p.content()));
                        ids.add(p.id());
                    }
                }
                String what = tenant.id() + " " + e.getKey();
                assertThat(parsed).as(what + " records_written").hasSize(expected.get("records_written").asInt());
                assertThat(dead).as(what + " dead letters").isEqualTo(expected.get("expected_dead_letter").asLong());
                assertThat(good - versions.size()).as(what + " duplicates")
                        .isEqualTo(expected.get("expected_duplicates").asLong());
                assertThat((long) versions.size()).as(what + " landed").isEqualTo(expected.get("expected_landed").asLong());
                assertThat((long) ids.size()).as(what + " distinct ids").isEqualTo(expected.get("distinct_ids").asLong());
                records += parsed.size();
            }
        }
        assertThat(summary.recordsWritten()).isEqualTo(records);
    }

    @Test
    void unknownCurrenciesAreCountedPerLandedVersion() {
        JsonNode expected = truth("acme").at("/streams/shopify~1orders");
        List<Parsed> parsed = TestHelper.read(streamDir("acme", "shopify/orders"), List.of("id"));
        Set<JsonNode> unknown = new HashSet<>();
        for (Parsed p : parsed) {
            if (!p.dead() && !Set.of("USD").contains(((JsonNode) p.content()).get("currency").asText())) {
                unknown.add((JsonNode) p.content());
            }
        }
        assertThat(unknown).isNotEmpty();
        assertThat((long) unknown.size()).isEqualTo(expected.get("expected_warn").asLong());
    }

    @Test
    void defectsAreSeededAtTheAdvertisedRates() {
        JsonNode defects = truth("acme").at("/defects/shopify~1orders");
        double n = truth("acme").at("/streams/shopify~1orders/distinct_ids").asDouble();
        assertThat(defects.get("exact_duplicates").asDouble() / n).isBetween(0.005, 0.015);
        assertThat(defects.get("updated_versions").asDouble() / n).isBetween(0.015, 0.04);
        assertThat(defects.get("late_records").asDouble() / n).isBetween(0.01, 0.03);
        assertThat(defects.get("malformed_lines").asDouble() / n).isBetween(0.002, 0.009);
        assertThat(defects.get("missing_id").asDouble() / n).isBetween(0.001, 0.006);
        assertThat(defects.get("unknown_currency").asDouble() / n).isBetween(0.002, 0.009);
    }

    @Test
    void malformedLinesAreBrokenJsonAndOverlongCsvRows() {
        List<Parsed> orders = TestHelper.read(streamDir("acme", "shopify/orders"), List.of("id"));
        assertThat(orders).filteredOn(p -> p.dead() && p.content() == null).isNotEmpty()
                .allSatisfy(p -> assertThat(p.raw()).as("a truncated object").startsWith("{"));
        List<Parsed> crm = TestHelper.read(streamDir("acme", "crm/customers"), List.of("customer_id"));
        assertThat(crm).filteredOn(p -> p.dead() && p.content() == null).isNotEmpty();
        assertThat(crm).filteredOn(p -> p.dead() && p.content() != null).isNotEmpty();
    }

    @Test
    void crmColumnsAppearUnannouncedFromTheThirdFile() {
        List<Path> files = TestHelper.dataFiles(streamDir("acme", "crm/customers"));
        String first = TestHelper.lines(files.get(0)).get(0);
        String third = TestHelper.lines(files.get(2)).get(0);
        assertThat(first).doesNotContain("loyalty_tier");
        assertThat(third).startsWith(first + ",").contains("loyalty_tier");
    }

    @Test
    void lateRecordsAppearOnlyInAFileAfterTheOneCoveringTheirCreationDay() {
        long late = 0;
        Set<String> seen = new HashSet<>();
        for (Parsed p : TestHelper.read(streamDir("acme", "shopify/orders"), List.of("id"))) {
            if (p.dead() || !seen.add(p.raw())) {
                continue;
            }
            JsonNode order = (JsonNode) p.content();
            LocalDate created = java.time.OffsetDateTime.parse(order.get("created_at").asText())
                    .atZoneSameInstant(java.time.ZoneId.of("America/New_York")).toLocalDate();
            int chunk = (int) java.time.temporal.ChronoUnit.DAYS.between(OPTIONS.startDate(), created) / 7;
            if (chunk < p.file() && order.get("created_at").equals(order.get("updated_at"))) {
                late++;
            }
        }
        assertThat(late).isPositive().isEqualTo(truth("acme").at("/defects/shopify~1orders/late_records").asLong());
    }
}
