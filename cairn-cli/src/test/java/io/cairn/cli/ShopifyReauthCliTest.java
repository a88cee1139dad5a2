package io.cairn.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.cairn.connectors.common.Json;
import io.cairn.datagen.mock.ShopifyMockServer;

import static io.cairn.cli.CliTest.cairn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Shopify access token revoked mid-life (the shop answers 401 {@code [API] Invalid API key or access token}) under
 * plain {@code cairn sync}: the tenant's webhook hears about it once, later syncs skip the source without calling the
 * shop until a new token is stored with {@code cairn credentials set}, and the first sync after that resolves the
 * alert.
 */
class ShopifyReauthCliTest {
    private static final String TOKEN = "shpat_reauth_S3CRET_41";

    @TempDir
    Path dir;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private HttpServer webhook;
    private ShopifyMockServer shop;
    private InputStream stdin;

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        shop = new ShopifyMockServer(TOKEN, 1000);
        shop.put("orders", List.of(Json.object().put("id", 1001).put("currency", "USD").put("total_price", "10.01")
                .put("updated_at", "2024-03-01T10:00:00Z")));
        shop.put("events", List.of());
        shop.put("customers", List.of(Json.object().put("id", 7).put("email", "a@example.com")
                .put("updated_at", "2024-03-01T10:00:00Z")));
        stdin = System.in;
    }

    @AfterEach
    void stop() {
        System.setIn(stdin);
        webhook.stop(0);
        shop.close();
    }

    @Test
    void revokedTokenAlertsOnceSkipsTheSourceAndResolvesAfterANewToken() throws Exception {
        Files.writeString(dir.resolve("tenants.yml"), "tenants:\n  - id: acme\n    sources:\n      shop:\n"
                + "        type: shopify\n        shop_url: " + shop.baseUrl() + "\n        access_token: " + TOKEN
                + "\n        requests_per_second: 100\n        bucket_leak_per_second: 1000\n"
                + "        streams: orders,customers\n        parallel_streams: 1\n");
        set("acme", "_alerts", "webhook.url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        String reissued = shop.revokeAccessToken();

        CliTest.Run refused = cairn("sync", "-p", dir.toString());
        int requestsWhenRefused = shop.requestCount();
        CliTest.Run skipped = cairn("sync", "-p", dir.toString());

        assertThat(refused.exit()).as(refused.err()).isEqualTo(Main.DATA_FAILURE);
        assertThat(refused.out()).contains("FAILED tenant acme source shop stream orders: ",
                "HTTP 401 {\"errors\":\"[API] Invalid API key or access token",
                "(state needs_reauth: run `cairn credentials set acme shop access_token`)",
                "ALERT trigger tenant/sync/shop/acme");
        assertThat(refused.out()).as("the refusal stops the streams not started yet").doesNotContain("customers");
        assertThat(requestsWhenRefused).as("one refused request, not retried").isEqualTo(1);
        assertThat(skipped.exit()).isEqualTo(Main.DATA_FAILURE);
        assertThat(skipped.out()).as("the second sync does not ask the shop again")
                .contains("FAILED tenant acme source shop: skipped, state needs_reauth (access token refused "
                        + "(HTTP 401) at ", "run `cairn credentials set acme shop access_token`")
                .doesNotContain("ALERT");
        assertThat(shop.requestCount()).isEqualTo(1);
        assertThat(cairn("credentials", "list", "-p", dir.toString()).out()).contains("needs_reauth");
        assertThat(received).as("one alert while broken").hasSize(1);
        JsonNode trigger = new ObjectMapper().readTree(received.get(0));
        assertThat(trigger.path("event").asText()).isEqualTo("trigger");
        assertThat(trigger.path("tenant").asText()).isEqualTo("acme");
        assertThat(trigger.path("details").get(0).asText()).contains("source shop of tenant acme",
                "needs re-authorisation", "HTTP 401", "cairn credentials set acme shop access_token");

        CliTest.Run stored = set("acme", "shop", "access_token", reissued);
        CliTest.Run fixed = cairn("sync", "-p", dir.toString());
        CliTest.Run again = cairn("sync", "-p", dir.toString());

        assertThat(stored.out()).contains("Cleared needs_reauth of tenant acme source shop");
        assertThat(fixed.exit()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("ALERT resolve tenant/sync/shop/acme");
        assertThat(ConnectorCliTest.rows(fixed.out())).filteredOn(row -> row.startsWith("acme"))
                .extracting(row -> ConnectorCliTest.cells(row).subList(0, 5))
                .containsExactly(List.of("acme", "shop/customers", "1", "1", "1"),
                        List.of("acme", "shop/orders", "1", "1", "1"));
        assertThat(again.exit()).isZero();
        assertThat(again.out()).doesNotContain("ALERT");
        assertThat(received).as("then exactly one resolve").hasSize(2);
        JsonNode resolve = new ObjectMapper().readTree(received.get(1));
        assertThat(resolve.path("event").asText()).isEqualTo("resolve");
        assertThat(resolve.path("key").asText()).isEqualTo(trigger.path("key").asText());
        assertThat(String.join("", received) + refused.out() + refused.err() + skipped.out() + fixed.out())
                .as("no token in alerts or output").doesNotContain(TOKEN, reissued);
    }

    private CliTest.Run set(String tenant, String source, String key, String value) {
        System.setIn(new ByteArrayInputStream((value + "\n").getBytes(StandardCharsets.UTF_8)));
        CliTest.Run run = cairn("credentials", "set", tenant, source, key, "-p", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }
}
