package io.cairn.connectors.quickbooks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.common.Json;
import io.cairn.connectors.testing.SyncFixture;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.sync.SourceFactories;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.datagen.mock.Fault;
import io.cairn.datagen.mock.QuickBooksMockServer;
import io.cairn.spi.CairnException;
import io.cairn.spi.source.Checkpoint;
import io.cairn.spi.source.CredentialStore;
import io.cairn.spi.source.SourceContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A QuickBooks company's 14 streams read four at a time under injected faults: the realm's concurrency limit holds
 * as the server sees it, one stream's permanent fault leaves the others to land everything, and every checkpoint is
 * saved only after its records landed.
 */
class QuickBooksParallelStreamsTest {
    private static final int PER_ENTITY = 7;
    private static final Instant BASE = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void streamsSyncInParallelWithinTheRealmLimitAndOneFailureStopsNoOther() throws Exception {
        try (QuickBooksMockServer server = FixtureCompany.server(); SyncFixture fixture = new SyncFixture(dir)) {
            QuickBooksEntities.ALL.forEach(entity -> server.put(entity.name(), records(entity)));
            server.http().latency(Duration.ofMillis(15));
            server.http().inject("Invoice", Fault.tooManyRequests(Duration.ofMillis(10)));
            server.http().inject("Payment", Fault.serverError());
            server.http().inject("Bill", Fault.reset());
            server.http().inject("Customer", Fault.truncated());
            server.http().inject("Vendor", Fault.status(200, QuickBooksMockServer.fault("ValidationFault", "4001",
                    "Invalid query")));
            Map<String, String> options = new HashMap<>(FixtureCompany.options(server, 2));
            options.put("max_concurrent", "2");
            options.put(SourceFactories.PARALLEL_STREAMS_OPTION, "4");
            SourceDefinition source = fixture.addSource("acme", "books", "quickbooks", options);
            List<String> events = Collections.synchronizedList(new ArrayList<>());

            CredentialStore credentials = CredentialStore.inMemory();

            List<StreamSyncReport> first = sync(fixture, source, credentials, recorder(events));

            assertThat(server.http().maxInFlight()).as("requests in flight at once, seen by the server: the realm's "
                    + "max_concurrent, never more").isEqualTo(2);
            assertThat(first).extracting(StreamSyncReport::stream).as("reports in the order of the streams")
                    .containsExactlyElementsOf(QuickBooksEntities.ALL.stream().map(QuickBooksEntities.Entity::stream)
                            .toList());
            assertThat(first).filteredOn(StreamSyncReport::failed).singleElement().satisfies(report -> {
                assertThat(report.stream()).isEqualTo("vendors");
                assertThat(report.error()).contains("ValidationFault code 4001");
                assertThat(report.checkpoint()).isNull();
            });
            assertThat(first).filteredOn(report -> !report.failed()).hasSize(13).allSatisfy(report -> {
                assertThat(report.rowsLanded()).as(report.stream()).isEqualTo(PER_ENTITY);
                assertThat(report.checkpoint()).as(report.stream()).isNotNull();
            });
            assertCheckpointsFollowTheirLandings(events);

            List<StreamSyncReport> resumed = sync(fixture, source, credentials, SyncListener.NONE);

            assertThat(resumed).hasSize(14).allSatisfy(report -> assertThat(report.error()).isNull());
            assertThat(resumed).allSatisfy(report -> assertThat(report.rowsLanded()).as(report.stream())
                    .isEqualTo(report.stream().equals("vendors") ? PER_ENTITY : 0));
            for (QuickBooksEntities.Entity entity : QuickBooksEntities.ALL) {
                assertThat(fixture.query("SELECT count(*), count(DISTINCT source_record_id) FROM raw.quickbooks__"
                        + entity.stream())).as(entity.stream()).containsExactly(PER_ENTITY + "|" + PER_ENTITY);
            }
        }
    }

    @Test
    void parallelStreamsMustBeAWholeNumberOfAtLeastOne() {
        try (SyncFixture fixture = new SyncFixture(dir)) {
            SourceDefinition zero = fixture.addSource("acme", "books", "quickbooks",
                    Map.of(SourceFactories.PARALLEL_STREAMS_OPTION, "0"));

            assertThat(SourceFactories.parallelStreams(fixture.addSource("acme", "other", "quickbooks", Map.of())))
                    .isEqualTo(SourceFactories.DEFAULT_PARALLEL_STREAMS);
            assertThatThrownBy(() -> SourceFactories.parallelStreams(zero)).isInstanceOf(CairnException.class)
                    .hasMessage("Cannot sync tenant acme source books: parallel_streams '0' is not a whole number of "
                            + "at least 1");
        }
    }

    private static List<StreamSyncReport> sync(SyncFixture fixture, SourceDefinition source,
            CredentialStore credentials, SyncListener listener) {
        QuickBooksSourceFactory factory = new QuickBooksSourceFactory();
        try (var opened = factory.open(SourceFactories.config(source, factory), new SourceContext(credentials))) {
            return fixture.runner(1, listener).sync(source, opened);
        }
    }

    private static List<ObjectNode> records(QuickBooksEntities.Entity entity) {
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 1; i <= PER_ENTITY; i++) {
            ObjectNode record = Json.object().put("Id", Integer.toString(i)).put("TotalAmt", i + ".50");
            if (entity.nameList()) {
                record.put("Active", true).put("DisplayName", entity.name() + " " + i);
            }
            record.putObject("MetaData").put("LastUpdatedTime",
                    BASE.plusSeconds(60L * i).atOffset(ZoneOffset.ofHours(-8)).toString());
            records.add(record);
        }
        return records;
    }

    private static SyncListener recorder(List<String> events) {
        return new SyncListener() {
            @Override
            public void afterStaged(String stream, String loadId) {
                events.add(stream + " staged");
            }

            @Override
            public void afterLanded(String stream, String loadId) {
                events.add(stream + " landed");
            }

            @Override
            public void afterCheckpointSaved(String stream, Checkpoint checkpoint) {
                events.add(stream + " saved");
            }
        };
    }

    /** Per stream, no checkpoint is saved while a file it covers is staged but not landed. */
    private static void assertCheckpointsFollowTheirLandings(List<String> events) {
        Map<String, Integer> staged = new HashMap<>();
        for (String event : events) {
            String stream = event.substring(0, event.indexOf(' '));
            if (event.endsWith("staged")) {
                staged.merge(stream, 1, Integer::sum);
            }
            else if (event.endsWith("landed")) {
                staged.merge(stream, -1, Integer::sum);
            }
            else {
                assertThat(staged.getOrDefault(stream, 0)).as("files of " + stream + " not landed when its "
                        + "checkpoint was saved").isZero();
            }
        }
        assertThat(events).as("every stream but vendors saved checkpoints").filteredOn(e -> e.endsWith("saved"))
                .extracting(e -> e.substring(0, e.indexOf(' '))).doesNotContain("vendors").hasSizeGreaterThan(13);
    }
}
