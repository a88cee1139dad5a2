package io.cairn.connectors.quickbooks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.datagen.mock.Fault;
import io.cairn.datagen.mock.QuickBooksMockServer;
import io.cairn.connectors.testing.SyncFixture;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.sync.SourceFactories;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.spi.source.Checkpoint;
import io.cairn.spi.source.CredentialStore;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults and a crash mid-stream, then a resumed sync, land exactly what one clean sync lands. */
class QuickBooksResumeTest {
    private static final Instant BASE = Instant.parse("2024-03-01T12:00:00Z");
    private static final List<String> STREAMS = List.of("invoices", "customers", "payments");

    @TempDir
    Path dir;

    private static QuickBooksMockServer server() {
        QuickBooksMockServer server = FixtureCompany.server();
        FixtureCompany.load(server);
        server.put("Invoice", FixtureCompany.invoices(9, i -> BASE.plusSeconds(i <= 5 ? 10 : i * 10L)));
        return server;
    }

    private static List<StreamSyncReport> sync(SyncFixture fixture, SourceDefinition source, CredentialStore store,
            SyncListener listener) {
        QuickBooksSourceFactory factory = new QuickBooksSourceFactory();
        try (Source opened = factory.open(SourceFactories.config(source, factory), new SourceContext(store))) {
            return fixture.runner(1, listener).sync(source, opened, STREAMS);
        }
    }

    private List<String> clean() throws Exception {
        try (QuickBooksMockServer server = server(); SyncFixture fixture = new SyncFixture(dir.resolve("clean"))) {
            SourceDefinition source = fixture.addSource("acme", "books", "quickbooks",
                    FixtureCompany.options(server, 2));
            assertThat(sync(fixture, source, CredentialStore.inMemory(), SyncListener.NONE))
                    .allSatisfy(report -> assertThat(report.error()).isNull());
            return fixture.rawContents();
        }
    }

    @Test
    void faultsAndACrashAfterPageThreeThenResumeLandExactlyTheCleanSync() throws Exception {
        List<String> expected = clean();
        try (QuickBooksMockServer server = server(); SyncFixture fixture = new SyncFixture(dir.resolve("faulty"))) {
            server.http().inject("Invoice", Fault.tooManyRequests(Duration.ofMillis(10)));
            server.http().inject("Invoice", Fault.reset());
            server.http().inject("Invoice", Fault.truncated());
            server.http().inject("Customer", Fault.serverError());
            server.http().inject("cdc", Fault.status(502, "bad gateway"));
            server.http().afterRequest(n -> {
                if (n == 7) {
                    server.expireAccessTokens();
                }
            });
            SourceDefinition source = fixture.addSource("acme", "books", "quickbooks",
                    FixtureCompany.options(server, 2));
            CredentialStore store = CredentialStore.inMemory();
            AtomicInteger landed = new AtomicInteger();
            SyncListener crash = new SyncListener() {
                @Override
                public void afterLanded(String stream, String loadId) {
                    if (landed.incrementAndGet() == 3) {
                        throw new IllegalStateException("simulated crash");
                    }
                }

                @Override
                public void afterCheckpointSaved(String stream, Checkpoint checkpoint) {}
            };

            assertThatThrownBy(() -> sync(fixture, source, store, crash)).hasMessage("simulated crash");
            List<StreamSyncReport> resumed = sync(fixture, source, store, SyncListener.NONE);

            assertThat(resumed).allSatisfy(report -> assertThat(report.error()).as(report.stream()).isNull());
            assertThat(fixture.rawContents()).isEqualTo(expected);
            assertThat(store.get(io.cairn.spi.TenantId.of("acme"), "books", QuickBooksAuth.REFRESH_TOKEN))
                    .contains(server.currentRefreshToken());
        }
    }
}
