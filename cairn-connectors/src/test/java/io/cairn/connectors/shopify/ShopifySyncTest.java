package io.cairn.connectors.shopify;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.datagen.mock.ShopifyMockServer;
import io.cairn.connectors.testing.SyncFixture;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.spi.source.SourceContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The Shopify fixtures, served by the mock shop, land value by value. */
class ShopifySyncTest {
    @TempDir
    Path dir;

    @Test
    void fixtureShopLandsValueByValue() throws Exception {
        try (ShopifyMockServer shop = new ShopifyMockServer(FixtureShop.TOKEN, 1000);
                SyncFixture fixture = new SyncFixture(dir)) {
            FixtureShop.load(shop);
            SourceDefinition source = fixture.addSource("acme", "shop", "shopify", FixtureShop.options(shop, 250));

            List<StreamSyncReport> reports = fixture.sync(source, new ShopifySourceFactory(),
                    SourceContext.inMemory(), 20, SyncListener.NONE);

            assertThat(reports).extracting(StreamSyncReport::stream).containsExactly("orders", "refunds",
                    "transactions", "customers", "products", "inventory_levels", "locations");
            assertThat(reports).allSatisfy(report -> assertThat(report.error()).as(report.stream()).isNull());
            assertThat(fixture.query("SELECT source_record_id, source_updated_at, payload->>'total_price', "
                    + "payload->>'currency', json_array_length(payload->'line_items'), "
                    + "payload->'line_items'->0->>'id', payload->'line_items'->0->>'sku', is_deleted, dq_status "
                    + "FROM raw.shopify__orders"))
                    .containsExactly("450789469|2008-01-10T16:00Z|409.94|USD|3|466157049|IPOD2008GREEN|false|ok");
            assertThat(fixture.query("SELECT source_record_id, payload->>'order_id', "
                    + "json_array_length(payload->'refund_line_items'), payload->'transactions'->0->>'amount' "
                    + "FROM raw.shopify__refunds")).containsExactly("509562969|450789469|2|209.00");
            assertThat(fixture.query("SELECT source_record_id, payload->>'amount', payload->>'kind' "
                    + "FROM raw.shopify__transactions")).containsExactly("389404469|409.94|authorization");
            assertThat(fixture.query("SELECT source_record_id, payload->>'email', payload->>'total_spent' "
                    + "FROM raw.shopify__customers")).containsExactly("207119551|bob.norman@hostmail.com|41.94");
            assertThat(fixture.query("SELECT source_record_id, payload->>'title', json_array_length(payload->'variants'), "
                    + "is_deleted FROM raw.shopify__products ORDER BY 1"))
                    .containsExactly("632910392|IPod Nano - 8GB|4|false", "921728736|null|null|true");
            assertThat(fixture.query("SELECT source_record_id, payload->>'available' "
                    + "FROM raw.shopify__inventory_levels ORDER BY 1")).containsExactly("39072856:487838322|27",
                    "39072856:905684977|3", "808950810:487838322|9", "808950810:905684977|1");
            assertThat(fixture.query("SELECT count(*) FROM raw.shopify__locations")).containsExactly("2");
        }
    }
}
