package io.cairn.connectors.shopify;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.connectors.testing.SyncFixture;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.sync.SourceFactories;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.datagen.mock.ShopifyMockServer;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.ConfigProblem;
import io.cairn.spi.source.CredentialStore;
import io.cairn.spi.source.SourceContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A Shopify token the shop no longer accepts (401), read by parallel streams and by a configuration check. */
class ShopifyAuthTest {
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;

    @Test
    void aRevokedTokenMarksTheSourceOnceAndEveryStreamReportsIt() throws Exception {
        try (ShopifyMockServer shop = new ShopifyMockServer(FixtureShop.TOKEN, 1000);
                SyncFixture fixture = new SyncFixture(dir)) {
            FixtureShop.load(shop);
            shop.revokeAccessToken();
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", FixtureShop.options(shop, 250));
            CredentialStore store = CredentialStore.inMemory();

            List<StreamSyncReport> reports = fixture.sync(source, new ShopifySourceFactory(), new SourceContext(store),
                    20, SyncListener.NONE);

            assertThat(reports).as("the streams that started").isNotEmpty().allSatisfy(report -> {
                assertThat(report.needsReauthorisation()).as(report.stream()).isTrue();
                assertThat(report.error()).contains("HTTP 401", "[API] Invalid API key or access token",
                        "Shopify refused the access token");
            });
            assertThat(shop.requestCount()).as("no retry: at most one request per stream that started")
                    .isBetween(1, reports.size());
            assertThat(store.get(ACME, "shop", ShopifyAuth.NEEDS_REAUTHORISATION)).get().asString()
                    .startsWith("access token refused (HTTP 401) at ");
        }
    }

    @Test
    void aStoredTokenReplacesTheConfiguredOne() throws Exception {
        try (ShopifyMockServer shop = new ShopifyMockServer(FixtureShop.TOKEN, 1000);
                SyncFixture fixture = new SyncFixture(dir)) {
            FixtureShop.load(shop);
            String reissued = shop.revokeAccessToken();
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", FixtureShop.options(shop, 250));
            CredentialStore store = CredentialStore.inMemory();
            store.compareAndSet(ACME, "shop", ShopifyAuth.ACCESS_TOKEN, null, reissued);

            List<StreamSyncReport> reports = fixture.sync(source, new ShopifySourceFactory(), new SourceContext(store),
                    20, SyncListener.NONE);

            assertThat(reports).hasSize(7)
                    .allSatisfy(report -> assertThat(report.error()).as(report.stream()).isNull());
            assertThat(fixture.query("SELECT source_record_id FROM raw.shopify__orders")).containsExactly("450789469");
            assertThat(store.get(ACME, "shop", ShopifyAuth.NEEDS_REAUTHORISATION)).isEmpty();
        }
    }

    @Test
    void aCheckReportsTheRefusedTokenWithoutMarkingTheSource() throws Exception {
        try (ShopifyMockServer shop = new ShopifyMockServer(FixtureShop.TOKEN, 1000);
                SyncFixture fixture = new SyncFixture(dir)) {
            shop.revokeAccessToken();
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", FixtureShop.options(shop, 250));
            ShopifySourceFactory factory = new ShopifySourceFactory();
            CredentialStore store = CredentialStore.inMemory();

            List<ConfigProblem> problems = factory.check(SourceFactories.config(source, factory),
                    new SourceContext(store));

            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo("access_token");
                assertThat(problem.message()).contains("was refused by the shop (HTTP 401)");
            });
            assertThat(store.get(ACME, "shop", ShopifyAuth.NEEDS_REAUTHORISATION)).isEmpty();
        }
    }
}
