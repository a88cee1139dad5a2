package io.cairn.datagen.mock;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;


/**
 * A Shopify Admin REST API on loopback: {@code /admin/api/{version}/{resource}.json} for orders, customers,
 * products, locations, inventory levels, events and order transactions. It checks {@code X-Shopify-Access-Token},
 * filters by {@code updated_at_min} / {@code created_at_min}, orders by {@code updated_at} when asked, pages with
 * opaque {@code page_info} cursors in {@code Link} headers (keyset on the sort key and id, so records updated during
 * a read move to its end and are not skipped), and reports a leaky call-limit bucket in
 * {@code X-Shopify-Shop-Api-Call-Limit}, answering 429 when it overflows.
 */
public final class ShopifyMockServer implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("^/admin/api/(\\d{4}-\\d{2})/([a-z_/0-9]+)\\.json$");
    private static final Pattern TRANSACTIONS = Pattern.compile("^orders/(\\d+)/transactions$");

    private volatile String accessToken;
    private int reissued;
    private final Map<String, List<ObjectNode>> data = new HashMap<>();
    private final Map<String, List<ObjectNode>> transactions = new HashMap<>();
    private final Map<String, List<ObjectNode>> sorted = new HashMap<>();
    private final CallLimitBucket bucket;
    private final MockHttp http;

    /**
     * @param leakPerSecond how fast the 40-call bucket drains; Shopify's standard plan drains 2 per second
     */
    public ShopifyMockServer(String accessToken, double leakPerSecond) {
        this.accessToken = accessToken;
        this.bucket = new CallLimitBucket(40, leakPerSecond);
        this.http = new MockHttp(this::handle);
    }

    /**
     * Revokes the access token, as a merchant uninstalling the app does: requests carrying it get Shopify's 401
     * ({@code [API] Invalid API key or access token}). Returns the token issued when the app is installed again.
     */
    public synchronized String revokeAccessToken() {
        reissued++;
        accessToken = "shpat_mock_reissued_" + reissued;
        return accessToken;
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    public MockHttp http() {
        return http;
    }

    /** Replaces the records of a listing ({@code orders}, {@code customers}, {@code events}, ...). */
    public synchronized void put(String resource, List<ObjectNode> records) {
        List<ObjectNode> copies = new ArrayList<>();
        records.forEach(record -> copies.add(record.deepCopy()));
        data.put(resource, copies);
        sorted.keySet().removeIf(key -> key.startsWith(resource + "/"));
    }

    /** Adds or replaces one record of a listing, by {@code id}. */
    public synchronized void upsert(String resource, ObjectNode record) {
        List<ObjectNode> records = data.computeIfAbsent(resource, k -> new ArrayList<>());
        records.removeIf(existing -> existing.path("id").asText().equals(record.path("id").asText()));
        records.add(record.deepCopy());
        sorted.keySet().removeIf(key -> key.startsWith(resource + "/"));
    }

    private synchronized List<ObjectNode> sorted(String resource, boolean byUpdated) {
        return sorted.computeIfAbsent(resource + "/" + byUpdated,
                key -> ShopifyListing.sortKey(data.get(resource), byUpdated));
    }

    public synchronized void putTransactions(long orderId, List<ObjectNode> records) {
        transactions.put(Long.toString(orderId), List.copyOf(records));
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!accessToken.equals(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
            MockHttp.send(exchange, 401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login "
                    + "or wrong password)\"}");
            return;
        }
        Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
        if (!path.matches()) {
            MockHttp.send(exchange, 404, "{\"errors\":\"Not Found\"}");
            return;
        }
        int used = bucket.take();
        exchange.getResponseHeaders().set("X-Shopify-Shop-Api-Call-Limit", used + "/" + bucket.size());
        if (used > bucket.size()) {
            exchange.getResponseHeaders().set("Retry-After", "0.05");
            MockHttp.send(exchange, 429, "{\"errors\":\"Exceeded 2 calls per second for api client.\"}");
            return;
        }
        answer(exchange, path.group(1), path.group(2));
    }

    private void answer(HttpExchange exchange, String version, String resource) throws IOException {
        Map<String, String> query = MockQuery.parse(exchange.getRequestURI().getRawQuery());
        if (resource.equals("shop")) {
            MockHttp.send(exchange, 200, "{\"shop\":{\"id\":690933842,\"name\":\"Mock shop\"}}");
            return;
        }
        Matcher txn = TRANSACTIONS.matcher(resource);
        if (txn.matches()) {
            ArrayNode array = MockJson.MAPPER.createArrayNode();
            synchronized (this) {
                transactions.getOrDefault(txn.group(1), List.of()).forEach(array::add);
            }
            MockHttp.send(exchange, 200, "{\"transactions\":" + array + "}");
            return;
        }
        synchronized (this) {
            if (!data.containsKey(resource)) {
                MockHttp.send(exchange, 404, "{\"errors\":\"Not Found\"}");
                return;
            }
        }
        URI self = URI.create(http.baseUrl() + "/admin/api/" + version + "/" + resource + ".json");
        ShopifyListing.Result result = ShopifyListing.answer(resource, byUpdated -> sorted(resource, byUpdated),
                query, self);
        if (result.error() != null) {
            MockHttp.send(exchange, 400, "{\"errors\":\"" + result.error() + "\"}");
            return;
        }
        if (result.nextLink() != null) {
            exchange.getResponseHeaders().set("Link", "<" + result.nextLink() + ">; rel=\"next\"");
        }
        ObjectNode body = MockJson.object();
        ArrayNode array = body.putArray(resource);
        result.records().forEach(array::add);
        MockHttp.send(exchange, 200, body.toString());
    }

    /** The number of requests answered so far. */
    public int requestCount() {
        return http.requests().size();
    }

    @Override
    public void close() {
        http.close();
    }
}
