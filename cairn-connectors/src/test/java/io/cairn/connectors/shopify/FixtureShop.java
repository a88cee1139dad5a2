package io.cairn.connectors.shopify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.common.Json;
import io.cairn.datagen.mock.ShopifyMockServer;

import static io.cairn.connectors.testing.TestHelper.copy;
import static io.cairn.connectors.testing.TestHelper.readFixture;

/** Loads the Shopify fixtures of {@code shared/fixtures/external/shopify-rest} into a mock shop. */
final class FixtureShop {
    static final String TOKEN = "shpat_test_token_0123456789";
    static final long ORDER_ID = 450789469L;

    private FixtureShop() {}

    /** The fixture order with the fixture refund embedded, as Shopify returns orders with refunds. */
    static ObjectNode order() {
        ObjectNode order = copy(readFixture("shopify-rest/orders.json").path("orders").get(0));
        order.putArray("refunds").add(readFixture("shopify-rest/refund.json").path("refund"));
        return order;
    }

    static void load(ShopifyMockServer shop) {
        shop.put("orders", List.of(order()));
        shop.putTransactions(ORDER_ID, List.of(copy(readFixture("shopify-rest/transaction.json").path("transaction"))));
        shop.put("customers", List.of(copy(readFixture("shopify-rest/customers.json").path("customer"))));
        shop.put("products", List.of(copy(readFixture("shopify-rest/product.json").path("product"))));
        shop.put("locations", List.of(location(487838322L, "Ottawa Store"), location(905684977L, "Warehouse")));
        List<ObjectNode> levels = new ArrayList<>();
        for (JsonNode level : readFixture("shopify-rest/inventory_levels.json").path("inventory_levels")) {
            // the real API sends updated_at with every level; the fixture omits it
            levels.add(copy(level).put("updated_at", "2024-03-01T10:00:00-05:00"));
        }
        shop.put("inventory_levels", levels);
        shop.put("events", List.of(destroyEvent(1001L, 921728736L, "Product", "2024-03-02T09:00:00-05:00")));
    }

    static ObjectNode location(long id, String name) {
        return Json.object().put("id", id).put("name", name).put("active", true)
                .put("updated_at", "2024-01-05T12:00:00-05:00");
    }

    static ObjectNode destroyEvent(long id, long subjectId, String type, String createdAt) {
        return Json.object().put("id", id).put("subject_id", subjectId).put("subject_type", type)
                .put("verb", "destroy").put("created_at", createdAt).put("message", type + " was deleted.");
    }

    /** {@code count} copies of the fixture order with ids from 1 and the given {@code updated_at} per index. */
    static List<ObjectNode> orders(int count, java.util.function.IntFunction<Instant> updatedAt) {
        ObjectNode template = order();
        List<ObjectNode> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ObjectNode order = template.deepCopy();
            order.put("id", (long) i).put("name", "#" + (1000 + i)).put("order_number", 1000 + i)
                    .put("updated_at", updatedAt.apply(i).atOffset(ZoneOffset.ofHours(-5)).toString());
            order.putArray("refunds");
            orders.add(order);
        }
        return orders;
    }

    /** Options of a source pointed at the mock, with fast retries and pacing for tests. */
    static Map<String, String> options(ShopifyMockServer shop, int pageSize) {
        Map<String, String> options = new HashMap<>();
        options.put("shop_url", shop.baseUrl().toString());
        options.put("access_token", TOKEN);
        options.put("api_version", "2025-07");
        options.put("page_size", Integer.toString(pageSize));
        options.put("backoff_base_ms", "2");
        options.put("backoff_cap_ms", "20");
        options.put("request_timeout_ms", "5000");
        options.put("requests_per_second", "1000");
        options.put("bucket_leak_per_second", "1000");
        return options;
    }
}
