package io.cairn.connectors.quickbooks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.datagen.mock.Fault;
import io.cairn.datagen.mock.QuickBooksMockServer;
import io.cairn.connectors.testing.SyncFixture;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.CredentialStore;
import io.cairn.spi.source.SourceContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The QuickBooks sandbox fixture, served by the mock company, lands value by value and survives its faults. */
class QuickBooksSyncTest {
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;

    private static List<StreamSyncReport> sync(SyncFixture fixture, SourceDefinition source, CredentialStore store,
            List<String> streams) {
        QuickBooksSourceFactory factory = new QuickBooksSourceFactory();
        try (var opened = factory.open(io.cairn.core.sync.SourceFactories.config(source, factory),
                new SourceContext(store))) {
            return fixture.runner(1, SyncListener.NONE).sync(source, opened, streams);
        }
    }

    @Test
    void fixtureCompanyLandsValueByValue() throws Exception {
        try (QuickBooksMockServer server = FixtureCompany.server(); SyncFixture fixture = new SyncFixture(dir)) {
            FixtureCompany.load(server);
            server.put("Customer", FixtureCompany.records().get("Customer").stream()
                    .map(customer -> customer.path("Id").asText().equals("3") ? customer.put("Active", false)
                            : customer).toList());
            server.delete("Invoice", "130", Instant.now().minus(1, ChronoUnit.DAYS).toString());
            SourceDefinition source = fixture.addSource("acme", "books", "quickbooks",
                    FixtureCompany.options(server, 1000));

            List<StreamSyncReport> reports = fixture.sync(source, new QuickBooksSourceFactory(),
                    SourceContext.inMemory(), 20, SyncListener.NONE);

            assertThat(reports).hasSize(14).allSatisfy(report -> assertThat(report.error()).as(report.stream())
                    .isNull());
            assertThat(fixture.query("SELECT source_record_id, payload->>'TotalAmt', json_array_length(payload->'Line'), "
                    + "payload->'CurrencyRef'->>'value', is_deleted, dq_status FROM raw.quickbooks__invoices "
                    + "WHERE NOT is_deleted ORDER BY source_updated_at"))
                    .containsExactly("119|314.28|3|USD|false|ok", "12|2369.52|5|USD|false|ok", "96|387.0|3|USD|false|ok",
                            "129|477.5|6|USD|false|ok");
            try (var files = java.nio.file.Files.walk(fixture.rawZone.root().resolve("raw/acme/books/invoices"))) {
                String raw = java.nio.file.Files.readString(files.filter(f -> f.toString().endsWith(".jsonl"))
                        .findFirst().orElseThrow());
                assertThat(raw).as("the raw file keeps amounts digit for digit").contains(
                        "\"TotalAmt\":387.0,", "\"Amount\":1750.0,", "\"TotalTax\":175.52,");
            }
            assertThat(fixture.query("SELECT source_record_id, payload->>'status' FROM raw.quickbooks__invoices "
                    + "WHERE is_deleted")).as("CDC's deleted invoice lands as a tombstone").containsExactly("130|Deleted");
            assertThat(fixture.query("SELECT source_record_id, payload->>'DisplayName', payload->>'Active' "
                    + "FROM raw.quickbooks__customers WHERE source_record_id IN ('3', '17') ORDER BY 1"))
                    .as("inactive name-list records are read too").containsExactly("17|Mark Cho|true",
                            "3|Cool Cars|false");
            assertThat(fixture.query("SELECT stream, count(*) FROM (SELECT stream FROM raw.quickbooks__accounts UNION ALL "
                    + "SELECT stream FROM raw.quickbooks__journal_entries UNION ALL SELECT stream FROM "
                    + "raw.quickbooks__deposits) GROUP BY 1 ORDER BY 1"))
                    .containsExactly("accounts|5", "deposits|5", "journal_entries|3");
        }
    }

    @Test
    void paginationWithTiesThrottlingAndATokenExpiringMidSyncLandsEverything() throws Exception {
        Instant base = Instant.parse("2024-03-01T12:00:00Z");
        try (QuickBooksMockServer server = FixtureCompany.server(); SyncFixture fixture = new SyncFixture(dir)) {
            server.put("Invoice", FixtureCompany.invoices(9, i -> base.plusSeconds(i <= 6 ? 10 : i * 10L)));
            server.http().inject("/query", Fault.tooManyRequests(Duration.ofMillis(20)));
            server.http().inject("/query", Fault.serverError());
            server.http().afterRequest(n -> {
                if (n == 5) {
                    server.expireAccessTokens();
                }
            });
            SourceDefinition source = fixture.addSource("acme", "books", "quickbooks",
                    FixtureCompany.options(server, 2));
            CredentialStore store = CredentialStore.inMemory();

            List<StreamSyncReport> reports = sync(fixture, source, store, List.of("invoices"));

            assertThat(reports.get(0).error()).isNull();
            assertThat(fixture.query("SELECT source_record_id FROM raw.quickbooks__invoices ORDER BY 1::INT"))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
            assertThat(server.refreshCount()).as("one refresh at the start, one after the 401").isEqualTo(2);
            assertThat(store.get(ACME, "books", QuickBooksAuth.REFRESH_TOKEN)).contains(server.currentRefreshToken());

            server.http().clearRequests();
            List<StreamSyncReport> second = sync(fixture, source, store, List.of("invoices"));

            assertThat(second.get(0).rowsLanded()).isZero();
            assertThat(server.http().requests()).extracting(request -> request.replaceAll("\\?.*", ""))
                    .as("a new connection refreshes with the stored token, then reads the 60 s overlap (invoices 7, "
                            + "8, 9: two pages of two) and calls CDC once")
                    .containsExactly("POST /oauth2/v1/tokens/bearer", "GET /v3/company/9130355/query",
                            "GET /v3/company/9130355/query", "GET /v3/company/9130355/cdc");
            assertThat(server.http().requests().get(1)).contains("LastUpdatedTime%20%3E%3D%20%272024-03-01T12%3A00%3A30%2B00%3A00%27");
        }
    }

    @Test
    void rotatedRefreshTokenIsStoredBeforeTheAccessTokenIsUsed() throws Exception {
        try (QuickBooksMockServer server = FixtureCompany.server(); SyncFixture fixture = new SyncFixture(dir)) {
            FixtureCompany.load(server);
            SourceDefinition source = fixture.addSource("acme", "books", "quickbooks",
                    FixtureCompany.options(server, 1000));
            CredentialStore memory = CredentialStore.inMemory();
            AtomicInteger apiCallsWhenStored = new AtomicInteger(-1);
            CredentialStore failing = new CredentialStore() {
                @Override
                public java.util.Optional<String> get(TenantId tenant, String name, String key) {
                    return memory.get(tenant, name, key);
                }

                @Override
                public boolean compareAndSet(TenantId tenant, String name, String key, String expected, String value) {
                    apiCallsWhenStored.set(server.http().requests().size());
                    throw new IllegalStateException("credential store unavailable");
                }
            };

            try {
                sync(fixture, source, failing, List.of("invoices"));
            }
            catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("credential store unavailable");
            }

            assertThat(apiCallsWhenStored.get()).as("stored right after the token call").isEqualTo(1);
            assertThat(server.http().requests()).as("no API call with a token whose refresh token is not stored")
                    .containsExactly("POST /oauth2/v1/tokens/bearer");
        }
    }

    @Test
    void invalidGrantMarksReauthorisationAndIsNotRetried() throws Exception {
        try (QuickBooksMockServer server = FixtureCompany.server(); SyncFixture fixture = new SyncFixture(dir)) {
            FixtureCompany.load(server);
            server.revokeRefreshToken();
            SourceDefinition source = fixture.addSource("acme", "books", "quickbooks",
                    FixtureCompany.options(server, 1000));
            CredentialStore store = CredentialStore.inMemory();

            List<StreamSyncReport> reports = sync(fixture, source, store, List.of("invoices", "payments"));

            assertThat(reports).as("both streams start at once (parallel_streams 3), and both are refused")
                    .isNotEmpty().allSatisfy(report -> {
                        assertThat(report.needsReauthorisation()).isTrue();
                        assertThat(report.error()).contains("invalid_grant", "tenant acme source books");
                    });
            assertThat(server.http().requests()).as("the refusal is remembered, not asked again")
                    .containsExactly("POST /oauth2/v1/tokens/bearer");
            assertThat(store.get(ACME, "books", QuickBooksAuth.NEEDS_REAUTHORISATION)).isPresent();
        }
    }

    @Test
    void faultInsideA200BodyIsAnErrorAndSavesNoCheckpoint() throws Exception {
        try (QuickBooksMockServer server = FixtureCompany.server(); SyncFixture fixture = new SyncFixture(dir)) {
            FixtureCompany.load(server);
            server.http().inject("Invoice", Fault.status(200, QuickBooksMockServer.fault("ValidationFault", "4001",
                    "Invalid query")));
            SourceDefinition source = fixture.addSource("acme", "books", "quickbooks",
                    FixtureCompany.options(server, 1000));

            List<StreamSyncReport> reports = sync(fixture, source, CredentialStore.inMemory(),
                    List.of("invoices", "payments"));

            assertThat(reports.get(0).error()).contains("QuickBooks fault ValidationFault code 4001: Invalid query");
            assertThat(reports.get(0).checkpoint()).isNull();
            assertThat(fixture.controlPlane.state().get(ACME, "books", "invoices")).isEmpty();
            assertThat(reports.get(1).error()).as("the next stream still syncs").isNull();
            assertThat(reports.get(1).rowsLanded()).isEqualTo(5);
        }
    }
}
