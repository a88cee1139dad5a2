package io.cairn.connectors.shopify;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.datagen.mock.Fault;
import io.cairn.datagen.mock.ShopifyMockServer;
import io.cairn.connectors.testing.SyncFixture;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.spi.source.SourceContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pagination, faults, crashes and repeated syncs against the mock shop land exactly what a clean sync lands. */
class ShopifyRobustnessTest {
    private static final Instant BASE = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    static Path shared;
    private static List<String> clean;

    @TempDir
    Path dir;

    /** Eleven orders, several sharing one {@code updated_at} across page boundaries of two. */
    private static List<ObjectNode> orders() {
        return FixtureShop.orders(11, i -> BASE.plusSeconds(i <= 2 ? i : i <= 7 ? 10 : i * 10L));
    }

    private static ShopifyMockServer shop() {
        ShopifyMockServer shop = new ShopifyMockServer(FixtureShop.TOKEN, 1000);
        FixtureShop.load(shop);
        shop.put("orders", orders());
        return shop;
    }

    /** What one sync without faults lands, computed once for the class. */
    private static synchronized List<String> cleanSync() throws Exception {
        if (clean != null) {
            return clean;
        }
        try (ShopifyMockServer shop = shop(); SyncFixture fixture = new SyncFixture(shared.resolve("clean"))) {
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", FixtureShop.options(shop, 2));
            List<StreamSyncReport> reports = fixture.sync(source, new ShopifySourceFactory(),
                    SourceContext.inMemory(), 1, SyncListener.NONE);
            assertThat(reports).allSatisfy(report -> assertThat(report.error()).as(report.stream()).isNull());
            clean = fixture.rawContents();
            return clean;
        }
    }

    @Test
    void equalUpdatedAtAcrossPageBoundariesMissesNothing() throws Exception {
        try (ShopifyMockServer shop = shop(); SyncFixture fixture = new SyncFixture(dir)) {
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", FixtureShop.options(shop, 2));
            fixture.sync(source, new ShopifySourceFactory(), SourceContext.inMemory(), 1, SyncListener.NONE);
            assertThat(fixture.query("SELECT source_record_id FROM raw.shopify__orders ORDER BY 1::INT"))
                    .as("every order of every page, ties at the boundaries included")
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");

            ObjectNode late = FixtureShop.orders(12, i -> BASE.plusSeconds(110)).get(11);
            shop.upsert("orders", late);
            fixture.sync(source, new ShopifySourceFactory(), SourceContext.inMemory(), 1, SyncListener.NONE);

            assertThat(fixture.query("SELECT count(*), count(DISTINCT source_record_id) FROM raw.shopify__orders"))
                    .as("an order committed later with the cursor's own updated_at is read by the next sync")
                    .containsExactly("12|12");
        }
    }

    @Test
    void recordsUpdatedDuringASyncAreNotMissed() throws Exception {
        try (ShopifyMockServer shop = shop(); SyncFixture fixture = new SyncFixture(dir)) {
            // one stream at a time, so request 2 is the second orders page (with parallel streams it may be any
            // stream's first request, and the update could land before orders was read at all)
            Map<String, String> options = new HashMap<>(FixtureShop.options(shop, 2));
            options.put("parallel_streams", "1");
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", options);
            ObjectNode updated = orders().get(0).put("updated_at", "2024-03-01T13:00:00Z").put("note", "changed");
            shop.http().afterRequest(n -> {
                if (n == 2) {
                    shop.upsert("orders", updated);
                }
            });
            fixture.sync(source, new ShopifySourceFactory(), SourceContext.inMemory(), 1, SyncListener.NONE);

            assertThat(fixture.query("SELECT payload->>'note' FROM raw.shopify__orders WHERE source_record_id = '1' "
                    + "ORDER BY source_updated_at")).containsExactly("null", "changed");
        }
    }

    @Test
    void injectedThrottlingServerErrorsAndResetsLandExactlyTheCleanSync() throws Exception {
        List<String> expected = cleanSync();
        try (ShopifyMockServer shop = shop(); SyncFixture fixture = new SyncFixture(dir.resolve("faulty"))) {
            for (int i = 0; i < 3; i++) {
                shop.http().inject("orders.json", Fault.tooManyRequests(Duration.ofMillis(20)));
            }
            shop.http().inject("page_info", Fault.serverError());
            shop.http().inject("page_info", Fault.reset());
            shop.http().inject("page_info", Fault.truncated());
            shop.http().inject("customers.json", Fault.status(502, "<html>Bad Gateway</html>"));
            shop.http().inject("transactions.json", Fault.reset());
            shop.http().inject("events.json", Fault.serverError());
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", FixtureShop.options(shop, 2));

            List<StreamSyncReport> reports = fixture.sync(source, new ShopifySourceFactory(),
                    SourceContext.inMemory(), 1, SyncListener.NONE);

            assertThat(reports).allSatisfy(report -> assertThat(report.error()).as(report.stream()).isNull());
            assertThat(fixture.rawContents()).as("the same record versions as a sync without faults")
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staged", "landed", "checkpoint"})
    void crashAfterPageThenResumeLandsExactlyTheCleanSync(String step) throws Exception {
        List<String> expected = cleanSync();
        try (ShopifyMockServer shop = shop(); SyncFixture fixture = new SyncFixture(dir.resolve("crash"))) {
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", FixtureShop.options(shop, 2));
            AtomicInteger pages = new AtomicInteger();
            SyncListener crashAtPage3 = new SyncListener() {
                @Override
                public void afterStaged(String stream, String loadId) {
                    crashIf("staged");
                }

                @Override
                public void afterLanded(String stream, String loadId) {
                    crashIf("landed");
                }

                @Override
                public void afterCheckpointSaved(String stream, io.cairn.spi.source.Checkpoint checkpoint) {
                    crashIf("checkpoint");
                }

                private void crashIf(String at) {
                    if (at.equals(step) && pages.incrementAndGet() == 3) {
                        throw new IllegalStateException("simulated crash " + at);
                    }
                }
            };
            assertThatThrownBy(() -> fixture.sync(source, new ShopifySourceFactory(), SourceContext.inMemory(), 1,
                    crashAtPage3)).hasMessage("simulated crash " + step);

            fixture.sync(source, new ShopifySourceFactory(), SourceContext.inMemory(), 1, SyncListener.NONE);

            assertThat(fixture.rawContents()).as("crash after %s, then resume", step).isEqualTo(expected);
        }
    }

    @Test
    void secondSyncWithoutChangesMakesOnlyTheMinimalRequestsAndLandsNothing() throws Exception {
        try (ShopifyMockServer shop = shop(); SyncFixture fixture = new SyncFixture(dir)) {
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", FixtureShop.options(shop, 250));
            fixture.sync(source, new ShopifySourceFactory(), SourceContext.inMemory(), 1, SyncListener.NONE);
            List<String> before = fixture.rawContents();
            shop.http().clearRequests();

            List<StreamSyncReport> second = fixture.sync(source, new ShopifySourceFactory(),
                    SourceContext.inMemory(), 1, SyncListener.NONE);

            assertThat(second).extracting(StreamSyncReport::rowsLanded).containsOnly(0L);
            assertThat(fixture.rawContents()).isEqualTo(before);
            assertThat(shop.http().requests()).extracting(request -> request.replaceAll("\\?.*", ""))
                    .as("one listing call per stream, the delete events, and the transactions of the orders "
                            + "inside the 60 s overlap window (updated 80, 90, 100 and 110 s after the base); streams "
                            + "run in parallel, so in any order")
                    .containsExactlyInAnyOrder(
                            "GET /admin/api/2025-07/orders.json",
                            "GET /admin/api/2025-07/events.json",
                            "GET /admin/api/2025-07/orders.json",
                            "GET /admin/api/2025-07/orders.json",
                            "GET /admin/api/2025-07/orders/8/transactions.json",
                            "GET /admin/api/2025-07/orders/9/transactions.json",
                            "GET /admin/api/2025-07/orders/10/transactions.json",
                            "GET /admin/api/2025-07/orders/11/transactions.json",
                            "GET /admin/api/2025-07/customers.json",
                            "GET /admin/api/2025-07/products.json",
                            "GET /admin/api/2025-07/events.json",
                            "GET /admin/api/2025-07/locations.json",
                            "GET /admin/api/2025-07/inventory_levels.json",
                            "GET /admin/api/2025-07/locations.json");
            assertThat(shop.http().requests()).as("the orders stream's listing")
                    .filteredOn(request -> request.contains("/orders.json?") && !request.contains("fields="))
                    .first().asString().contains("updated_at_min=2024-03-01T12%3A00%3A50Z",
                    "order=updated_at+asc", "limit=250", "status=any");
        }
    }
}
