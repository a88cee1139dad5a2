package io.cairn.connectors.shopify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.connectors.http.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Pacing by {@code X-Shopify-Shop-Api-Call-Limit} and reading {@code Link} headers. */
class ShopifyThrottleTest {
    @Test
    void slowsDownOnlyNearTheTopOfTheBucket() {
        List<Duration> waits = new ArrayList<>();
        ShopifyThrottle throttle = new ShopifyThrottle(2, waits::add);

        throttle.accept(new ApiResponse(200, Map.of("x-shopify-shop-api-call-limit", List.of("10/40")), ""));
        throttle.accept(new ApiResponse(200, Map.of("x-shopify-shop-api-call-limit", List.of("32/40")), ""));
        throttle.accept(new ApiResponse(200, Map.of("x-shopify-shop-api-call-limit", List.of("39/40")), ""));

        assertThat(waits).as("below 80%% no wait; above it, until one call under the mark at 2 per second")
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(4000));
    }

    @Test
    void followsTheNextLinkExactlyAsGiven() {
        String header = "<https://shop.example/admin/api/2025-07/orders.json?limit=250&page_info=abc%3D>; "
                + "rel=\"previous\", <https://shop.example/admin/api/2025-07/orders.json?limit=250&page_info=x_Y-1>; "
                + "rel=\"next\"";
        assertThat(LinkHeader.next(header)).hasValueSatisfying(uri -> assertThat(uri.toString())
                .isEqualTo("https://shop.example/admin/api/2025-07/orders.json?limit=250&page_info=x_Y-1"));
        assertThat(LinkHeader.next("<https://a/b>; rel=\"previous\"")).isEmpty();
    }
}
