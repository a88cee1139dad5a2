package io.cairn.datagen.mock;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * One generated tenant served through the Shopify and QuickBooks mocks, from the generator's files
 * ({@code <inbox>/<tenant>/shopify/<stream>/*.jsonl}, {@code .../quickbooks/...}).
 *
 * <p>An API serves the current state of each record, not the history of deliveries a file drop carries. So the
 * files are reduced to what an API would answer: the latest version of each id (by change time, ties to the later
 * line); exact duplicates collapse into it; lines that do not parse and records without an id are not served
 * (they are artefacts of file delivery). Refunds are embedded in their orders, as Shopify returns them, and bump
 * the order's {@code updated_at} as a real refund does; locations are derived from the inventory levels.
 */
public final class GeneratedTenantApis implements AutoCloseable {
    /** Generated QuickBooks stream to QuickBooks entity. */
    static final Map<String, String> QBO_ENTITIES = Map.of("invoices", "Invoice", "payments", "Payment",
            "purchases", "Purchase", "accounts", "Account", "customers", "Customer", "items", "Item",
            "sales_receipts", "SalesReceipt", "bills", "Bill", "vendors", "Vendor", "deposits", "Deposit");

    private final String tenant;
    private final ShopifyMockServer shopify;
    private final QuickBooksMockServer quickbooks;
    private final Map<String, Integer> served = new TreeMap<>();
    private final String accessToken;
    private final String realmId;
    private final String clientSecret;
    private final String refreshToken;

    private GeneratedTenantApis(String tenant, String grant, double shopifyLeakPerSecond) {
        this.tenant = tenant;
        this.accessToken = "shpat_mock_" + tenant;
        this.realmId = Long.toString(9_130_000_000L + Math.abs(tenant.hashCode() % 1_000_000));
        this.clientSecret = "mock-secret-" + tenant;
        this.refreshToken = "mock-rt-" + tenant + "-" + grant;
        this.shopify = new ShopifyMockServer(accessToken, shopifyLeakPerSecond);
        this.quickbooks = new QuickBooksMockServer(realmId, "mock-client", clientSecret, refreshToken);
    }

    /**
     * Starts both mocks for {@code tenant} and loads its generated files.
     *
     * @param grant part of the initial refresh token, so a new serve is a new OAuth grant
     * @param shopifyLeakPerSecond how fast the mock's call-limit bucket drains (Shopify: 2; demos: more)
     */
    public static GeneratedTenantApis serve(Path inbox, String tenant, String grant, double shopifyLeakPerSecond) {
        GeneratedTenantApis apis = new GeneratedTenantApis(tenant, grant, shopifyLeakPerSecond);
        try {
            apis.loadShopify(inbox.resolve(tenant).resolve("shopify"));
            apis.loadQuickBooks(inbox.resolve(tenant).resolve("quickbooks"));
            return apis;
        }
        catch (RuntimeException e) {
            apis.close();
            throw e;
        }
    }

    public ShopifyMockServer shopify() {
        return shopify;
    }

    public QuickBooksMockServer quickbooks() {
        return quickbooks;
    }

    /** Records served per {@code source/stream}: one per distinct id. */
    public Map<String, Integer> served() {
        return Map.copyOf(served);
    }

    /** The {@code tenants.yml} options of a {@code type: shopify} source reading this mock. */
    public Map<String, String> shopifyOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("shop_url", shopify.baseUrl().toString());
        options.put("access_token", accessToken);
        options.put("start_date", "2000-01-01");
        return options;
    }

    /** The {@code tenants.yml} options of a {@code type: quickbooks} source reading this mock. */
    public Map<String, String> quickbooksOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("base_url", quickbooks.baseUrl().toString());
        options.put("token_url", quickbooks.tokenUrl().toString());
        options.put("realm_id", realmId);
        options.put("client_id", "mock-client");
        options.put("client_secret", clientSecret);
        options.put("refresh_token", refreshToken);
        options.put("start_date", "2000-01-01");
        return options;
    }

    public String tenant() {
        return tenant;
    }

    private void loadShopify(Path dir) {
        Map<String, ObjectNode> orders = latest(dir.resolve("orders"), List.of("id"), "updated_at");
        for (ObjectNode refund : latest(dir.resolve("refunds"), List.of("id"), "created_at").values()) {
            ObjectNode order = orders.get(refund.path("order_id").asText());
            if (order == null) {
                continue;
            }
            ArrayNode refunds = order.has("refunds") && order.get("refunds").isArray()
                    ? (ArrayNode) order.get("refunds") : order.putArray("refunds");
            refunds.add(refund);
            if (time(refund.path("created_at")).isAfter(time(order.path("updated_at")))) {
                order.put("updated_at", refund.path("created_at").asText());
            }
            served.merge("shopify/refunds", 1, Integer::sum);
        }
        put("orders", orders);
        put("customers", latest(dir.resolve("customers"), List.of("id"), "updated_at"));
        put("products", latest(dir.resolve("products"), List.of("id"), "updated_at"));
        Map<String, ObjectNode> levels = latest(dir.resolve("inventory_levels"),
                List.of("inventory_item_id", "location_id"), "updated_at");
        put("inventory_levels", levels);
        shopify.put("locations", locations(levels.values()));
        shopify.put("events", List.of());
    }

    private void put(String resource, Map<String, ObjectNode> records) {
        shopify.put(resource, new ArrayList<>(records.values()));
        served.put("shopify/" + resource, records.size());
    }

    private static List<ObjectNode> locations(Iterable<ObjectNode> levels) {
        Map<String, String> first = new TreeMap<>();
        for (ObjectNode level : levels) {
            first.merge(level.path("location_id").asText(), level.path("updated_at").asText(),
                    (a, b) -> time(MockJson.MAPPER.getNodeFactory().textNode(a))
                            .isBefore(time(MockJson.MAPPER.getNodeFactory().textNode(b))) ? a : b);
        }
        List<ObjectNode> locations = new ArrayList<>();
        first.forEach((id, updatedAt) -> locations.add(MockJson.object().put("id", Long.parseLong(id))
                .put("name", "Location " + id).put("active", true).put("updated_at", updatedAt)));
        return locations;
    }

    private void loadQuickBooks(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (String stream : new TreeSet<>(QBO_ENTITIES.keySet())) {
            Map<String, ObjectNode> records = latest(dir.resolve(stream), List.of("Id"), "MetaData.LastUpdatedTime");
            if (!records.isEmpty()) {
                quickbooks.put(QBO_ENTITIES.get(stream), new ArrayList<>(records.values()));
                served.put("quickbooks/" + stream, records.size());
            }
        }
    }

    /** The latest version of each record of a stream folder's JSONL files, in first-seen order. */
    static Map<String, ObjectNode> latest(Path dir, List<String> idFields, String timeField) {
        Map<String, ObjectNode> latest = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return latest;
        }
        for (Path file : jsonlFiles(dir)) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    ObjectNode record = parse(line);
                    String id = record == null ? null : id(record, idFields);
                    if (id == null) {
                        continue;
                    }
                    ObjectNode previous = latest.get(id);
                    if (previous == null || !time(at(record, timeField)).isBefore(time(at(previous, timeField)))) {
                        latest.put(id, record);
                    }
                }
            }
            catch (IOException e) {
                throw new CairnException(ErrorCode.IO, e, "Cannot read generated file %s: %s", file, e.getMessage());
            }
        }
        return latest;
    }

    private static List<Path> jsonlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot list %s: %s", dir, e.getMessage());
        }
    }

    private static ObjectNode parse(String line) {
        try {
            JsonNode node = MockJson.MAPPER.readTree(line);
            return node instanceof ObjectNode object ? object : null;
        }
        catch (IOException e) {
            return null;
        }
    }

    private static String id(JsonNode record, List<String> fields) {
        StringBuilder id = new StringBuilder();
        for (String field : fields) {
            JsonNode value = record.path(field);
            if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
                return null;
            }
            id.append(id.length() == 0 ? "" : ":").append(value.asText());
        }
        return id.toString();
    }

    private static JsonNode at(JsonNode record, String dottedPath) {
        JsonNode node = record;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static OffsetDateTime time(JsonNode value) {
        return value.isTextual() ? OffsetDateTime.parse(value.asText()) : OffsetDateTime.MIN;
    }

    @Override
    public void close() {
        shopify.close();
        quickbooks.close();
    }
}
