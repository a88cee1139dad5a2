package io.cairn.core.controlplane;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.config.SourceSpec;
import io.cairn.core.config.TenantSpec;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.LoadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.cairn.core.controlplane.ControlPlaneFixtures.ACME;
import static io.cairn.core.controlplane.ControlPlaneFixtures.ACME_TENANT;
import static io.cairn.core.controlplane.ControlPlaneFixtures.BETA;
import static io.cairn.core.controlplane.ControlPlaneFixtures.BETA_TENANT;
import static io.cairn.core.controlplane.ControlPlaneFixtures.KEYS;
import static io.cairn.core.controlplane.ControlPlaneFixtures.KEY_1;
import static io.cairn.core.controlplane.ControlPlaneFixtures.KEY_2;
import static io.cairn.core.controlplane.ControlPlaneFixtures.SHOPIFY;
import static io.cairn.core.controlplane.ControlPlaneFixtures.SHOPIFY_STORED;
import static io.cairn.core.controlplane.ControlPlaneFixtures.T0;
import static io.cairn.core.controlplane.ControlPlaneFixtures.moving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Every behaviour of the control plane, run against each database it supports. */
abstract class ControlPlaneContractTest {
    private final MutableClock clock = new MutableClock(T0.plusSeconds(3600));
    ControlPlaneSettings settings;
    ControlPlane controlPlane;

    /** Clock of the tests. */
    MutableClock clock() {
        return clock;
    }

    /** Settings for a new, empty database. */
    protected abstract ControlPlaneSettings newDatabase() throws Exception;

    @BeforeEach
    void openControlPlane() throws Exception {
        settings = newDatabase();
        controlPlane = ControlPlane.open(settings, clock, KEYS);
    }

    @AfterEach
    void closeControlPlane() {
        controlPlane.close();
    }

    @Test
    void auditLogKeepsEveryEntryNewestFirstAndFiltersByTenantTimeAndAction() {
        io.cairn.core.audit.AuditLog audit = controlPlane.audit();
        audit.record("api:ck_abc", "tenant.onboard", ACME, "/api/v1/tenants", io.cairn.core.audit.AuditOutcome.OK, null);
        clock.advance(Duration.ofSeconds(5));
        Instant later = clock.instant();
        audit.record("api:ck_abc", "data.read", BETA, "marts.fct_sales_by_day", io.cairn.core.audit.AuditOutcome.DENIED,
                "key belongs to acme");
        audit.record("cli:ops", "access.grant", ACME, "cairn_reader_acme", io.cairn.core.audit.AuditOutcome.OK,
                "x".repeat(5000));

        assertThat(audit.list(null, null, null, 10))
                .extracting(e -> e.action(), e -> e.tenant().map(TenantId::value).orElse(null), e -> e.outcome())
                .containsExactly(
                        tuple("access.grant", "acme", io.cairn.core.audit.AuditOutcome.OK),
                        tuple("data.read", "beta", io.cairn.core.audit.AuditOutcome.DENIED),
                        tuple("tenant.onboard", "acme", io.cairn.core.audit.AuditOutcome.OK));
        assertThat(audit.list(ACME, null, null, 10)).extracting(e -> e.action())
                .containsExactly("access.grant", "tenant.onboard");
        assertThat(audit.list(null, later, null, 10)).extracting(e -> e.action())
                .containsExactly("access.grant", "data.read");
        assertThat(audit.list(null, null, "access.", 10)).extracting(e -> e.target())
                .containsExactly("cairn_reader_acme");
        assertThat(audit.list(null, null, null, 1)).hasSize(1);
        assertThat(audit.list(ACME, null, "access.", 1).get(0).detail()).as("long details are cut, not rejected")
                .hasSize(4096).endsWith("…");
        assertThat(audit.list(BETA, null, null, 10).get(0).detail()).isEqualTo("key belongs to acme");
    }

    @Test
    void migrationsAreIdempotent() {
        controlPlane.tenants().upsert(ACME_TENANT);
        controlPlane.close();

        controlPlane = ControlPlane.open(settings, clock, KEYS);
        try (ControlPlane second = ControlPlane.open(settings, clock, KEYS)) {
            assertThat(second.tenants().list()).as("data survives reopening").containsExactly(ACME_TENANT);
        }
        assertThat(controlPlane.tenants().find(ACME)).contains(ACME_TENANT);
    }

    @Test
    void tenantUpsertUpdatesFieldsButKeepsCreationTime() {
        controlPlane.tenants().upsert(ACME_TENANT);
        controlPlane.tenants().upsert(new Tenant(ACME, "Acme Inc", Tenancy.DEDICATED, ZoneId.of("UTC"), "CAD",
                T0.plusSeconds(99)));

        assertThat(controlPlane.tenants().find(ACME)).contains(new Tenant(ACME, "Acme Inc", Tenancy.DEDICATED,
                ZoneId.of("UTC"), "CAD", T0));
        assertThat(controlPlane.tenants().find(TenantId.of("nobody"))).isEmpty();
    }

    @Test
    void newTenantWithoutCreationTimeIsCreatedNow() {
        controlPlane.tenants().upsert(new Tenant(BETA, "Beta", Tenancy.SHARED, ZoneId.of("UTC"), "USD", null));

        assertThat(controlPlane.tenants().find(BETA).orElseThrow().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void tenantsAreListedById() {
        controlPlane.tenants().upsert(BETA_TENANT);
        controlPlane.tenants().upsert(ACME_TENANT);

        assertThat(controlPlane.tenants().list()).containsExactly(ACME_TENANT, BETA_TENANT);
    }

    @Test
    void removingATenantRemovesEverythingItOwns() {
        seedTenantWithEverything(ACME_TENANT);
        seedTenantWithEverything(BETA_TENANT);

        assertThat(controlPlane.tenants().remove(ACME)).isTrue();

        assertThat(controlPlane.tenants().list()).containsExactly(BETA_TENANT);
        assertThat(controlPlane.sources().list(ACME)).isEmpty();
        assertThat(controlPlane.state().list(ACME)).isEmpty();
        assertThat(controlPlane.loads().list(ACME, null, 10)).isEmpty();
        assertThat(controlPlane.runs().list(10)).extracting(RunRecord::tenant).containsExactly(BETA);
        assertThat(controlPlane.sources().list(BETA)).as("other tenants keep theirs").hasSize(1);
        assertThat(controlPlane.loads().list(BETA, null, 10)).hasSize(1);
        assertThat(controlPlane.tenants().remove(ACME)).as("already gone").isFalse();
    }

    private void seedTenantWithEverything(Tenant tenant) {
        controlPlane.tenants().upsert(tenant);
        controlPlane.sources().upsert(new SourceDefinition(tenant.id(), "drops", "files", "drops", true, Map.of()));
        controlPlane.state().put(new StreamState(tenant.id(), "drops", "orders", "2025-01-01", T0));
        controlPlane.loads().insert(moving(tenant.id() + "-load", tenant.id(), "drops", T0));
        controlPlane.runs().start("sync", tenant.id());
    }

    @Test
    void sourcesRoundTripAndListByName() {
        controlPlane.tenants().upsert(ACME_TENANT);
        SourceDefinition books = new SourceDefinition(ACME, "books", "quickbooks", "quickbooks", false,
                Map.of("realm_id", "9130355"));
        controlPlane.sources().upsert(SHOPIFY);
        controlPlane.sources().upsert(books);

        assertThat(controlPlane.sources().find(ACME, "shopify")).contains(SHOPIFY_STORED);
        assertThat(controlPlane.sources().list(ACME)).containsExactly(books, SHOPIFY_STORED);
        assertThat(controlPlane.sources().find(ACME, "nothing")).isEmpty();
    }

    @Test
    void sourceUpsertReplacesItsDefinition() {
        controlPlane.tenants().upsert(ACME_TENANT);
        controlPlane.sources().upsert(SHOPIFY);
        SourceDefinition changed = new SourceDefinition(ACME, "shopify", "shopify", "shopify_plus", false,
                Map.of("shop_url", "https://other.example"));

        controlPlane.sources().upsert(changed);

        assertThat(controlPlane.sources().list(ACME)).containsExactly(changed);
    }

    @Test
    void removingASourceForgetsItsCursors() {
        controlPlane.tenants().upsert(ACME_TENANT);
        controlPlane.sources().upsert(SHOPIFY);
        controlPlane.state().put(new StreamState(ACME, "shopify", "orders", "c1", T0));
        controlPlane.state().put(new StreamState(ACME, "books", "invoices", "c2", T0));

        assertThat(controlPlane.sources().remove(ACME, "shopify")).isTrue();

        assertThat(controlPlane.sources().find(ACME, "shopify")).isEmpty();
        assertThat(controlPlane.state().list(ACME)).extracting(StreamState::source).containsExactly("books");
        assertThat(controlPlane.sources().remove(ACME, "shopify")).isFalse();
    }

    @Test
    void sourceOfAnUnknownTenantIsRefused() {
        CairnException error = catchThrowableOfType(CairnException.class, () -> controlPlane.sources().upsert(SHOPIFY));

        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error.getMessage())
                .isEqualTo("Cannot save source shopify of tenant acme: the tenant is not registered");
    }

    @Test
    void loadMovesThroughStagedToLandedWithItsFigures() {
        controlPlane.tenants().upsert(ACME_TENANT);
        LoadRecord load = moving("L1", ACME, "shopify", T0);
        controlPlane.loads().insert(load);
        assertThat(controlPlane.loads().find("L1")).contains(load);

        controlPlane.loads().markStaged("L1");
        assertThat(controlPlane.loads().find("L1").orElseThrow().status()).isEqualTo(LoadStatus.STAGED);
        controlPlane.loads().markStaged("L1");

        LoadResult result = new LoadResult("L1", 1000, 990, 7, 3, 12, "2025-02-28T23:59:59Z", false);
        controlPlane.loads().markLanded("L1", result);

        assertThat(controlPlane.loads().find("L1")).contains(new LoadRecord("L1", ACME, "shopify", "orders",
                "inbox/acme/shopify/orders/a.jsonl", "raw/acme/shopify/orders/ingest_date=2025-03-01/L1.jsonl",
                "jsonl", LoadStatus.LANDED, 4096, result, T0, clock.instant(), null));
        assertThat(controlPlane.loads().unfinished(ACME)).isEmpty();
    }

    @Test
    void failedLoadKeepsItsErrorAndCannotLandLater() {
        controlPlane.tenants().upsert(ACME_TENANT);
        controlPlane.loads().insert(moving("L2", ACME, "shopify", T0));

        controlPlane.loads().markFailed("L2", "disk full");
        CairnException error = catchThrowableOfType(CairnException.class, () -> controlPlane.loads()
                .markLanded("L2", new LoadResult("L2", 1, 1, 0, 0, 0, null, false)));

        LoadRecord failed = controlPlane.loads().find("L2").orElseThrow();
        assertThat(failed.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(failed.error()).isEqualTo("disk full");
        assertThat(failed.finishedAt()).isEqualTo(clock.instant());
        assertThat(failed.result()).isNull();
        assertThat(error.code()).isEqualTo(ErrorCode.CONTROL_PLANE);
        assertThat(error.getMessage())
                .isEqualTo("Cannot mark load L2 landed (tenant acme, source shopify): it is already failed");
    }

    @Test
    void unknownOrDuplicateLoadsAreRefused() {
        controlPlane.tenants().upsert(ACME_TENANT);
        controlPlane.loads().insert(moving("L3", ACME, "shopify", T0));

        CairnException unknown = catchThrowableOfType(CairnException.class,
                () -> controlPlane.loads().markStaged("nope"));
        CairnException duplicate = catchThrowableOfType(CairnException.class,
                () -> controlPlane.loads().insert(moving("L3", ACME, "shopify", T0)));

        assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(unknown.getMessage()).isEqualTo("Cannot mark load nope staged: there is no such load");
        assertThat(duplicate.code()).isEqualTo(ErrorCode.CONTROL_PLANE);
        assertThat(duplicate.getMessage()).startsWith("Cannot record load L3 of tenant acme: ");
    }

    @Test
    void unfinishedLoadsComeOldestFirst() {
        controlPlane.tenants().upsert(ACME_TENANT);
        controlPlane.tenants().upsert(BETA_TENANT);
        controlPlane.loads().insert(moving("c", ACME, "shopify", T0.plusSeconds(20)));
        controlPlane.loads().insert(moving("a", ACME, "books", T0.plusSeconds(30)));
        controlPlane.loads().insert(moving("b", ACME, "shopify", T0.plusSeconds(10)));
        controlPlane.loads().insert(moving("done", ACME, "shopify", T0));
        controlPlane.loads().insert(moving("other", BETA, "shopify", T0));
        controlPlane.loads().markStaged("c");
        controlPlane.loads().markFailed("done", "bad file");

        assertThat(controlPlane.loads().unfinished(ACME)).extracting(LoadRecord::loadId)
                .containsExactly("b", "c", "a");
    }

    @Test
    void onlyAFailedLoadCanBeRestaged() {
        controlPlane.tenants().upsert(ACME_TENANT);
        controlPlane.loads().insert(moving("F", ACME, "shopify", T0));
        controlPlane.loads().insert(moving("M", ACME, "shopify", T0.plusSeconds(1)));
        controlPlane.loads().markFailed("F", "warehouse went away");

        assertThat(controlPlane.loads().failed(ACME, "shopify")).extracting(LoadRecord::loadId).containsExactly("F");
        controlPlane.loads().restage("F");

        LoadRecord restaged = controlPlane.loads().find("F").orElseThrow();
        assertThat(restaged.status()).isEqualTo(LoadStatus.STAGED);
        assertThat(restaged.error()).isNull();
        assertThat(controlPlane.loads().failed(ACME, "shopify")).isEmpty();
        assertThat(catchThrowableOfType(CairnException.class, () -> controlPlane.loads().restage("M")).code())
                .as("a moving load is not failed").isEqualTo(ErrorCode.CONTROL_PLANE);
    }

    @Test
    void loadsAreListedNewestFirstPerSource() {
        controlPlane.tenants().upsert(ACME_TENANT);
        for (int i = 0; i < 5; i++) {
            controlPlane.loads().insert(moving("s" + i, ACME, "shopify", T0.plusSeconds(i)));
        }
        controlPlane.loads().insert(moving("b0", ACME, "books", T0.plusSeconds(100)));

        assertThat(controlPlane.loads().list(ACME, "shopify", 3)).extracting(LoadRecord::loadId)
                .containsExactly("s4", "s3", "s2");
        assertThat(controlPlane.loads().list(ACME, null, 2)).extracting(LoadRecord::loadId)
                .containsExactly("b0", "s4");
    }

    @Test
    void streamStateIsUpserted() {
        controlPlane.tenants().upsert(ACME_TENANT);
        StreamState orders = new StreamState(ACME, "shopify", "orders", "2025-01-01T00:00:00Z", T0);
        StreamState customers = new StreamState(ACME, "shopify", "customers", null, T0);
        controlPlane.state().put(orders);
        controlPlane.state().put(customers);

        StreamState advanced = new StreamState(ACME, "shopify", "orders", "2025-02-01T00:00:00Z", null);
        controlPlane.state().put(advanced);

        assertThat(controlPlane.state().get(ACME, "shopify", "orders")).contains(
                new StreamState(ACME, "shopify", "orders", "2025-02-01T00:00:00Z", clock.instant()));
        assertThat(controlPlane.state().list(ACME)).extracting(StreamState::stream)
                .containsExactly("customers", "orders");
        assertThat(controlPlane.state().get(ACME, "shopify", "refunds")).isEmpty();
    }

    @Test
    void runsAreRecordedAndListedNewestFirst() {
        controlPlane.tenants().upsert(ACME_TENANT);
        String first = controlPlane.runs().start("build", null);
        String second = controlPlane.runs().start("sync", ACME);
        clock.advance(Duration.ofSeconds(5));

        controlPlane.runs().finish(second, "success", "{\"rows\":42}");

        assertThat(second).as("ids sort by start, even within one millisecond").isGreaterThan(first);
        assertThat(controlPlane.runs().find(first)).contains(
                new RunRecord(first, "build", null, "running", T0.plusSeconds(3600), null, null));
        assertThat(controlPlane.runs().find(second)).contains(new RunRecord(second, "sync", ACME, "success",
                T0.plusSeconds(3600), T0.plusSeconds(3605), "{\"rows\":42}"));
        assertThat(controlPlane.runs().list(10)).extracting(RunRecord::runId).containsExactly(second, first);
        assertThat(controlPlane.runs().list(ACME, 10)).extracting(RunRecord::runId).containsExactly(second);
        assertThat(catchThrowableOfType(CairnException.class, () -> controlPlane.runs().finish("nope", "x", null))
                .code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void importUpsertsTenantsAndSourcesAndKeepsOthers() {
        controlPlane.tenants().upsert(BETA_TENANT);
        TenantSpec acme = new TenantSpec(ACME, "Acme Retail", Tenancy.SHARED, ZoneId.of("America/New_York"), "USD",
                List.of(new SourceSpec("shopify", "shopify", "shopify", true, SHOPIFY.options()),
                        new SourceSpec("drops", "files", "drops", true, Map.of())));

        controlPlane.importTenants(List.of(acme));
        controlPlane.importTenants(List.of(new TenantSpec(ACME, "Acme Renamed", Tenancy.SHARED,
                ZoneId.of("America/New_York"), "USD", List.of(acme.sources().get(0)))));

        assertThat(controlPlane.tenants().list()).extracting(Tenant::id, Tenant::name)
                .containsExactly(tuple(ACME, "Acme Renamed"),
                        tuple(BETA, "Beta Books"));
        assertThat(controlPlane.sources().list(ACME)).extracting(SourceDefinition::name)
                .containsExactly("drops", "shopify");
        assertThat(controlPlane.sources().find(ACME, "shopify")).contains(SHOPIFY_STORED);
        assertThat(controlPlane.credentials().resolve(SHOPIFY_STORED)).as("the connector sees the secret again")
                .isEqualTo(SHOPIFY.options());
    }

    @Test
    void concurrentCallsAreSafe() throws Exception {
        controlPlane.tenants().upsert(ACME_TENANT);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int worker = i;
                futures.add(pool.submit(() -> {
                    for (int j = 0; j < 10; j++) {
                        ids.add(controlPlane.runs().start("sync", ACME));
                        controlPlane.state().put(new StreamState(ACME, "shopify", "orders", worker + "-" + j, null));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(ids).hasSize(80);
        assertThat(new HashSet<>(controlPlane.runs().list(100))).hasSize(80);
        assertThat(controlPlane.state().list(ACME)).hasSize(1);
    }

    @Test
    void closedControlPlaneRefusesWork() {
        controlPlane.close();

        CairnException error = catchThrowableOfType(CairnException.class, () -> controlPlane.tenants().list());

        assertThat(error.code()).isEqualTo(ErrorCode.CONTROL_PLANE);
        assertThat(error.getMessage()).endsWith(": it is closed");
    }

    // ---- credentials ----

    private static final String SECRET = "shpat_S3CRET_9f8e7d";
    private static final String CLIENT_SECRET = "qbo-client-S3CRET-42";

    private TenantSpec acmeWithSecrets(String refreshToken) {
        return new TenantSpec(ACME, "Acme Retail", Tenancy.SHARED, ZoneId.of("America/New_York"), "USD", List.of(
                new SourceSpec("shopify", "shopify", "shopify", true,
                        Map.of("shop_url", "https://acme.myshopify.com", "access_token", SECRET)),
                new SourceSpec("books", "quickbooks", "quickbooks", true, Map.of("realm_id", "9130355",
                        "client_id", "ABC", "client_secret", CLIENT_SECRET, "refresh_token", refreshToken))));
    }

    @Test
    void importedSecretsAreEncryptedAndReadBackThroughTheStore() {
        controlPlane.importTenants(List.of(acmeWithSecrets("RT-1")));

        SourceDefinition books = controlPlane.sources().find(ACME, "books").orElseThrow();
        assertThat(books.options()).as("sources.options keeps only a mask").containsEntry("client_secret", "***")
                .containsEntry("refresh_token", "***").containsEntry("client_id", "ABC");
        assertThat(controlPlane.credentials().resolve(books)).containsEntry("client_secret", CLIENT_SECRET)
                .containsEntry("refresh_token", "RT-1").containsEntry("realm_id", "9130355");
        assertThat(controlPlane.credentials().keys(ACME, "books"))
                .containsExactly("option.client_secret", "option.refresh_token");
        assertThat(controlPlane.credentials().countByKey()).isEqualTo(Map.of(KEY_1.id(), 3L));
    }

    @Test
    void noSecretIsStoredInClearInAnyTable() throws Exception {
        controlPlane.importTenants(List.of(acmeWithSecrets("RT-S3CRET-7")));
        controlPlane.credentials().compareAndSet(ACME, "books", "refresh_token", null, "RT-ROTATED-S3CRET");
        controlPlane.importTenants(List.of(acmeWithSecrets("RT-S3CRET-7")));

        String everything = ControlPlaneDump.allText(settings);

        assertThat(everything).as("the dump reads the tables").contains("9130355", "option.refresh_token");
        assertThat(everything).doesNotContain(SECRET, CLIENT_SECRET, "RT-S3CRET-7", "RT-ROTATED-S3CRET",
                "S3CRET");
    }

    @Test
    void noSecretIsLogged() {
        try (LogCapture logs = LogCapture.all()) {
            controlPlane.importTenants(List.of(acmeWithSecrets("RT-S3CRET-7")));
            controlPlane.credentials().compareAndSet(ACME, "books", "refresh_token", null, "RT-ROTATED-S3CRET");
            controlPlane.credentials().resolve(controlPlane.sources().find(ACME, "books").orElseThrow());
            controlPlane.importTenants(List.of(acmeWithSecrets("RT-S3CRET-8")));
            logs.messages().add(String.valueOf(controlPlane.sources().list(ACME)));

            assertThat(logs.messages()).as("something was logged").isNotEmpty();
            assertThat(String.join("\n", logs.messages())).doesNotContain("S3CRET");
        }
    }

    @Test
    void compareAndSetReplacesOnlyTheExpectedValue() {
        controlPlane.tenants().upsert(ACME_TENANT);
        var store = controlPlane.credentials();

        assertThat(store.compareAndSet(ACME, "books", "refresh_token", null, "RT-1")).isTrue();
        assertThat(store.compareAndSet(ACME, "books", "refresh_token", null, "RT-X")).as("not absent").isFalse();
        assertThat(store.compareAndSet(ACME, "books", "refresh_token", "RT-0", "RT-X")).as("stale").isFalse();
        assertThat(store.compareAndSet(ACME, "books", "refresh_token", "RT-1", "RT-2")).isTrue();
        assertThat(store.get(ACME, "books", "refresh_token")).contains("RT-2");
        assertThat(store.compareAndSet(ACME, "books", "refresh_token", "RT-2", null)).as("delete").isTrue();
        assertThat(store.get(ACME, "books", "refresh_token")).isEmpty();
        assertThat(store.get(BETA, "books", "refresh_token")).isEmpty();
    }

    @Test
    void concurrentCompareAndSetHasExactlyOneWinner() throws Exception {
        controlPlane.tenants().upsert(ACME_TENANT);
        controlPlane.credentials().compareAndSet(ACME, "books", "refresh_token", null, "RT-0");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String value = "RT-from-" + i;
                results.add(pool.submit(() -> controlPlane.credentials()
                        .compareAndSet(ACME, "books", "refresh_token", "RT-0", value)));
            }
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).get()) {
                    winners.add("RT-from-" + i);
                }
            }
            assertThat(winners).as("one refresh wins").hasSize(1);
            assertThat(controlPlane.credentials().get(ACME, "books", "refresh_token")).contains(winners.get(0));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void reimportKeepsRotatedTokenButANewConfiguredTokenResetsIt() {
        controlPlane.importTenants(List.of(acmeWithSecrets("RT-1")));
        var store = controlPlane.credentials();
        store.compareAndSet(ACME, "books", "refresh_token", null, "RT-rotated");
        store.compareAndSet(ACME, "books", CredentialTable.NEEDS_REAUTHORISATION, null, "invalid_grant");

        controlPlane.importTenants(List.of(acmeWithSecrets("RT-1")));
        assertThat(store.get(ACME, "books", "refresh_token")).as("same config: rotation kept").contains("RT-rotated");
        assertThat(store.needsReauthorisation(ACME, "books")).contains("invalid_grant");

        controlPlane.importTenants(List.of(acmeWithSecrets("RT-new-consent")));
        assertThat(store.get(ACME, "books", "refresh_token")).as("a new grant replaces the rotated one").isEmpty();
        assertThat(store.needsReauthorisation(ACME, "books")).isEmpty();
        assertThat(store.resolve(controlPlane.sources().find(ACME, "books").orElseThrow()))
                .containsEntry("refresh_token", "RT-new-consent");
    }

    @Test
    void rotationReencryptsEverySecretWithTheNewKey() {
        controlPlane.importTenants(List.of(acmeWithSecrets("RT-1")));
        controlPlane.credentials().compareAndSet(ACME, "books", "refresh_token", null, "RT-rotated");
        controlPlane.close();

        controlPlane = ControlPlane.open(settings, clock, MasterKeys.of(KEY_2, KEY_1));
        assertThat(controlPlane.rotateMasterKey()).isEqualTo(4);
        assertThat(controlPlane.credentials().countByKey()).isEqualTo(Map.of(KEY_2.id(), 4L));
        controlPlane.close();

        controlPlane = ControlPlane.open(settings, clock, MasterKeys.of(KEY_2));
        assertThat(controlPlane.credentials().get(ACME, "books", "refresh_token")).contains("RT-rotated");
        assertThat(controlPlane.credentials().resolve(controlPlane.sources().find(ACME, "shopify").orElseThrow()))
                .containsEntry("access_token", SECRET);
        try (ControlPlane oldKeyOnly = ControlPlane.open(settings, clock, MasterKeys.of(KEY_1))) {
            CairnException error = catchThrowableOfType(CairnException.class,
                    () -> oldKeyOnly.credentials().get(ACME, "books", "refresh_token"));
            assertThat(error.getMessage()).isEqualTo("Cannot decrypt the secret acme/books/refresh_token: it was "
                    + "sealed with master key " + KEY_2.id() + ", which is not configured (known: [" + KEY_1.id()
                    + "])");
        }
    }

    @Test
    void ciphertextMovedToAnotherRowDoesNotDecrypt() throws Exception {
        controlPlane.importTenants(List.of(acmeWithSecrets("RT-1")));
        ControlPlaneDump.execute(settings, "UPDATE credentials SET ciphertext = (SELECT ciphertext FROM credentials "
                + "WHERE credential_key = 'option.client_secret') WHERE credential_key = 'option.refresh_token'");

        CairnException error = catchThrowableOfType(CairnException.class,
                () -> controlPlane.credentials().get(ACME, "books", "option.refresh_token"));

        assertThat(error.getMessage()).contains("does not authenticate");
    }

    @Test
    void removingASourceRemovesItsCredentials() {
        controlPlane.importTenants(List.of(acmeWithSecrets("RT-1")));

        controlPlane.sources().remove(ACME, "books");

        assertThat(controlPlane.credentials().keys(ACME, "books")).isEmpty();
        assertThat(controlPlane.credentials().keys(ACME, "shopify")).containsExactly("option.access_token");
    }
}
