package io.cairn.models;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.RunResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Shopify REST and QuickBooks Online payloads in ../shared/fixtures/external, landed as one tenant, reach
 * staging with every top-level field either mapped to a column or kept in extra_attributes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixturePayloadsTest {
    private static final String TENANT = "fixture_co";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QBO_STREAMS = List.of("invoices", "payments", "purchases", "accounts",
            "customers", "items", "sales_receipts");

    private ModelsFixture fixture;
    /** "system/stream" -> the records landed. */
    private final Map<String, List<JsonNode>> landed = new LinkedHashMap<>();
    private RunResult build;

    @BeforeAll
    void landFixturesAndBuild(@TempDir Path dir) throws Exception {
        fixture = new ModelsFixture(dir);
        fixture.registerTenant(TENANT, "America/New_York", "USD");
        Path shopify = TestHelper.externalFixtures().resolve("shopify-rest");
        List<JsonNode> orders = new ArrayList<>();
        JSON.readTree(shopify.resolve("orders.json").toFile()).path("orders").forEach(orders::add);
        orders.add(JSON.readTree(shopify.resolve("order.json").toFile()).path("order"));
        landed.put("shopify/orders", orders);
        landed.put("shopify/refunds", List.of(JSON.readTree(shopify.resolve("refund.json").toFile()).path("refund")));
        landed.put("shopify/customers",
                List.of(JSON.readTree(shopify.resolve("customers.json").toFile()).path("customer")));
        landed.put("shopify/products",
                List.of(JSON.readTree(shopify.resolve("product.json").toFile()).path("product")));
        List<JsonNode> levels = new ArrayList<>();
        JSON.readTree(shopify.resolve("inventory_levels.json").toFile()).path("inventory_levels")
                .forEach(levels::add);
        landed.put("shopify/inventory_levels", levels);
        for (String line : Files.readAllLines(TestHelper.externalFixtures()
                .resolve("quickbooks-api/sandbox_records.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            String stream = record.path("stream").asText();
            if (QBO_STREAMS.contains(stream)) {
                landed.computeIfAbsent("quickbooks/" + stream, k -> new ArrayList<>()).add(record.path("data"));
            }
        }
        for (Map.Entry<String, List<JsonNode>> stream : landed.entrySet()) {
            String[] parts = stream.getKey().split("/");
            StringBuilder jsonl = new StringBuilder();
            for (JsonNode record : stream.getValue()) {
                jsonl.append(JSON.writeValueAsString(record)).append('\n');
            }
            fixture.drop(TENANT, parts[0], parts[1], parts[1] + ".jsonl", jsonl.toString());
        }
        List<SourceDefinition> sources = List.of(fixture.addFileSource(TENANT, "shopify"),
                fixture.addFileSource(TENANT, "quickbooks"));
        fixture.land(sources);
        // This tenant set has no POS, e-commerce, CRM or inventory source: their raw tables do not exist.
        build = fixture.build(false, Map.of("cairn_absent_streams", List.of("pos__transactions", "ecommerce__orders",
                "crm__customers", "inventory__snapshots")));
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyModelBuildsOverTheRealPayloadsWithAbsentStreamsDeclared() {
        assertThat(build.results().stream()
                .filter(r -> r.status() != NodeStatus.SUCCESS && r.status() != NodeStatus.PASS)
                .map(r -> r.name() + " " + r.status() + ": " + r.message()).toList())
                .as("nodes that did not succeed").isEmpty();
    }

    @Test
    void everyTopLevelFieldIsAColumnOrKeptInExtraAttributes() throws Exception {
        int checked = 0;
        for (Map.Entry<String, List<JsonNode>> stream : landed.entrySet()) {
            String model = "stg_" + stream.getKey().replace("/", "__");
            Set<String> mapped = TestHelper.mappedKeys(fixture.project, model);
            List<List<Object>> rows = fixture.rows("SELECT source_record_id, cast(extra_attributes AS VARCHAR) FROM "
                    + "staging." + model + " WHERE tenant_id = '" + TENANT + "'");
            assertThat(rows).as("rows of %s", model).isNotEmpty();
            Map<String, JsonNode> extraById = new LinkedHashMap<>();
            Map<String, Integer> versions = new LinkedHashMap<>();
            stream.getValue().forEach(r -> versions.merge(recordId(stream.getKey(), r), 1, Integer::sum));
            for (List<Object> row : rows) {
                extraById.put(String.valueOf(row.get(0)), JSON.readTree(String.valueOf(row.get(1))));
            }
            for (JsonNode record : stream.getValue()) {
                String id = recordId(stream.getKey(), record);
                JsonNode extra = extraById.get(id);
                assertThat(extra).as("%s row of record %s", model, id).isNotNull();
                // orders.json and order.json hold two versions of one order: values only of single versions
                boolean singleVersion = versions.get(id) == 1;
                Set<String> keys = new TreeSet<>();
                record.fieldNames().forEachRemaining(keys::add);
                for (String key : keys) {
                    boolean kept = extra.has(key);
                    assertThat(kept || mapped.contains(key))
                            .as("%s field '%s' is a column or in extra_attributes", model, key).isTrue();
                    assertThat(kept && mapped.contains(key)).as("%s field '%s' is not both", model, key).isFalse();
                    if (kept && singleVersion) {
                        assertThat(extra.get(key)).as("%s extra_attributes.%s", model, key)
                                .isEqualTo(record.get(key));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).as("fields checked").isGreaterThan(300);
    }

    private static String recordId(String stream, JsonNode record) {
        if (stream.equals("shopify/inventory_levels")) {
            return record.path("inventory_item_id").asText() + ":" + record.path("location_id").asText();
        }
        return stream.startsWith("quickbooks") ? record.path("Id").asText() : record.path("id").asText();
    }

    @Test
    void shopifyOrderFieldsAreTyped() throws Exception {
        JsonNode order = JSON.readTree(TestHelper.externalFixtures().resolve("shopify-rest/order.json").toFile())
                .path("order");
        List<List<Object>> rows = fixture.rows("SELECT order_id, email, currency, cast(total_amount AS VARCHAR), "
                + "cast(tax_amount AS VARCHAR), cast(discount_amount AS VARCHAR), financial_status, "
                + "epoch(created_at), json_array_length(line_items) FROM staging.stg_shopify__orders "
                + "WHERE tenant_id = '" + TENANT + "' AND order_id = '" + order.path("id").asText() + "'");
        assertThat(rows).hasSize(1);
        List<Object> row = rows.get(0);
        assertThat(row.get(1)).isEqualTo(order.path("email").asText().toLowerCase(java.util.Locale.ROOT));
        assertThat(row.get(2)).isEqualTo(order.path("currency").asText());
        assertThat(new BigDecimal(String.valueOf(row.get(3)))).isEqualByComparingTo(order.path("total_price").asText());
        assertThat(new BigDecimal(String.valueOf(row.get(4)))).isEqualByComparingTo(order.path("total_tax").asText());
        assertThat(new BigDecimal(String.valueOf(row.get(5))))
                .isEqualByComparingTo(order.path("total_discounts").asText());
        assertThat(row.get(6)).isEqualTo(order.path("financial_status").asText());
        assertThat(((Number) row.get(7)).longValue()).isEqualTo(
                java.time.OffsetDateTime.parse(order.path("created_at").asText()).toEpochSecond());
        assertThat(((Number) row.get(8)).intValue()).isEqualTo(order.path("line_items").size());
    }

    @Test
    void quickbooksPurchaseLinesReachTheFinanceTransactions() {
        BigDecimal expected = BigDecimal.ZERO;
        for (JsonNode purchase : landed.get("quickbooks/purchases")) {
            for (JsonNode line : purchase.path("Line")) {
                if (line.path("DetailType").asText().endsWith("ExpenseLineDetail")) {
                    BigDecimal amount = new BigDecimal(line.path("Amount").asText());
                    expected = expected.add(purchase.path("Credit").asBoolean() ? amount.negate() : amount);
                }
            }
        }
        Object actual = fixture.rows("SELECT sum(amount) FROM intermediate.int_finance_transactions WHERE "
                + "tenant_id = '" + TENANT + "' AND transaction_type = 'expense'").get(0).get(0);
        assertThat(expected.signum()).isPositive();
        assertThat(new BigDecimal(String.valueOf(actual))).isEqualByComparingTo(expected);
    }

    @Test
    void quickbooksEntitiesKeepTheirDocumentedFields() {
        for (String stream : QBO_STREAMS) {
            for (JsonNode entity : landed.get("quickbooks/" + stream)) {
                Iterator<String> names = entity.fieldNames();
                assertThat(names.hasNext()).isTrue();
            }
        }
        List<List<Object>> rows = fixture.rows("SELECT count(*), count(created_at), count(updated_at), count(currency) "
                + "FROM staging.stg_quickbooks__invoices WHERE tenant_id = '" + TENANT + "'");
        assertThat(rows.get(0)).containsExactly(5L, 5L, 5L, 5L);
    }
}
