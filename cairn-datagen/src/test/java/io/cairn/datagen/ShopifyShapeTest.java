package io.cairn.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyShapeTest {
    @TempDir
    Path dir;

    @Test
    void generatedOrdersCarryTheFieldNamesOfTheRealApiOrder() throws IOException {
        JsonNode fixture = TestHelper.readJson(TestHelper.sharedFixtures()
                .resolve("external/shopify-rest/orders.json")).get("orders").get(0);
        ShopifyOrdersFile.write(dir.resolve("orders.jsonl"), 50_000, 1);
        JsonNode generated = TestHelper.MAPPER.readTree(Files.readAllLines(dir.resolve("orders.jsonl")).get(0));
        assertThat(keys(generated)).containsAll(keys(fixture));
        assertThat(keys(generated.get("line_items").get(0))).containsAll(keys(fixture.get("line_items").get(0)));
        assertThat(keys(generated.get("shipping_lines").get(0))).containsAll(keys(fixture.get("shipping_lines").get(0)));
        assertThat(keys(generated.get("billing_address"))).containsAll(List.of("address1", "city", "zip", "country_code"));
        assertThat(generated.get("total_price").isTextual()).as("Shopify writes amounts as strings").isTrue();
        assertThat(generated.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-05:00");
    }

    @Test
    void benchmarkFileReachesItsSizeWithValidDistinctOrders() throws IOException {
        Path file = dir.resolve("big/orders.jsonl");
        long target = 5L * 1024 * 1024;
        long records = ShopifyOrdersFile.write(file, target, 42);
        assertThat(Files.size(file)).isBetween(target, target + 20_000);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize((int) records);
        Set<Long> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode order = TestHelper.MAPPER.readTree(line);
            ids.add(order.get("id").asLong());
            assertThat(order.get("currency").asText()).isEqualTo("USD");
        }
        assertThat(ids).hasSize(lines.size());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> out = new HashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
